package app.roundtable.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

/**
 * A context of its own for one store component (a pub/sub connection's upkeep, the cluster's slot
 * map): its state is touched on that context only, whichever event loop asked. The one place the
 * store reaches below Vert.x's public API: Vert.x 5 offers no public way to make an event-loop
 * context without deploying a verticle, and a store is not one.
 */
final class OwnContext {
  private OwnContext() {}

  static Context of(Vertx vertx) {
    return ((VertxInternal) vertx).createEventLoopContext();
  }
}

package app.roundtable.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Hands a store's result back on the context that asked for it (the store contract's rule), with
 * public Vert.x API only: the work may finish on another loop's thread (a Redis lane, the pub/sub
 * context) or the SQLite writer's, and the caller's state (its connections, its view of the
 * session) belongs to its own loop alone.
 */
public final class OnContext {
  private OnContext() {}

  /** {@code result}, completed on {@code caller} (at once when already there; as is when null). */
  public static <T> Future<T> of(Context caller, Future<T> result) {
    if (caller == null) return result;
    Promise<T> back = Promise.promise();
    result.onComplete(ar -> {
      if (Vertx.currentContext() == caller) back.handle(ar);
      else caller.runOnContext(v -> back.handle(ar));
    });
    return back.future();
  }
}

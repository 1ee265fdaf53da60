package app.roundtable.store;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore.Subscription;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The subscribers of one session in a store that holds its sessions in this process (memory,
 * SQLite): each gets every version on the context it subscribed from, in the order
 * {@link #deliver} is called (callers call it under the session's lock).
 */
public final class Listeners {
  private record Listener(Context context, Consumer<Session> consumer) {}

  private final List<Listener> all = new CopyOnWriteArrayList<>();

  /** Adds {@code consumer}, to be called on {@code context}; the subscription removes it again. */
  public Subscription add(Context context, Consumer<Session> consumer) {
    Listener l = new Listener(context, consumer);
    all.add(l);
    return () -> {
      all.remove(l);
      return Future.succeededFuture();
    };
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** Hands {@code next} to every listener, each on its own context. */
  public void deliver(Session next) {
    for (Listener l : all) l.context.runOnContext(v -> l.consumer.accept(next));
  }
}

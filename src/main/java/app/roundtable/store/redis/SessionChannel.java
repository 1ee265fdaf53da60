package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore.Subscription;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One session's pub/sub channel on this node: its local listeners, whether Redis confirmed the
 * subscription, and the rule of delivery: a listener gets a version only if it is newer than the
 * last one it got, on the context it subscribed from, never after it cancelled. Touched only on
 * {@link RedisSubscriptions}' context (but {@link Listener#cancelled}, read on the listener's).
 */
final class SessionChannel {
  final String code;
  final List<Listener> listeners = new ArrayList<>();
  /** Redis confirmed the SUBSCRIBE on the current connection. */
  boolean confirmed;

  SessionChannel(String code) {
    this.code = code;
  }

  /** {@code s} to every listener that has not had it or a newer version. */
  void deliver(Session s) {
    for (Listener l : listeners) {
      if (s.version > l.last) l.deliver(s);
    }
  }

  /** After a (re)subscribe: {@code s} to the listeners already subscribed that are still behind it. */
  void catchUp(Session s) {
    for (Listener l : listeners) {
      if (l.pending == null && s.version > l.last) l.deliver(s);
    }
  }

  static final class Listener {
    final String code;
    final Context context;
    final Consumer<Session> consumer;
    /** Until the subscription is in effect and its starting version known; then null. */
    Promise<Subscription> pending;
    /** Highest version handed to this listener (or its starting point); -1 for none. */
    long last = -1;
    /** Set on cancel, read on the listener's context: nothing is delivered after cancel. */
    volatile boolean cancelled;
    long timer = -1;

    Listener(String code, Context context, Consumer<Session> consumer, Promise<Subscription> pending) {
      this.code = code;
      this.context = context;
      this.consumer = consumer;
      this.pending = pending;
    }

    private void deliver(Session s) {
      last = s.version;
      context.runOnContext(v -> {
        if (!cancelled) consumer.accept(s);
      });
    }
  }
}

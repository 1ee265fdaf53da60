package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore.Subscription;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One session's channel on a pub/sub connection, with this node's listeners for it. Owned by the
 * {@link RedisSubscriptions} context, except where a field says otherwise.
 */
final class SubscribedChannel {
  final String code;
  final List<Listener> listeners = new ArrayList<>();
  /** Redis confirmed the SUBSCRIBE on the current connection. */
  boolean confirmed;
  /** The server refused or dropped it (its slot is served elsewhere): not subscribed there now. */
  boolean dropped;

  SubscribedChannel(String code) {
    this.code = code;
  }

  /** Hands {@code s} to the listeners already started that are still behind it (they missed messages). */
  void catchUp(Session s) {
    for (Listener l : listeners) {
      if (l.pending == null && s.version > l.last) l.deliver(s);
    }
  }

  /** Hands {@code s} to every listener that has not had it (or a newer one). */
  void deliver(Session s) {
    for (Listener l : listeners) {
      if (s.version > l.last) l.deliver(s);
    }
  }

  /** The session was deleted: every listener gets null, once, and nothing after it. */
  void deleted() {
    for (Listener l : listeners) {
      if (l.last != Long.MAX_VALUE) l.deliver(null);
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

    /** On the listener's own context, unless it was cancelled by then; null (deleted) is the last. */
    void deliver(Session s) {
      last = s == null ? Long.MAX_VALUE : s.version;
      context.runOnContext(v -> {
        if (!cancelled) consumer.accept(s);
      });
    }
  }
}

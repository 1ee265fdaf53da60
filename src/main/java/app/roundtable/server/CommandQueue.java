package app.roundtable.server;

import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.protocol.Inbound;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A socket's commands as they arrive: rate-limited (over the budget, refused at once), queued up to
 * a bound (beyond it the client is flooding), and handed to the connection one at a time, in
 * arrival order; the next waits for the previous one's answer, so a member's own commands never
 * overtake each other. A command the store failed is answered with the refusal {@link Failures}
 * gives. Runs on the socket's event loop only.
 */
final class CommandQueue {
  /** Commands waiting behind the one in flight. */
  static final int MAX_QUEUED = 32;

  /** The connection the commands are for. */
  interface Handler {
    /** Handles one command; the future completes when it was answered. */
    Future<Void> handle(Inbound in);

    void refuse(String id, Refusal refusal);

    /** Once closed, queued commands are dropped. */
    boolean closed();
  }

  private final Handler handler;
  private final RateLimiter rate;
  private final int perSecond;
  private final LongSupplier clock;
  private final Metrics metrics;
  /** Small: a person sends a command now and then; grows only for a burst. */
  private final ArrayDeque<Inbound> queue = new ArrayDeque<>(2);
  /** A command is in flight; the next waits for it. */
  private boolean busy;

  CommandQueue(Handler handler, int perSecond, LongSupplier clock, Metrics metrics) {
    this.handler = handler;
    this.perSecond = perSecond;
    this.rate = new RateLimiter(perSecond, perSecond, clock.getAsLong());
    this.clock = clock;
    this.metrics = metrics;
  }

  void offer(Inbound in) {
    if (!rate.tryTake(clock.getAsLong())) {
      metrics.command(null);
      handler.refuse(in.id(), Refusal.of(Reason.RATE_LIMITED, "Too many commands; at most " + perSecond + " per second."));
      return;
    }
    if (queue.size() >= MAX_QUEUED) {
      handler.refuse(in.id(), Refusal.of(Reason.RATE_LIMITED, "Too many commands waiting; slow down."));
      return;
    }
    queue.add(in);
    pump();
  }

  private void pump() {
    while (!busy && !queue.isEmpty() && !handler.closed()) {
      Inbound in = queue.poll();
      busy = true;
      Future<Void> done;
      try {
        done = handler.handle(in).recover(e -> {
          handler.refuse(null, Failures.refusal(e)); // the store failed it
          return Future.succeededFuture();
        });
      } catch (RuntimeException e) {
        handler.refuse(in.id(), Failures.refusal(e));
        done = Future.succeededFuture();
      }
      done.onComplete(ar -> {
        busy = false;
        pump();
      });
      if (busy) return;
    }
  }
}

package app.roundtable.server;

import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.protocol.Inbound;
import app.roundtable.store.Deadlines;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A socket's commands as they arrive: rate-limited (over the budget, refused at once), queued up to
 * a bound (beyond it the client is flooding), and handed to the connection one at a time, in
 * arrival order; the next waits for the previous one's answer, so a member's own commands never
 * overtake each other. Each is handed over with its {@link Answer}, owed from its arrival and
 * given within the contract's 2 s: {@code unavailable} if the store has not answered by then; a
 * command the store failed is answered with the refusal {@link Failures} gives, carrying its id.
 * Runs on the socket's event loop only.
 */
final class CommandQueue {
  /** Commands waiting behind the one in flight. */
  static final int MAX_QUEUED = 32;

  /** The connection the commands are for. */
  interface Handler extends Answer.To {
    /**
     * Handles one command whose answer is still owed, giving it through {@code answer}; the future
     * completes when the store is done with it.
     */
    Future<Void> handle(Inbound in, Answer answer);

    /** Once closed, queued commands are dropped. */
    boolean closed();

    /** The command last handed over is done with: answered, refused, or given up on. */
    default void settled() {}
  }

  private final Handler handler;
  private final RateLimiter rate;
  private final int perSecond;
  private final LongSupplier clock;
  private final Metrics metrics;
  /** The node's answer deadlines (see {@link Answer}). */
  private final Deadlines deadlines;
  /** Small: a person sends a command now and then; grows only for a burst. */
  private final ArrayDeque<Queued> queue = new ArrayDeque<>(2);

  /** A command waiting its turn, and its answer, owed from its arrival. */
  private record Queued(Inbound in, Answer answer) {}
  /** A command is in flight; the next waits for it. */
  private boolean busy;

  CommandQueue(Handler handler, int perSecond, LongSupplier clock, Metrics metrics, Deadlines deadlines) {
    this.handler = handler;
    this.deadlines = deadlines;
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
    queue.add(new Queued(in, Answer.owedFrom(in.id(), handler, deadlines)));
    pump();
  }

  private void pump() {
    while (!busy && !queue.isEmpty() && !handler.closed()) {
      Queued q = queue.poll();
      busy = true;
      Future<Void> done;
      try {
        // Waited past its deadline behind a command the store did not answer: it was refused as
        // unavailable then, so it never runs.
        done = !q.answer.owed() ? Future.succeededFuture() : handler.handle(q.in, q.answer).recover(e -> {
          q.answer.refuse(Failures.refusal(e)); // the store failed it
          return Future.succeededFuture();
        });
      } catch (RuntimeException e) {
        q.answer.refuse(Failures.refusal(e));
        done = Future.succeededFuture();
      }
      done.onComplete(ar -> {
        busy = false;
        handler.settled();
        pump();
      });
      if (busy) return;
    }
  }
}

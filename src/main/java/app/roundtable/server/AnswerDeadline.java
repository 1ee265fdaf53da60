package app.roundtable.server;

import app.roundtable.store.Deadlines;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The contract answers a command within 2 s, with {@code unavailable} when the store has not
 * answered by then; the store's own deadlines are longer (an update may retry, a join reads and
 * writes). One command's answer: whoever {@link #claim claims} it first gives it, the store's
 * result or this deadline. The connection still waits for the store before it takes its next
 * command, so a member's commands never overtake each other, even one that was given up on.
 * Claimed on the connection's event loop only; the node's {@link Deadlines} check it from theirs.
 */
final class AnswerDeadline implements Deadlines.Limited {
  /**
   * The contract's 2 s, less a margin for the network, a busy event loop and the check's
   * granularity ({@link Deadlines#TICK_MS}).
   */
  static final long ANSWER_MS = 1_500;

  /** The connection's context: the answer for the store is given there. */
  private final Context ctx;
  private final Runnable onTimeout;
  /** Read by the deadline check on another loop: it hops only for answers still owed. */
  private volatile boolean answered;

  private AnswerDeadline(Deadlines deadlines, Runnable onTimeout) {
    this.ctx = Vertx.currentContext();
    this.onTimeout = onTimeout;
    if (deadlines != null && ctx != null) deadlines.after(ANSWER_MS, this);
  }

  /**
   * Starts the clock; {@code onTimeout} answers for the store if it has not answered in time. One
   * queue append, not a timer per command (see {@link Deadlines}); without {@code deadlines} (or
   * off an event loop) nothing is timed.
   */
  static AnswerDeadline start(Deadlines deadlines, Runnable onTimeout) {
    return new AnswerDeadline(deadlines, onTimeout);
  }

  /** True once the answer was given (by the deadline or a claim). */
  boolean passed() {
    return answered;
  }

  /** True (once) when the answer is still to be given: the caller gives it now. */
  boolean claim() {
    if (answered) return false;
    answered = true;
    return true;
  }

  @Override
  public void expire() {
    if (!answered) ctx.runOnContext(v -> {
      if (claim()) onTimeout.run();
    });
  }
}

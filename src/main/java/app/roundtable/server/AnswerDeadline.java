package app.roundtable.server;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The contract answers a command within 2 s, with {@code unavailable} when the store has not
 * answered by then; the store's own deadlines are longer (an update may retry, a join reads and
 * writes). One command's answer: whoever {@link #claim claims} it first gives it, the store's
 * result or this deadline. The connection still waits for the store before it takes its next
 * command, so a member's commands never overtake each other, even one that was given up on.
 * Runs on the connection's event loop only.
 */
final class AnswerDeadline {
  /** The contract's 2 s, less a margin for the network and a busy event loop. */
  static final long ANSWER_MS = 1_500;

  private final Context ctx;
  private final long timer;
  private boolean answered;

  private AnswerDeadline(Runnable onTimeout) {
    this.ctx = Vertx.currentContext();
    this.timer = ctx == null ? -1 : ctx.owner().setTimer(ANSWER_MS, t -> {
      if (claim()) onTimeout.run();
    });
  }

  /** Starts the clock; {@code onTimeout} answers for the store if it has not answered in time. */
  static AnswerDeadline start(Runnable onTimeout) {
    return new AnswerDeadline(onTimeout);
  }

  /** True once the answer was given (by the deadline or a claim). */
  boolean passed() {
    return answered;
  }

  /** True (once) when the answer is still to be given: the caller gives it now. */
  boolean claim() {
    if (answered) return false;
    answered = true;
    if (timer >= 0) ctx.owner().cancelTimer(timer);
    return true;
  }
}

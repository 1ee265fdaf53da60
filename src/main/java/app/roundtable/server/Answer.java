package app.roundtable.server;

import app.roundtable.domain.Refusal;
import app.roundtable.store.Deadlines;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One command's answer, owed from its arrival until it is given: an ack, a refusal, or a reply of
 * its own (a welcome, a sync's state, a pong). The contract answers within 2 s, with {@code
 * unavailable} when the store has not answered by then; the store's own deadlines are longer (an
 * update may retry, a join reads and writes), so whichever comes first gives the answer and the
 * other finds nothing owed. The connection still waits for the store before it takes its next
 * command, so a member's commands never overtake each other, even one that was given up on.
 * Given on the connection's event loop only; the node's {@link Deadlines} check it from theirs.
 */
final class Answer implements Deadlines.Limited {
  /**
   * The contract's 2 s, less a margin for the network, a busy event loop and the check's
   * granularity ({@link Deadlines#TICK_MS}).
   */
  static final long ANSWER_MS = 1_500;

  /** Where the answers of one socket go. */
  interface To {
    void refuse(String id, Refusal refusal);

    /** The command {@code id} took effect as {@code version} (or was a duplicate of one that did). */
    void ack(String id, long version);
  }

  /** The command's id, echoed in its answer; null when the client sent none. */
  final String id;
  private final To to;
  /** The connection's context: the answer for the store is given there. */
  private final Context ctx;
  /** Read by the deadline check on another loop: it hops only for answers still owed. */
  private volatile boolean given;

  private Answer(String id, To to, Deadlines deadlines) {
    this.id = id;
    this.to = to;
    this.ctx = Vertx.currentContext();
    if (deadlines != null && ctx != null) deadlines.after(ANSWER_MS, this);
  }

  /**
   * Owed from now; answered {@code unavailable} if nothing else answers in time. One queue append,
   * not a timer per command (see {@link Deadlines}); without {@code deadlines} (or off an event
   * loop) nothing is timed.
   */
  static Answer owedFrom(String id, To to, Deadlines deadlines) {
    return new Answer(id, to, deadlines);
  }

  /** True until the answer is given (by the deadline or by one of the calls below). */
  boolean owed() {
    return !given;
  }

  void ack(long version) {
    if (take()) to.ack(id, version);
  }

  void refuse(Refusal refusal) {
    if (take()) to.refuse(id, refusal);
  }

  /** Answers with {@code reply} (a welcome, a state, a pong) if still owed; true if it ran. */
  boolean give(Runnable reply) {
    if (!take()) return false;
    reply.run();
    return true;
  }

  private boolean take() {
    if (given) return false;
    given = true;
    return true;
  }

  @Override
  public void expire() {
    if (!given) ctx.runOnContext(v -> refuse(Failures.unavailable()));
  }
}

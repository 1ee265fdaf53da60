package app.roundtable.domain;

/** What applying one action to a session gave. */
public sealed interface Outcome {

  /** Accepted and changed the session: {@code session} is a new object at version + 1. */
  record Applied(Session session) implements Outcome {}

  /** Accepted but nothing to change (e.g. lowering a hand that is not raised): ack the current version. */
  record Unchanged() implements Outcome {}

  /** The same member sent the same request id before; it was applied as {@code version}. */
  record Duplicate(long version) implements Outcome {}

  /** Refused; the session is untouched. */
  record Refused(Refusal refusal) implements Outcome {}
}

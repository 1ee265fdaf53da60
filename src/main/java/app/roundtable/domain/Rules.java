package app.roundtable.domain;

/**
 * The rules of a session: {@code (state, action, context) -> outcome}. Pure: no I/O, no clock, no
 * Vert.x; time, randomness and limits come in through {@link Context}. The given session is never
 * modified; an accepted change comes back as a new session at version + 1 with {@code updatedAt = now}.
 */
public final class Rules {
  private Rules() {}

  public static Outcome apply(Session session, Action action, Context ctx) {
    throw new UnsupportedOperationException("not yet");
  }
}

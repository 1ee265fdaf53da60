package app.roundtable.domain;

/** Why a command was not applied, with a sentence a person can read. Nothing changed. */
public record Refusal(Reason reason, String message) {

  /** The contract's error codes, in domain terms; the protocol package spells them on the wire. */
  public enum Reason {
    BAD_REQUEST, NOT_JOINED, UNKNOWN_SESSION, SESSION_FULL, SESSION_ENDED, FORBIDDEN, NOT_FOUND,
    INVALID_PHASE, LIMIT_EXCEEDED, RATE_LIMITED, UNAVAILABLE, INTERNAL,
    /** The facilitator locked the room: no new names or displays (an extension of the contract's codes). */
    ROOM_LOCKED
  }

  public static Refusal of(Reason reason, String message) {
    return new Refusal(reason, message);
  }
}

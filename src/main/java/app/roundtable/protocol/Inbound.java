package app.roundtable.protocol;

import app.roundtable.domain.Command;

/** A client frame after validation: exactly one of these, or a {@link Rejection}. */
public sealed interface Inbound {
  /** The client's correlation id, echoed in ack/error; may be null. */
  String id();

  /**
   * {@code join}: exactly one of name (new member, maybe with key), resume, or display is set.
   * {@code identity} is the client's series identity secret, only with a name (null if none sent).
   */
  record Join(String id, String code, String name, String resume, String key, boolean display,
      String identity) implements Inbound {
    public Join(String id, String code, String name, String resume, String key, boolean display) {
      this(id, code, name, resume, key, display, null);
    }
  }

  record Ping(String id, long t) implements Inbound {}

  record Sync(String id) implements Inbound {}

  /** Any session command; {@code type} is its wire name (for metrics). */
  record Do(String id, String type, Command command) implements Inbound {}

  /** A frame that could not be turned into a command; nothing is applied. */
  record Rejection(String id, String type, app.roundtable.domain.Refusal refusal) implements Inbound {}
}

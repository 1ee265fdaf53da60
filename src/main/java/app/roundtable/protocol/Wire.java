package app.roundtable.protocol;

import app.roundtable.domain.Refusal.Reason;
import java.util.Locale;

/**
 * The table of names on the wire that are not session command types (those are
 * {@link FrameDecoder}'s): message types, error codes and enum values. Close reasons and their
 * WebSocket statuses are {@link CloseReason}; HTTP errors and their statuses are {@link HttpError}.
 * Nothing outside this package spells any of them.
 */
public final class Wire {
  private Wire() {}

  // Client → server messages that are not session commands.
  public static final String JOIN = "join";
  public static final String PING = "ping";
  public static final String SYNC = "sync";

  // Server → client messages.
  public static final String WELCOME = "welcome";
  public static final String STATE = "state";
  public static final String YOU = "you";
  public static final String ACK = "ack";
  public static final String ERROR = "error";
  public static final String PONG = "pong";
  public static final String CLOSED = "closed";
  /** v1.2: answers to one connection's request (a summary, a new follow-up), carrying its id. */
  public static final String SUMMARY = "summary";
  public static final String FOLLOW_UP = "followUp";

  /** The error code of a refusal: the contract's {@code bad_request}, {@code not_joined}, … */
  public static String code(Reason reason) {
    return name(reason);
  }

  public static String name(Enum<?> value) {
    return value == null ? null : NAMES.get(value.getDeclaringClass())[value.ordinal()];
  }

  /** Wire names by ordinal, made once per enum: the state frame writes a dozen per version. */
  private static final ClassValue<String[]> NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        String name = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
        // Error codes keep the contract's underscores; enum values on the wire use hyphens.
        names[i] = type == Reason.class ? name : name.replace('_', '-');
      }
      return names;
    }
  };

  public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
    if (wire == null) return null;
    for (E e : type.getEnumConstants()) if (name(e).equals(wire)) return e;
    return null;
  }
}

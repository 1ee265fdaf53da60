package app.roundtable.protocol;

import app.roundtable.domain.Refusal.Reason;
import java.util.Locale;

/** Every name spelled on the wire that is not a command type: error codes and enum values. */
public final class Wire {
  private Wire() {}

  public static String code(Reason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
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
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
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

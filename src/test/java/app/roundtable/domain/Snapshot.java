package app.roundtable.domain;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/** A deep, field-by-field rendering of a session, to prove a command left its input untouched. */
final class Snapshot {
  private Snapshot() {}

  static String of(Object o) {
    StringBuilder b = new StringBuilder();
    render(o, b);
    return b.toString();
  }

  private static void render(Object o, StringBuilder b) {
    if (o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean
        || o instanceof Enum<?> || o instanceof Record) {
      b.append(o);
    } else if (o instanceof Collection<?> c) {
      b.append('[');
      for (Object e : c) {
        render(e, b);
        b.append(',');
      }
      b.append(']');
    } else if (o instanceof Map<?, ?> m) {
      b.append('{');
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(e.getKey()).append('=');
        render(e.getValue(), b);
        b.append(',');
      }
      b.append('}');
    } else {
      b.append(o.getClass().getSimpleName()).append('(');
      for (Field f : o.getClass().getFields()) {
        if (Modifier.isStatic(f.getModifiers())) continue;
        b.append(f.getName()).append('=');
        try {
          render(f.get(o), b);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        b.append(';');
      }
      b.append(')');
    }
  }
}

package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every command record has exactly one rule, and applying it never escapes as an exception. */
class RuleBookTest {

  /** Every concrete record under the sealed {@link Command}, found by walking permitted subclasses. */
  static List<Class<?>> commandRecords() {
    List<Class<?>> out = new ArrayList<>();
    walk(Command.class, out);
    return out;
  }

  private static void walk(Class<?> type, List<Class<?>> out) {
    if (type.isRecord()) out.add(type);
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted != null) for (Class<?> sub : permitted) walk(sub, out);
  }

  @Test
  void everyCommandRecordHasARule() {
    Set<String> records = new TreeSet<>();
    for (Class<?> c : commandRecords()) records.add(c.getSimpleName());
    Set<String> ruled = new TreeSet<>();
    for (Class<?> c : RuleBook.covered()) ruled.add(c.getSimpleName());
    assertEquals(records, ruled);
  }

  @Test
  void everyCommandAppliesToAJoinedSessionWithoutThrowing() throws Exception {
    for (Class<?> type : commandRecords()) {
      Given g = Given.session("ana");
      Command c = blank(type);
      for (String actor : new String[] {Given.FAC, "ana", null}) {
        Outcome out = g.run(actor, c);
        assertNotNull(out, type.getSimpleName());
      }
    }
  }

  /** The record built from its canonical constructor with empty values: rules must refuse, not throw. */
  private static Command blank(Class<?> type) throws Exception {
    RecordComponent[] parts = type.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      values[i] = emptyOf(types[i]);
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    return (Command) canonical.newInstance(values);
  }

  private static Object emptyOf(Class<?> t) {
    if (t == int.class) return 0;
    if (t == long.class) return 0L;
    if (t == boolean.class) return false;
    if (t == String.class) return "x";
    if (t == List.class) return List.of();
    if (t.isEnum()) return t.getEnumConstants()[0];
    return null;
  }
}

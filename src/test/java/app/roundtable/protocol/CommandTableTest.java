package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command;
import app.roundtable.domain.Limits;
import app.roundtable.protocol.CommandTable.Row;
import app.roundtable.protocol.CommandTable.Sender;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The table holds every command a client may send, once, with the sender its record's role says. */
class CommandTableTest {

  @Test
  void everyClientCommandRecordHasOneRow() {
    Set<String> records = new TreeSet<>();
    collect(Command.MemberCommand.class, records);
    Set<String> rows = new TreeSet<>();
    Set<String> wireNames = new HashSet<>();
    for (Row<?> row : CommandTable.ROWS) {
      assertTrue(rows.add(row.type().getSimpleName()), "two rows for " + row.type().getSimpleName());
      assertTrue(wireNames.add(row.wireName()), "two rows named " + row.wireName());
    }
    assertEquals(records, rows);
  }

  @Test
  void facilitatorCommandsAreMarkedSo() {
    for (Row<?> row : CommandTable.ROWS) {
      boolean facilitator = Command.FacilitatorCommand.class.isAssignableFrom(row.type());
      assertEquals(facilitator ? Sender.FACILITATOR : Sender.MEMBER, row.sender(), row.wireName());
    }
  }

  @Test
  void theDecoderAcceptsExactlyTheTableAndTheConnectionMessages() {
    Set<String> expected = new TreeSet<>(Set.of(Wire.JOIN, Wire.PING, Wire.SYNC));
    for (Row<?> row : CommandTable.ROWS) expected.add(row.wireName());
    assertEquals(expected, new FrameDecoder(Limits.DEFAULTS).types());
  }

  private static void collect(Class<?> type, Set<String> out) {
    if (type.isRecord()) out.add(type.getSimpleName());
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted != null) for (Class<?> sub : permitted) collect(sub, out);
  }
}

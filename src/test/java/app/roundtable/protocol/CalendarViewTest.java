package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Language;
import app.roundtable.domain.Schedule;
import app.roundtable.domain.Session;
import app.roundtable.testsupport.Calendars;
import app.roundtable.testsupport.Sessions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The .ics the server writes, read back by a real calendar parser. */
class CalendarViewTest {
  private static final long AT = Instant.parse("2027-01-12T16:30:00Z").toEpochMilli();
  private static final String JOIN = "https://roundtable.example/s/abcdefghjkmnp";

  private static Session planned(String title) {
    Session s = Sessions.fresh("abcdefghjkmnp", AT - 86_400_000L * 14);
    s.title = title;
    s.scheduled = new Schedule(AT, 90, 0);
    return s;
  }

  @Test
  void oneEventWithItsStartEndLinkAndTwoReminders() {
    VEvent e = Calendars.onlyEvent(CalendarView.ics(planned("Peer group"), JOIN, AT - 1000));
    assertEquals(Instant.parse("2027-01-12T16:30:00Z"), Calendars.instant(e, Property.DTSTART));
    assertEquals(Instant.parse("2027-01-12T18:00:00Z"), Calendars.instant(e, Property.DTEND));
    assertEquals("Peer group", Calendars.value(e, Property.SUMMARY));
    assertEquals(JOIN, Calendars.value(e, Property.URL));
    assertTrue(Calendars.value(e, Property.DESCRIPTION).contains(JOIN));
    assertEquals(List.of("-P1D", "-PT15M"), Calendars.alarmTriggers(e));
    assertEquals("abcdefghjkmnp@roundtable", Calendars.value(e, Property.UID));
  }

  @Test
  void textIsEscapedAndLongLinesAreFoldedWithoutSplittingACharacter() {
    String title = "Leading, listening; and \\ feedback — a long title with emoji 🙂🙂🙂 and ümlauts "
        + "that runs well past seventy-five octets";
    String ics = CalendarView.ics(planned(title), JOIN, AT);
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
    }
    assertTrue(ics.contains("SUMMARY:Leading\\, listening\\; and \\\\ feedback"), ics);
    assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
    assertEquals(title, Calendars.value(Calendars.onlyEvent(ics), Property.SUMMARY), "unfolds and unescapes to the title");
  }

  @Test
  void theDescriptionIsInTheSessionsLanguage() {
    Session de = planned("Kollegiale Beratung");
    de.language = Language.DE;
    assertEquals("An der Sitzung teilnehmen: " + JOIN,
        Calendars.value(Calendars.onlyEvent(CalendarView.ics(de, JOIN, AT)), Property.DESCRIPTION));
    Session es = planned("Intervisión");
    es.language = Language.ES;
    assertEquals("Unirse a la sesión: " + JOIN,
        Calendars.value(Calendars.onlyEvent(CalendarView.ics(es, JOIN, AT)), Property.DESCRIPTION));
    assertEquals("Join the session: " + JOIN,
        Calendars.value(Calendars.onlyEvent(CalendarView.ics(planned("Peer group"), JOIN, AT)), Property.DESCRIPTION));
  }

  @Test
  void aMovedDateKeepsTheUidAndCountsTheMove() {
    Session s = planned("Peer group");
    VEvent before = Calendars.onlyEvent(CalendarView.ics(s, JOIN, AT));
    s.scheduled = new Schedule(AT + 86_400_000L, 60, 1);
    VEvent after = Calendars.onlyEvent(CalendarView.ics(s, JOIN, AT));
    assertEquals(Calendars.value(before, Property.UID), Calendars.value(after, Property.UID));
    assertEquals("0", Calendars.value(before, Property.SEQUENCE));
    assertEquals("1", Calendars.value(after, Property.SEQUENCE));
    assertEquals(Instant.parse("2027-01-13T17:30:00Z"), Calendars.instant(after, Property.DTEND));
  }
}

package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** A calendar file read as a calendar application reads it (ical4j), for the tests of our .ics. */
public final class Calendars {
  private Calendars() {}

  /** The one event of {@code ics}; fails unless the file parses, validates and holds exactly one. */
  public static VEvent onlyEvent(String ics) {
    try {
      Calendar cal = new CalendarBuilder().build(new StringReader(ics));
      cal.validate();
      List<VEvent> events = cal.getComponents(Component.VEVENT);
      assertEquals(1, events.size(), "one event");
      return events.get(0);
    } catch (Exception e) {
      throw new AssertionError("not a valid calendar: " + e + "\n" + ics, e);
    }
  }

  public static String value(VEvent e, String property) {
    return e.getProperty(property).map(Property::getValue).orElse(null);
  }

  /** A DTSTART/DTEND as an instant (they are written in UTC). */
  public static Instant instant(VEvent e, String property) {
    DateProperty<?> p = e.<DateProperty<?>>getProperty(property).orElseThrow();
    Temporal t = p.getDate();
    return Instant.from(t);
  }

  public static List<String> alarmTriggers(VEvent e) {
    return e.getAlarms().stream().map(Calendars::trigger).toList();
  }

  private static String trigger(VAlarm a) {
    return a.getProperty(Property.TRIGGER).map(Property::getValue).orElse(null);
  }
}

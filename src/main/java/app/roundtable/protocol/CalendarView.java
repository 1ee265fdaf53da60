package app.roundtable.protocol;

import app.roundtable.domain.Catalogue;
import app.roundtable.domain.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A planned session as an iCalendar file (RFC 5545): one event with a UID that stays the same
 * when the date moves ({@code SEQUENCE} counts the moves, so calendars update the event they
 * imported), times in UTC, the join link as {@code URL} and in the description, and reminders a
 * day and a quarter of an hour before. Text is escaped (§3.3.11) and lines are folded at 75
 * octets without splitting a character (§3.1); lines end in CRLF.
 */
public final class CalendarView {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;

  private CalendarView() {}

  /** {@code s} must be scheduled; {@code joinUrl} is the absolute link to its member page. */
  public static String ics(Session s, String joinUrl, long now) {
    long start = s.scheduled.at;
    long end = start + s.scheduled.minutes * 60_000L;
    StringBuilder b = new StringBuilder(1024);
    line(b, "BEGIN:VCALENDAR");
    line(b, "VERSION:2.0");
    line(b, "PRODID:-//Roundtable//Roundtable//EN");
    line(b, "CALSCALE:GREGORIAN");
    line(b, "METHOD:PUBLISH");
    line(b, "BEGIN:VEVENT");
    line(b, "UID:" + uid(s));
    line(b, "SEQUENCE:" + s.scheduled.sequence);
    line(b, "DTSTAMP:" + UTC.format(Instant.ofEpochMilli(now)));
    line(b, "DTSTART:" + UTC.format(Instant.ofEpochMilli(start)));
    line(b, "DTEND:" + UTC.format(Instant.ofEpochMilli(end)));
    line(b, "SUMMARY:" + text(s.title));
    // A URI value is not TEXT: it is written as it is (RFC 5545 §3.3.13), only folded.
    line(b, "URL:" + joinUrl);
    line(b, "DESCRIPTION:" + text(Catalogue.word(s.language, "calendar.join") + ": " + joinUrl));
    alarm(b, "-P1D", s.title);
    alarm(b, "-PT15M", s.title);
    line(b, "END:VEVENT");
    line(b, "END:VCALENDAR");
    return b.toString();
  }

  /** The event's identity: the session's, so a moved date updates the same calendar entry. */
  public static String uid(Session s) {
    return s.code + "@roundtable";
  }

  private static void alarm(StringBuilder b, String trigger, String title) {
    line(b, "BEGIN:VALARM");
    line(b, "ACTION:DISPLAY");
    line(b, "TRIGGER:" + trigger);
    line(b, "DESCRIPTION:" + text(title));
    line(b, "END:VALARM");
  }

  /** TEXT escaping: backslash, semicolon, comma and line breaks. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Appends one content line, folded: at most 75 octets a line, continuations start with a space. */
  static void line(StringBuilder b, String content) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 octets
      if (octets + n > limit) {
        b.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1; // the leading space counts
      }
      b.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    b.append("\r\n");
  }
}

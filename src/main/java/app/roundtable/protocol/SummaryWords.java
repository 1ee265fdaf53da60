package app.roundtable.protocol;

import app.roundtable.domain.Catalogue;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.ItemStatus;
import app.roundtable.domain.Language;
import app.roundtable.domain.SessionStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words the session's record is written in (PROTOCOL.md v1.2: the summary's headings in the
 * reader's language), one set per {@link Language}, from the server's {@link Catalogue}
 * ({@code summary.date}, …). Members' own words are never translated.
 */
record SummaryWords(
    Locale locale,
    String date, String status, String open, String ended,
    String agenda, String item, String planned, String actual, String minutes,
    String pending, String active, String done,
    String speaking, String member, String turns, String timeSpoken,
    String facilitation, String nobody,
    String board, String round, String current, String prompt, String noIdeas,
    String vote, String votes, String group,
    String commitments, String none, String plannedStatus, String tried, String doneStatus,
    String from,
    String chartTitle, String chartLabel, String turn, String turnsShort, String nobodyJoined) {

  private static final Map<Language, SummaryWords> BY_LANGUAGE = new EnumMap<>(Language.class);

  static {
    BY_LANGUAGE.put(Language.EN, read(Language.EN, Locale.ENGLISH));
    BY_LANGUAGE.put(Language.DE, read(Language.DE, Locale.GERMAN));
    BY_LANGUAGE.put(Language.ES, read(Language.ES, new Locale("es")));
  }

  static SummaryWords of(Language language) {
    return BY_LANGUAGE.get(Language.of(language));
  }

  /** Each component after the locale is the catalogue's {@code summary.<its name>}. */
  private static SummaryWords read(Language language, Locale locale) {
    RecordComponent[] parts = SummaryWords.class.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] words = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      words[i] = i == 0 ? locale : Catalogue.word(language, "summary." + parts[i].getName());
    }
    try {
      return SummaryWords.class.getDeclaredConstructor(types).newInstance(words);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  String status(SessionStatus s) {
    return s == SessionStatus.ENDED ? ended : open;
  }

  String status(ItemStatus s) {
    return switch (s) {
      case PENDING -> pending;
      case ACTIVE -> active;
      case DONE -> done;
    };
  }

  String status(CommitmentStatus s) {
    return switch (s) {
      case PLANNED -> plannedStatus;
      case TRIED -> tried;
      case DONE -> doneStatus;
    };
  }

  String votes(int n) {
    return n + " " + (n == 1 ? vote : votes);
  }

  String turns(int n) {
    return n + " " + (n == 1 ? turn : turnsShort);
  }

  /** A day as people write it in this language: "4 December 2026", "4. Dezember 2026", "4 de diciembre de 2026". */
  String day(long at, ZoneId zone) {
    DateTimeFormatter f = locale == Locale.ENGLISH
        ? DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    return f.withZone(zone).format(Instant.ofEpochMilli(at));
  }
}

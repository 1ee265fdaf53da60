package app.roundtable.server;

import app.roundtable.domain.Language;
import app.roundtable.protocol.Wire;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which language a reader gets the summary in (PROTOCOL.md v1.2): {@code ?lang=} when given, else
 * the first of the reader's {@code Accept-Language} that we write, else the session's own.
 */
final class ReaderLanguage {
  private ReaderLanguage() {}

  /** Header values longer than this are not read: a real one is a few dozen characters. */
  private static final int MAX_HEADER = 512;

  /** Null when {@code lang} is given but names no language we write (the caller answers 400). */
  static Language pick(String lang, String acceptLanguage, Language session) {
    if (lang != null) return Wire.parse(Language.class, lang.strip().toLowerCase(Locale.ROOT));
    Language accepted = accepted(acceptLanguage);
    return accepted != null ? accepted : Language.of(session);
  }

  /** The most preferred language of the header that we write; null for none (or {@code *} only). */
  static Language accepted(String header) {
    if (header == null || header.length() > MAX_HEADER) return null;
    record Range(Language language, double q, int order) {}
    List<Range> ranges = new ArrayList<>();
    String[] parts = header.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] fields = parts[i].strip().split(";");
      String tag = fields[0].strip().toLowerCase(Locale.ROOT);
      int dash = tag.indexOf('-');
      Language language = Wire.parse(Language.class, dash < 0 ? tag : tag.substring(0, dash));
      if (language == null) continue;
      double q = 1;
      for (int k = 1; k < fields.length; k++) {
        String f = fields[k].strip();
        if (f.startsWith("q=")) {
          try {
            q = Double.parseDouble(f.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > 0) ranges.add(new Range(language, q, i));
    }
    return ranges.stream()
        .min(Comparator.comparingDouble((Range r) -> -r.q()).thenComparingInt(Range::order))
        .map(Range::language)
        .orElse(null);
  }
}

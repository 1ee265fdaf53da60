package app.roundtable.domain;

/**
 * The language a session's own words are written in (PROTOCOL.md v1.2): its template's agenda
 * titles and prompts and the default ground rules, chosen at creation and kept by its follow-ups.
 * What members write is theirs, in whatever language they write it.
 */
public enum Language {
  EN, DE, ES;

  /** A session stored before sessions had a language was written in English. */
  public static Language of(Language stored) {
    return stored == null ? EN : stored;
  }
}

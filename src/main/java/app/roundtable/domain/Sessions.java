package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * New sessions. The caller brings the join code, the hash of the facilitator key and the time; the
 * generator is only for agenda item ids. A new session is version 1: the creation is its first change.
 */
public final class Sessions {
  /** PROTOCOL.md's default ground rules. */
  public static final List<String> DEFAULT_GROUND_RULES = List.of(
      "What is said here stays here",
      "Everyone speaks, nobody dominates",
      "Speak from your own experience",
      "Give feedback with generosity");

  private static final List<String> GROUND_RULES_DE = List.of(
      "Was hier gesagt wird, bleibt hier",
      "Alle kommen zu Wort, niemand dominiert",
      "Sprich aus deiner eigenen Erfahrung",
      "Gib Feedback mit Wohlwollen");

  private static final List<String> GROUND_RULES_ES = List.of(
      "Lo que se dice aquí, se queda aquí",
      "Todos hablan, nadie acapara",
      "Habla desde tu propia experiencia",
      "Da feedback con generosidad");

  private Sessions() {}

  /** The default ground rules written in {@code language}. */
  public static List<String> defaultGroundRules(Language language) {
    return switch (language) {
      case EN -> DEFAULT_GROUND_RULES;
      case DE -> GROUND_RULES_DE;
      case ES -> GROUND_RULES_ES;
    };
  }

  /** A new session in English. */
  public static Session create(
      String code, String title, Template template, String facilitatorKeyHash, long now,
      RandomGenerator random) {
    return create(code, title, template, Language.EN, facilitatorKeyHash, now, random);
  }

  /** A new session whose agenda and ground rules are written in {@code language}. */
  public static Session create(
      String code, String title, Template template, Language language, String facilitatorKeyHash,
      long now, RandomGenerator random) {
    Session s = new Session();
    s.code = code;
    s.title = title;
    s.language = language;
    s.createdAt = now;
    s.updatedAt = now;
    s.version = 1;
    s.facilitatorKeyHash = facilitatorKeyHash;
    s.groundRules = new ArrayList<>(defaultGroundRules(language));
    for (Template.PlannedItem p : template.items(language)) {
      AgendaItem item = new AgendaItem(Ids.next(random), p.title(), p.kind(), p.minutes());
      item.prompt = p.prompt();
      s.agenda.items.add(item);
    }
    s.seriesId = Ids.next(random);
    return s;
  }

  /**
   * The next session of the same group, in the same language: the follow-up agenda, the ground rules the group last
   * agreed on, and the earlier session's commitments to report on (as copies; statuses and notes
   * as they were). Commitments of removed members were deleted with them and so never carry over.
   */
  public static Session followUp(
      Session earlier, String code, String title, String facilitatorKeyHash, long now,
      RandomGenerator random) {
    return followUp(earlier, code, title, facilitatorKeyHash, null, now, random);
  }

  /**
   * As {@link #followUp(Session, String, String, String, long, RandomGenerator)}, planned for
   * {@code scheduled} (null: not yet). The earlier session's key opens the follow-up too, as do
   * the keys that opened the earlier one (a bounded few).
   */
  public static Session followUp(
      Session earlier, String code, String title, String facilitatorKeyHash, Schedule scheduled,
      long now, RandomGenerator random) {
    Language language = Language.of(earlier.language);
    String t = title == null || title.isBlank() ? earlier.title + followUpSuffix(language) : title;
    Session s = create(code, t, Template.FOLLOW_UP, language, facilitatorKeyHash, now, random);
    s.groundRules = new ArrayList<>(earlier.groundRules);
    s.seriesId = earlier.series();
    List<Commitment> carried = new ArrayList<>();
    for (Commitment c : earlier.commitments) {
      Member author = earlier.members.get(c.memberId);
      if (author == null || author.removed) continue;
      Commitment copy = c.copy();
      copy.ownerHash = author.seriesHash;
      carried.add(copy);
    }
    s.previous = new Previous(earlier.title, carried);
    s.facilitation = Rota.carriedFrom(earlier);
    s.scheduled = scheduled;
    s.earlierCode = earlier.code;
    List<String> keys = new ArrayList<>();
    if (earlier.facilitatorKeyHash != null) keys.add(earlier.facilitatorKeyHash);
    for (String k : earlier.earlierKeyHashes) {
      if (keys.size() >= Session.EARLIER_KEYS) break;
      if (!keys.contains(k)) keys.add(k);
    }
    s.earlierKeyHashes = keys;
    return s;
  }

  /** What a follow-up's title adds to the earlier title when it was given none. */
  private static String followUpSuffix(Language language) {
    return switch (language) {
      case EN -> " — follow-up";
      case DE -> " — Folgesitzung";
      case ES -> " — seguimiento";
    };
  }
}

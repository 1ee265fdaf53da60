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

  private Sessions() {}

  public static Session create(
      String code, String title, Template template, String facilitatorKeyHash, long now,
      RandomGenerator random) {
    Session s = new Session();
    s.code = code;
    s.title = title;
    s.createdAt = now;
    s.updatedAt = now;
    s.version = 1;
    s.facilitatorKeyHash = facilitatorKeyHash;
    s.groundRules = new ArrayList<>(DEFAULT_GROUND_RULES);
    for (Template.PlannedItem p : template.items) {
      AgendaItem item = new AgendaItem(Ids.next(random), p.title(), p.kind(), p.minutes());
      item.prompt = p.prompt();
      s.agenda.items.add(item);
    }
    s.seriesId = Ids.next(random);
    return s;
  }

  /**
   * The next session of the same group: the follow-up agenda, the ground rules the group last
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
    String t = title == null || title.isBlank() ? earlier.title + " — follow-up" : title;
    Session s = create(code, t, Template.FOLLOW_UP, facilitatorKeyHash, now, random);
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
}

package app.roundtable.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Facilitation among equals (PROTOCOL.md v1.1): who has facilitated the series, and who might take
 * the role this time. It only suggests; nothing is authorised by it.
 *
 * <p>A member facilitated a session if they held the role while it was under way (once an agenda
 * item had started), so the key holder who opens the room and hands the role over before the first
 * item isn't counted; before the start, the one holding the role counts provisionally. The
 * suggestion is for the session at hand, so it counts the earlier sessions only: taking the role
 * now doesn't make someone "facilitated most" in the same breath.
 */
public final class Rota {
  private Rota() {}

  /** Every session of the series, oldest first, this one last: who facilitated each (names). */
  public static List<Facilitation.Earlier> sessions(Session s) {
    List<Facilitation.Earlier> all = new ArrayList<>(s.facilitation.earlier);
    all.add(new Facilitation.Earlier(s.title, facilitators(s)));
    return all;
  }

  /** The names of who facilitated each session of the series, oldest first: once per session each. */
  public static List<String> history(Session s) {
    List<String> names = new ArrayList<>();
    for (Facilitation.Earlier e : sessions(s)) names.addAll(e.facilitators);
    return names;
  }

  /**
   * The member present who facilitated fewest earlier sessions of the series, ties by name; null
   * when that is the current facilitator, or nobody is present. Room members are left out: the
   * role needs a device.
   */
  public static String suggested(Session s) {
    Map<String, Integer> count = new HashMap<>();
    for (Facilitation.Earlier e : s.facilitation.earlier) {
      for (String name : e.facilitators) count.merge(key(name), 1, Integer::sum);
    }
    Member best = null;
    Comparator<Member> order = Comparator.<Member>comparingInt(m -> count.getOrDefault(key(m.name), 0))
        .thenComparing(m -> m.name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(m -> m.name);
    for (Member m : s.members.values()) {
      if (m.removed || m.inRoom || !m.online()) continue;
      if (best == null || order.compare(m, best) < 0) best = m;
    }
    return best == null || best.facilitator ? null : best.name;
  }

  /** This session's facilitators, by their current names; the role's holder if nobody was recorded yet. */
  static List<String> facilitators(Session s) {
    List<String> names = new ArrayList<>();
    for (String id : s.facilitation.memberIds) {
      Member m = s.members.get(id);
      if (m != null) addOnce(names, m.name);
    }
    if (names.isEmpty()) {
      for (Member m : s.members.values()) if (m.facilitator && !m.removed) names.add(m.name);
    }
    return names;
  }

  /** After every change: the role's holder is recorded once the session is under way. */
  static void record(Session s) {
    if (!underWay(s)) return;
    for (Member m : s.members.values()) {
      if (m.facilitator && !m.removed && !s.facilitation.memberIds.contains(m.id)) {
        s.facilitation.memberIds.add(m.id);
      }
    }
  }

  /** The follow-up's series: this one's, with this session added as the latest earlier one. */
  static Facilitation carriedFrom(Session earlier) {
    Facilitation f = new Facilitation();
    for (Facilitation.Earlier e : sessions(earlier)) f.earlier.add(e.copy());
    return f;
  }

  private static boolean underWay(Session s) {
    for (AgendaItem i : s.agenda.items) if (i.status != ItemStatus.PENDING) return true;
    return false;
  }

  private static void addOnce(List<String> names, String name) {
    for (String n : names) if (key(n).equals(key(name))) return;
    names.add(name);
  }

  /** Names match across the series as people type them: trimmed, case-insensitive. */
  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }
}

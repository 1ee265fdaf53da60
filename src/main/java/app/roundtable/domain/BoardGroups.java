package app.roundtable.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The facilitator's groups of ideas (PROTOCOL.md v1.2 "Board groups"): duplicates put together
 * count as one, with the sum of their votes. Labels compare trimmed and case-insensitively; the
 * spelling a group shows is the one it was first given. Ideas without a group are in no group.
 */
public final class BoardGroups {
  private BoardGroups() {}

  /** One group: its label, the sum of its ideas' votes, its ideas most voted first. */
  public record Group<T>(String label, int votes, List<T> ideas) {}

  /** The current board's groups, ranked; {@code ideas} are ids. Totals count only once results are shown. */
  public static List<Group<String>> of(Session s) {
    List<Idea> ideas = s.board.ideas;
    int[] totals = s.voteTotals();
    Map<Idea, Integer> votes = new java.util.IdentityHashMap<>();
    for (int k = 0; k < ideas.size(); k++) votes.put(ideas.get(k), totals[k]);
    List<Group<String>> out = new ArrayList<>();
    for (Group<Idea> g : rank(ideas, i -> i.group, votes::get)) {
      out.add(new Group<>(g.label(), g.votes(), g.ideas().stream().map(i -> i.id).toList()));
    }
    return out;
  }

  /**
   * Groups {@code items} (in board order) by label and ranks them: most votes first, ties by label.
   * Inside a group, most voted first; equal totals keep board order (the shuffled order the group
   * saw, which says nothing about posting). Items whose label is null are left out.
   */
  public static <T> List<Group<T>> rank(List<T> items, Function<T, String> label, ToIntFunction<T> votes) {
    Map<String, List<T>> byKey = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (T item : items) {
      String l = label.apply(item);
      if (l == null) continue;
      String key = key(l);
      spelling.putIfAbsent(key, l.strip());
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
    }
    List<Group<T>> groups = new ArrayList<>();
    for (Map.Entry<String, List<T>> e : byKey.entrySet()) {
      List<T> members = new ArrayList<>(e.getValue());
      members.sort(Comparator.comparingInt((T t) -> -votes.applyAsInt(t)));
      int sum = 0;
      for (T t : members) sum += votes.applyAsInt(t);
      groups.add(new Group<>(spelling.get(e.getKey()), sum, List.copyOf(members)));
    }
    groups.sort(Comparator.comparingInt((Group<T> g) -> -g.votes())
        .thenComparing(g -> key(g.label()))
        .thenComparing(Group::label));
    return groups;
  }

  /**
   * The label {@code idea} should carry when given {@code label}: the spelling another idea's group
   * already has when the labels match trimmed and case-insensitively (the first such, in board
   * order), else {@code label} itself.
   */
  static String spelling(Board board, Idea idea, String label) {
    String key = key(label);
    for (Idea other : board.ideas) {
      if (other != idea && other.group != null && key(other.group).equals(key)) return other.group;
    }
    return label;
  }

  private static String key(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }
}

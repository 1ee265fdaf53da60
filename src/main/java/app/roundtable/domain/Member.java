package app.roundtable.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person in the session. Equal standing: the facilitator flag is a role, not a rank. */
public final class Member {
  public String id;
  public String name;
  public boolean facilitator;
  /**
   * In the room without a device (added by the facilitator): present until removed, no connection,
   * no resume token; the facilitator acts for them.
   */
  public boolean inRoom;
  /** Open connections per node id; online while any is open, so a dead node's count can be dropped. */
  public LinkedHashMap<String, Integer> presence = new LinkedHashMap<>();
  /** Completed turns at speaking. */
  public int turns;
  /** Total time spoken in completed turns. */
  public long spokenMs;
  /** SHA-256 (hex) of the resume token; the token itself only ever goes to this member. */
  public String resumeHash;
  public long joinedAt;
  /**
   * Who this member is across the session's series (the first session and its follow-ups): a hash
   * of a secret only their client holds, salted with the series, so it matches their earlier self
   * in this series and nothing outside it. Null when the client brought none. Never sent anywhere.
   */
  public String seriesHash;
  /**
   * Hash of the facilitator key this member joined with, null for everyone else: a later join with
   * the same key is the same person on another device and continues this member.
   */
  public String keyHash;
  /** Removed by the facilitator: gone from the public list, token dead, ideas and votes kept (anonymity). */
  public boolean removed;
  /** Dot votes cast, idea id to count. Private to this member. */
  public LinkedHashMap<String, Integer> votes = new LinkedHashMap<>();
  /**
   * A room member's dots by the facilitator who placed them (facilitator id → idea id → count);
   * together they are {@link #votes}. Kept so that a facilitator sees and takes back only the dots
   * they placed themself: when the role moves mid-round, the next facilitator learns nothing of
   * what the last one entered. Empty for members with a device.
   */
  public LinkedHashMap<String, LinkedHashMap<String, Integer>> votesPlacedBy = new LinkedHashMap<>();
  /**
   * Recently applied client command ids with the version each produced, oldest first and bounded,
   * so that a command retried after {@code unavailable} is acknowledged instead of applied twice.
   */
  public List<AppliedCommand> recentCommands = new ArrayList<>();

  public Member() {}

  public Member(String id, String name, String resumeHash, long joinedAt) {
    this.id = id;
    this.name = name;
    this.resumeHash = resumeHash;
    this.joinedAt = joinedAt;
  }

  /** Present: a room member always, anyone else while a connection is open. */
  public boolean online() {
    return inRoom || !presence.isEmpty();
  }

  public int votesCast() {
    int n = 0;
    for (int c : votes.values()) n += c;
    return n;
  }

  /** One more dot on {@code ideaId}; {@code placedBy} is the facilitator placing it for a room member, or null. */
  public void addVote(String ideaId, String placedBy) {
    votes.merge(ideaId, 1, Integer::sum);
    if (placedBy != null) votesPlacedBy.computeIfAbsent(placedBy, k -> new LinkedHashMap<>()).merge(ideaId, 1, Integer::sum);
  }

  /**
   * Takes one dot off {@code ideaId}: any of this member's own, or for a room member only one that
   * {@code placedBy} placed. False (and nothing changes) when there is no such dot.
   */
  public boolean removeVote(String ideaId, String placedBy) {
    if (placedBy != null) {
      LinkedHashMap<String, Integer> placed = votesPlacedBy.get(placedBy);
      if (placed == null || !decrement(placed, ideaId)) return false;
      if (placed.isEmpty()) votesPlacedBy.remove(placedBy);
    }
    return decrement(votes, ideaId);
  }

  /** The dots {@code facilitatorId} placed for this room member (empty when none); do not modify. */
  public Map<String, Integer> votesPlacedBy(String facilitatorId) {
    Map<String, Integer> placed = votesPlacedBy.get(facilitatorId);
    return placed == null ? Map.of() : placed;
  }

  public void clearVotes() {
    votes.clear();
    votesPlacedBy.clear();
  }

  public void dropVotesOn(String ideaId) {
    votes.remove(ideaId);
    for (LinkedHashMap<String, Integer> placed : votesPlacedBy.values()) placed.remove(ideaId);
    votesPlacedBy.values().removeIf(Map::isEmpty);
  }

  /** Moves every dot to its idea's new id ({@code renamed}: old id → new id); dots on ideas not in it go. */
  public void renameVotes(Map<String, String> renamed) {
    votes = renamed(votes, renamed);
    votesPlacedBy.replaceAll((by, placed) -> renamed(placed, renamed));
    votesPlacedBy.values().removeIf(Map::isEmpty);
  }

  private static LinkedHashMap<String, Integer> renamed(Map<String, Integer> votes, Map<String, String> renamed) {
    LinkedHashMap<String, Integer> moved = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> v : votes.entrySet()) {
      String id = renamed.get(v.getKey());
      if (id != null) moved.put(id, v.getValue());
    }
    return moved;
  }

  private static boolean decrement(Map<String, Integer> votes, String ideaId) {
    Integer n = votes.get(ideaId);
    if (n == null || n <= 0) return false;
    if (n == 1) votes.remove(ideaId);
    else votes.put(ideaId, n - 1);
    return true;
  }

  public Member copy() {
    Member m = new Member(id, name, resumeHash, joinedAt);
    m.facilitator = facilitator;
    m.inRoom = inRoom;
    m.presence = new LinkedHashMap<>(presence);
    m.turns = turns;
    m.spokenMs = spokenMs;
    m.removed = removed;
    m.seriesHash = seriesHash;
    m.keyHash = keyHash;
    m.votes = new LinkedHashMap<>(votes);
    for (Map.Entry<String, LinkedHashMap<String, Integer>> e : votesPlacedBy.entrySet()) {
      m.votesPlacedBy.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
    }
    m.recentCommands = new ArrayList<>(recentCommands);
    return m;
  }

  /** A client command id that was applied, and the version it produced. */
  public record AppliedCommand(String id, long version) {}
}

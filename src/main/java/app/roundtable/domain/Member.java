package app.roundtable.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

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
    m.recentCommands = new ArrayList<>(recentCommands);
    return m;
  }

  /** A client command id that was applied, and the version it produced. */
  public record AppliedCommand(String id, long version) {}
}

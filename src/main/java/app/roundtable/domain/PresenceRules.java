package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.FORBIDDEN;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;
import static app.roundtable.domain.Refusal.Reason.ROOM_LOCKED;
import static app.roundtable.domain.Refusal.Reason.SESSION_FULL;

import java.util.Map;

/**
 * Who is connected, counted per node so that a dead node's connections can be forgotten at once.
 * Presence is only presence: a dropped connection costs nobody their turn, hand or role.
 */
final class PresenceRules {
  private PresenceRules() {}

  static Verdict connect(Session s, String actorId, Command.Connect c) {
    if (Checks.blank(c.nodeId())) return noNode();
    Member m = s.member(actorId);
    if (m == null) return Verdict.refuse(NOT_FOUND, "There is no such member.");
    m.presence.merge(c.nodeId(), 1, Integer::sum);
    return Verdict.CHANGED;
  }

  /** Unknown or removed members have nothing to drop: the socket close is simply late news. */
  static Verdict disconnect(Session s, String actorId, Command.Disconnect c) {
    Member m = actorId == null ? null : s.members.get(actorId);
    return Verdict.changedIf(m != null && decrement(m.presence, c.nodeId()));
  }

  static Verdict displayJoin(Session s, Command.DisplayJoin c, Context ctx) {
    if (Checks.blank(c.nodeId())) return noNode();
    if (Checks.blank(c.displayId()) || s.connectedDisplays.containsKey(c.displayId())) {
      return Verdict.refuse(BAD_REQUEST, "That display can't be accepted.");
    }
    if (c.keyHash() != null && !s.opensAsFacilitator(c.keyHash())) {
      return Verdict.refuse(FORBIDDEN, "That facilitator key isn't right.");
    }
    // A display that was removed reconnects as a new one: while locked, only the key brings one in.
    if (s.locked && c.keyHash() == null) {
      return Verdict.refuse(ROOM_LOCKED, "The facilitator has locked this session: no new displays.");
    }
    if (s.displayCount() >= ctx.limits().maxDisplays()) {
      return Verdict.refuse(SESSION_FULL, "This session has as many displays as it allows.");
    }
    s.connectedDisplays.put(c.displayId(), new Display(c.nodeId(), ctx.now()));
    return Verdict.CHANGED;
  }

  /** A display that was removed already closes with nothing left to take back. */
  static Verdict displayLeave(Session s, Command.DisplayLeave c) {
    Display d = s.connectedDisplays.get(c.displayId());
    if (d == null || !d.nodeId().equals(c.nodeId())) return Verdict.UNCHANGED;
    s.connectedDisplays.remove(c.displayId());
    return Verdict.CHANGED;
  }

  /** Its sockets see their id gone from the next state and close ({@code closed display-removed}). */
  static Verdict removeDisplay(Session s, Command.RemoveDisplay c) {
    if (s.connectedDisplays.remove(c.displayId()) == null) {
      return Verdict.refuse(NOT_FOUND, "There is no such display.");
    }
    return Verdict.CHANGED;
  }

  static Verdict nodeGone(Session s, Command.NodeGone c) {
    boolean changed = s.connectedDisplays.values().removeIf(d -> d.nodeId().equals(c.nodeId()));
    for (Member m : s.members.values()) changed |= m.presence.remove(c.nodeId()) != null;
    return Verdict.changedIf(changed);
  }

  /** Counts are keyed by node; a connection without one could never be dropped when its node dies. */
  private static Verdict noNode() {
    return Verdict.refuse(BAD_REQUEST, "A connection needs a node.");
  }

  /** Counts down one connection, dropping the node at zero; false when it held none. */
  private static boolean decrement(Map<String, Integer> counts, String nodeId) {
    Integer n = counts.get(nodeId);
    if (n == null) return false;
    if (n <= 1) counts.remove(nodeId);
    else counts.put(nodeId, n - 1);
    return true;
  }
}

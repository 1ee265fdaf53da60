package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;
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
    if (s.displayCount() >= ctx.limits().maxDisplays()) {
      return Verdict.refuse(SESSION_FULL, "This session has as many displays as it allows.");
    }
    s.displays.merge(c.nodeId(), 1, Integer::sum);
    return Verdict.CHANGED;
  }

  static Verdict displayLeave(Session s, Command.DisplayLeave c) {
    return Verdict.changedIf(decrement(s.displays, c.nodeId()));
  }

  static Verdict nodeGone(Session s, Command.NodeGone c) {
    boolean changed = s.displays.remove(c.nodeId()) != null;
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

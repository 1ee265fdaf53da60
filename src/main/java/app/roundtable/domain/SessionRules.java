package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;

import java.util.ArrayList;
import java.util.List;

/** Session-wide settings and the end of the session. */
final class SessionRules {
  private SessionRules() {}

  static Verdict setGroundRules(Session s, Command.SetGroundRules c, Context ctx) {
    if (c.rules() == null) return Verdict.refuse(BAD_REQUEST, "Give the ground rules as a list.");
    if (c.rules().size() > ctx.limits().maxGroundRules()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "There are too many ground rules.");
    }
    List<String> rules = new ArrayList<>();
    for (String r : c.rules()) {
      Verdict bad = Checks.text(r, "A ground rule", ctx.limits());
      if (bad != null) return bad;
      rules.add(r.strip());
    }
    if (rules.equals(s.groundRules)) return Verdict.UNCHANGED;
    s.groundRules = rules;
    return Verdict.CHANGED;
  }

  static Verdict setFairnessVisible(Session s, Command.SetFairnessVisible c) {
    if (c.visible() == s.fairnessVisible) return Verdict.UNCHANGED;
    s.fairnessVisible = c.visible();
    return Verdict.CHANGED;
  }

  /** The facilitator's own acts stay open while locked: they can still add someone in the room. */
  static Verdict lock(Session s, Command.LockRoom c) {
    if (c.locked() == s.locked) return Verdict.UNCHANGED;
    s.locked = c.locked();
    return Verdict.CHANGED;
  }

  /**
   * Closes the record: the active item and the current turn are credited up to now, the timer
   * stops where it was, and nobody is left waiting for a floor that won't come.
   */
  /**
   * Whoever holds the facilitator role may delete the session ({@link Rules} checked the role): the
   * verdict changes nothing, and the edge then has the store delete it.
   */
  static Verdict mayDelete() {
    return Verdict.UNCHANGED;
  }

  static Verdict end(Session s, Context ctx) {
    long now = ctx.now();
    AgendaRules.endActive(s, now);
    QueueRules.endTurn(s, now);
    s.queue.waiting.clear();
    s.queue.round = false;
    TimerRules.pause(s.timer, now);
    s.status = SessionStatus.ENDED;
    return Verdict.CHANGED;
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.INVALID_PHASE;

/**
 * A session's next meeting (PROTOCOL.md v1.2): creating the follow-up, planning and moving its
 * date. One follow-up per session: its key is given once, to whoever created it, and a second
 * request is refused while the state shows everyone where the first one is.
 */
final class FollowUpRules {
  private FollowUpRules() {}

  /** The check before the edge creates the follow-up; the change itself is {@link #link}. */
  static Verdict mayCreate(Session s, Command.CreateFollowUp c, Context ctx) {
    if (s.followUp != null) return alreadyLinked();
    if (c.title() != null) {
      Verdict bad = Checks.text(c.title(), "A title", ctx.limits());
      if (bad != null) return bad;
    }
    Refusal wrong = Schedule.problem(c.at(), c.minutes(), ctx.now());
    return wrong == null ? Verdict.UNCHANGED : new Verdict(wrong, false);
  }

  /** The follow-up exists now. Checked again here, atomically: two creations at once link one. */
  static Verdict link(Session s, Command.LinkFollowUp c) {
    if (Checks.blank(c.code()) || Checks.blank(c.joinUrl()) || Checks.blank(c.displayUrl())) {
      return Verdict.refuse(BAD_REQUEST, "That follow-up can't be linked.");
    }
    if (s.followUp != null) return alreadyLinked();
    s.followUp = new FollowUp(c.code(), c.joinUrl(), c.displayUrl(), c.at());
    return Verdict.CHANGED;
  }

  /** Keeps the earlier session's link in step when the follow-up's date moves; news of another session changes nothing. */
  static Verdict moved(Session s, Command.FollowUpMoved c) {
    if (s.followUp == null || !s.followUp.code().equals(c.code())) return Verdict.UNCHANGED;
    if (java.util.Objects.equals(s.followUp.at(), c.at())) return Verdict.UNCHANGED;
    s.followUp = s.followUp.movedTo(c.at());
    return Verdict.CHANGED;
  }

  /** Plans this session's meeting, or moves it; each move counts, for calendars that imported it. */
  static Verdict setSchedule(Session s, Command.SetSchedule c, Context ctx) {
    Refusal wrong = Schedule.problem(c.at(), c.minutes(), ctx.now());
    if (wrong != null) return new Verdict(wrong, false);
    Schedule was = s.scheduled;
    if (was != null && was.at == c.at() && was.minutes == c.minutes()) return Verdict.UNCHANGED;
    s.scheduled = new Schedule(c.at(), c.minutes(), was == null ? 0 : was.sequence + 1);
    return Verdict.CHANGED;
  }

  private static Verdict alreadyLinked() {
    return Verdict.refuse(INVALID_PHASE, "This session has its follow-up already; its link is on the page.");
  }
}

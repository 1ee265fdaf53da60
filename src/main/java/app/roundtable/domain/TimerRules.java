package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;

/**
 * The shared countdown (PROTOCOL.md "Timer"). No ticks: a running timer is its end time; a paused
 * one is its remaining time. Reaching zero changes nothing.
 */
final class TimerRules {
  private TimerRules() {}

  static Verdict start(Session s, Command.StartTimer c, Context ctx) {
    Verdict bad = Checks.range(c.seconds(), 1, ctx.limits().maxTimerSeconds(), "Timer seconds");
    if (bad != null) return bad;
    start(s.timer, c.seconds() * 1000L, ctx.now());
    return Verdict.CHANGED;
  }

  static Verdict pause(Session s, Context ctx) {
    return Verdict.changedIf(pause(s.timer, ctx.now()));
  }

  static Verdict resume(Session s, Context ctx) {
    Timer t = s.timer;
    // Nothing left to count down: resuming would only show an overrun that isn't one.
    if (t.running || t.remainingMs <= 0) return Verdict.UNCHANGED;
    t.running = true;
    t.endsAt = ctx.now() + t.remainingMs;
    return Verdict.CHANGED;
  }

  /**
   * Adds (or with negative seconds takes) time. Taking never leaves less than zero to go, and a
   * timer already past its end has nothing left to take.
   */
  static Verdict addTime(Session s, Command.AddTime c, Context ctx) {
    int max = ctx.limits().maxTimerSeconds();
    if (c.seconds() == 0) return Verdict.refuse(BAD_REQUEST, "Add a non-zero number of seconds.");
    Verdict bad = Checks.range(c.seconds(), -max, max, "Seconds to add");
    if (bad != null) return bad;
    Timer t = s.timer;
    long now = ctx.now();
    long left = t.running ? t.endsAt - now : t.remainingMs;
    long delta = c.seconds() * 1000L;
    if (delta < 0) delta = Math.max(delta, -Math.max(0, left));
    if (delta == 0) return Verdict.UNCHANGED;
    if (left + delta > max * 1000L) {
      return Verdict.refuse(LIMIT_EXCEEDED, "The timer can't run longer than " + max + " seconds.");
    }
    t.durationMs = Math.max(0, t.durationMs + delta);
    t.remainingMs = Math.max(0, t.remainingMs + delta);
    if (t.running) t.endsAt = t.endsAt + delta;
    return Verdict.CHANGED;
  }

  static Verdict reset(Session s) {
    Timer t = s.timer;
    if (!t.running && t.endsAt == null && t.remainingMs == t.durationMs) return Verdict.UNCHANGED;
    t.running = false;
    t.endsAt = null;
    t.remainingMs = t.durationMs;
    return Verdict.CHANGED;
  }

  // --- shared with agenda and session rules ---------------------------------------------------

  static void start(Timer t, long durationMs, long now) {
    t.durationMs = durationMs;
    t.remainingMs = durationMs;
    t.endsAt = now + durationMs;
    t.running = true;
  }

  /** Stops a running timer keeping what was left; false when it wasn't running. */
  static boolean pause(Timer t, long now) {
    if (!t.running) return false;
    t.remainingMs = Math.max(0, t.endsAt - now);
    t.endsAt = null;
    t.running = false;
    return true;
  }
}

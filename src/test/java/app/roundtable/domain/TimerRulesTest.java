package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import org.junit.jupiter.api.Test;

class TimerRulesTest {

  private static void timer(Given g, boolean running, long duration, Long endsAt, long remaining) {
    Timer t = g.session.timer;
    assertEquals(running, t.running, "running");
    assertEquals(duration, t.durationMs, "durationMs");
    assertEquals(endsAt, t.endsAt, "endsAt");
    assertEquals(remaining, t.remainingMs, "remainingMs");
  }

  @Test
  void startRunsForTheGivenSecondsFromNow() {
    Given g = Given.session("a");
    g.ok(FAC, new StartTimer(300));
    timer(g, true, 300_000, g.now + 300_000, 300_000);
    g.later(1000).ok(FAC, new StartTimer(60)); // restarting is always a change
    timer(g, true, 60_000, g.now + 60_000, 60_000);
  }

  @Test
  void startRefusesSecondsOutsideTheLimit() {
    Given g = Given.session("a");
    g.refused(FAC, new StartTimer(0), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new StartTimer(-5), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new StartTimer(g.limits.maxTimerSeconds() + 1), Reason.LIMIT_EXCEEDED);
    g.ok(FAC, new StartTimer(g.limits.maxTimerSeconds()));
    g.refused("a", new StartTimer(60), Reason.FORBIDDEN);
  }

  @Test
  void pauseKeepsWhatWasLeftAndResumeCountsDownFromIt() {
    Given g = Given.session();
    g.ok(FAC, new StartTimer(60));
    g.later(20_000).ok(FAC, new PauseTimer());
    timer(g, false, 60_000, null, 40_000);
    g.unchanged(FAC, new PauseTimer());
    g.later(5_000).ok(FAC, new ResumeTimer());
    timer(g, true, 60_000, g.now + 40_000, 40_000);
    g.unchanged(FAC, new ResumeTimer());
  }

  @Test
  void pausingAfterTheEndLeavesZeroNotANegative() {
    Given g = Given.session();
    g.ok(FAC, new StartTimer(10));
    g.later(15_000).ok(FAC, new PauseTimer());
    timer(g, false, 10_000, null, 0);
    g.unchanged(FAC, new ResumeTimer()); // nothing left to count down
  }

  @Test
  void addTimeMovesTheEndOfARunningTimer() {
    Given g = Given.session();
    g.ok(FAC, new StartTimer(60));
    long end = g.session.timer.endsAt;
    g.later(10_000).ok(FAC, new AddTime(30));
    timer(g, true, 90_000, end + 30_000, 90_000);
    g.ok(FAC, new AddTime(-20));
    timer(g, true, 70_000, end + 10_000, 70_000);
  }

  @Test
  void addTimeToAPausedTimerAddsToWhatIsLeft() {
    Given g = Given.session();
    g.ok(FAC, new StartTimer(60));
    g.later(50_000).ok(FAC, new PauseTimer());
    g.ok(FAC, new AddTime(30));
    timer(g, false, 90_000, null, 40_000);
  }

  @Test
  void takingTimeNeverGoesBelowZero() {
    Given g = Given.session();
    g.ok(FAC, new StartTimer(60));
    g.later(50_000).ok(FAC, new AddTime(-60)); // 10s left: only 10s can be taken
    timer(g, true, 50_000, g.now, 50_000);
    g.later(1_000).unchanged(FAC, new AddTime(-10)); // already past the end
    g.ok(FAC, new PauseTimer());
    timer(g, false, 50_000, null, 0);
    g.unchanged(FAC, new AddTime(-10));
  }

  @Test
  void addTimeRefusesZeroAndAmountsOverTheLimit() {
    Given g = Given.session();
    int max = g.limits.maxTimerSeconds();
    g.refused(FAC, new AddTime(0), Reason.BAD_REQUEST);
    g.refused(FAC, new AddTime(max + 1), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new AddTime(-max - 1), Reason.LIMIT_EXCEEDED);
    g.ok(FAC, new StartTimer(max));
    g.refused(FAC, new AddTime(1), Reason.LIMIT_EXCEEDED); // would run longer than allowed
  }

  @Test
  void resetStopsAtTheFullDuration() {
    Given g = Given.session();
    g.ok(FAC, new StartTimer(60));
    g.later(30_000).ok(FAC, new ResetTimer());
    timer(g, false, 60_000, null, 60_000);
    g.unchanged(FAC, new ResetTimer());
    g.ok(FAC, new ResumeTimer());
    assertTrue(g.session.timer.running);
  }

  @Test
  void aFreshTimerHasNothingToPauseResumeOrReset() {
    Given g = Given.session();
    g.unchanged(FAC, new PauseTimer());
    g.unchanged(FAC, new ResumeTimer());
    g.unchanged(FAC, new ResetTimer());
    assertFalse(g.session.timer.running);
    assertNull(g.session.timer.endsAt);
  }

  @Test
  void onlyTheFacilitatorControlsTheTimer() {
    Given g = Given.session("a");
    g.refused("a", new PauseTimer(), Reason.FORBIDDEN);
    g.refused("a", new ResumeTimer(), Reason.FORBIDDEN);
    g.refused("a", new AddTime(10), Reason.FORBIDDEN);
    g.refused("a", new ResetTimer(), Reason.FORBIDDEN);
  }
}

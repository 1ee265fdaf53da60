package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static app.roundtable.domain.Given.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md v1.2: the follow-up, its link in the earlier session, and its date. */
class FollowUpRulesTest {
  private static final long DAY = 24 * 3_600_000L;

  @Test
  void theRoleHolderMayAskForTheSummaryAndNobodyElse() {
    Given g = Given.session("ana");
    g.unchanged(FAC, new GetSummary(SummaryFormat.MARKDOWN));
    g.refused("ana", new GetSummary(null), Reason.FORBIDDEN);
    g.ok(FAC, new HandOff("ana"));
    g.unchanged("ana", new GetSummary(null));
    g.refused(FAC, new GetSummary(null), Reason.FORBIDDEN);
  }

  @Test
  void creatingTheFollowUpIsTheRoleHoldersAndChecksItsDate() {
    Given g = Given.session("ana");
    g.unchanged(FAC, new CreateFollowUp(null, null, null));
    g.unchanged(FAC, new CreateFollowUp("Round two", T0 + 14 * DAY, 90));
    g.refused("ana", new CreateFollowUp(null, null, null), Reason.FORBIDDEN);
    g.refused(FAC, new CreateFollowUp(null, null, 90), Reason.BAD_REQUEST);
    g.refused(FAC, new CreateFollowUp(null, T0 - 2 * 3_600_000L, 90), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new CreateFollowUp(null, T0 + 400 * DAY, 90), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new CreateFollowUp(null, T0 + DAY, 14), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new CreateFollowUp(null, T0 + DAY, 481), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new CreateFollowUp("x".repeat(281), null, null), Reason.LIMIT_EXCEEDED);
  }

  @Test
  void theLinkIsPublicStateAndASecondFollowUpIsRefused() {
    Given g = Given.session();
    g.ok(null, new LinkFollowUp("next", "https://r.example/s/next", "https://r.example/d/next", T0 + DAY));
    FollowUp f = g.session.followUp;
    assertEquals("next", f.code());
    assertEquals("https://r.example/s/next", f.joinUrl());
    assertEquals(T0 + DAY, f.at());
    g.refused(FAC, new CreateFollowUp(null, null, null), Reason.INVALID_PHASE);
    g.refused(null, new LinkFollowUp("other", "u", "d", null), Reason.INVALID_PHASE);
    assertEquals("next", g.session.followUp.code());
  }

  @Test
  void anEndedSessionStillLearnsOfItsFollowUpAndItsMoves() {
    Given g = Given.session();
    g.ok(FAC, new EndSession());
    g.ok(null, new LinkFollowUp("next", "j", "d", null));
    assertNull(g.session.followUp.at());
    g.ok(null, new FollowUpMoved("next", T0 + DAY));
    assertEquals(T0 + DAY, g.session.followUp.at());
    g.unchanged(null, new FollowUpMoved("next", T0 + DAY));
    g.unchanged(null, new FollowUpMoved("someone-else", T0 + 2 * DAY));
    g.refused(FAC, new GetSummary(null), Reason.SESSION_ENDED);
  }

  @Test
  void theScheduleIsPlannedAndMovedByTheFacilitatorEachMoveCounted() {
    Given g = Given.session("ana");
    g.ok(FAC, new SetSchedule(T0 + 7 * DAY, 90));
    assertEquals(0, g.session.scheduled.sequence);
    g.unchanged(FAC, new SetSchedule(T0 + 7 * DAY, 90));
    g.ok(FAC, new SetSchedule(T0 + 8 * DAY, 60));
    assertEquals(T0 + 8 * DAY, g.session.scheduled.at);
    assertEquals(60, g.session.scheduled.minutes);
    assertEquals(1, g.session.scheduled.sequence);
    g.refused("ana", new SetSchedule(T0 + 9 * DAY, 60), Reason.FORBIDDEN);
    g.refused(FAC, new SetSchedule(T0 + 9 * DAY, 5), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new SetSchedule(0, 60), Reason.LIMIT_EXCEEDED);
    assertEquals(T0 + 8 * DAY, g.session.scheduled.at);
  }

  @Test
  void aFollowUpCarriesItsPlanAndItsEarlierSession() {
    Session first = Sessions.create("first", "Peers", Template.FIRST, "k1", T0, new java.util.Random(1));
    Schedule plan = Schedule.planned(T0 + 14 * DAY, null, Template.FOLLOW_UP.minutes());
    Session next = Sessions.followUp(first, "second", null, "k2", plan, T0, new java.util.Random(2));
    assertEquals("first", next.earlierCode);
    assertEquals(T0 + 14 * DAY, next.scheduled.at);
    assertEquals(90, next.scheduled.minutes, "the follow-up agenda's length when none is given");
  }
}

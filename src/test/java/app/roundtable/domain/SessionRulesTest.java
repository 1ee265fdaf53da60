package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

  @Test
  void endingClosesTheRecord() {
    Given g = Given.session("a", "b");
    g.ok(FAC, new AddAgendaItem("one", 10, null, null));
    String item = g.session.agenda.items.get(0).id;
    g.ok(FAC, new StartAgendaItem(item));
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.later(7_000).ok(FAC, new EndSession());
    Session s = g.session;
    assertEquals(SessionStatus.ENDED, s.status);
    assertEquals(ItemStatus.DONE, s.agenda.item(item).status);
    assertEquals(7_000, s.agenda.item(item).spentMs);
    assertNull(s.agenda.currentId);
    assertEquals(1, s.members.get("a").turns);
    assertEquals(7_000, s.members.get("a").spokenMs);
    assertNull(s.queue.speaker);
    assertEquals(List.of(), s.queue.waiting);
    assertFalse(s.timer.running);
    assertNull(s.timer.endsAt);
    assertEquals(593_000, s.timer.remainingMs);
  }

  @Test
  void anEndedSessionRefusesEverything() {
    Given g = Given.session("a");
    g.refused("a", new EndSession(), Reason.FORBIDDEN);
    g.ok(FAC, new EndSession());
    g.refused(FAC, new EndSession(), Reason.SESSION_ENDED);
    g.refused("a", new RaiseHand(), Reason.SESSION_ENDED);
    g.refused(FAC, new StartTimer(10), Reason.SESSION_ENDED);
    g.refused(null, new RaiseHand(), Reason.SESSION_ENDED);
  }

  @Test
  void groundRulesAreReplacedAsAWhole() {
    Given g = Given.session("a");
    g.ok(FAC, new SetGroundRules(List.of(" Be kind ", "Be brief")));
    assertEquals(List.of("Be kind", "Be brief"), g.session.groundRules);
    g.unchanged(FAC, new SetGroundRules(List.of("Be kind", "Be brief")));
    g.ok(FAC, new SetGroundRules(List.of()));
    g.refused(FAC, new SetGroundRules(List.of("ok", " ")), Reason.BAD_REQUEST);
    g.refused(FAC, new SetGroundRules(null), Reason.BAD_REQUEST);
    g.refused(FAC, new SetGroundRules(Collections.nCopies(g.limits.maxGroundRules() + 1, "r")), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new SetGroundRules(List.of("x".repeat(281))), Reason.LIMIT_EXCEEDED);
    g.refused("a", new SetGroundRules(List.of("mine")), Reason.FORBIDDEN);
  }

  @Test
  void aRepeatedRequestIdIsAcknowledgedNotAppliedTwice() {
    Given g = Given.session("a", "b");
    g.run(new Action("a", "req-1", new RaiseHand()));
    long v = g.session.version;
    g.run(new Action("b", "req-1", new RaiseHand())); // ids are per member
    Outcome again = g.run(new Action("a", "req-1", new LowerHand()));
    assertEquals(new Outcome.Duplicate(v), again);
    assertEquals(List.of(new Member.AppliedCommand("req-1", v)), g.member("a").recentCommands);
  }

  @Test
  void onlyTheLastRequestIdsAreRemembered() {
    Given g = Given.session("a");
    for (int i = 0; i < Rules.RECENT_COMMANDS + 5; i++) {
      g.run(new Action("a", "r" + i, new Rename("name " + i)));
    }
    assertEquals(Rules.RECENT_COMMANDS, g.member("a").recentCommands.size());
    assertEquals("r5", g.member("a").recentCommands.get(0).id());
    assertInstanceOf(Outcome.Applied.class, g.run(new Action("a", "r0", new Rename("again"))));
  }

  @Test
  void unchangedAndRefusedCommandsAreNotRemembered() {
    Given g = Given.session("a");
    g.run(new Action("a", "x", new LowerHand()));
    g.run(new Action("a", "y", new DoneSpeaking()));
    assertEquals(List.of(), g.member("a").recentCommands);
  }

  @Test
  void aJoinersRequestIdIsRememberedOnThem() {
    Given g = Given.session();
    g.run(new Action(null, "j1", new Join("a", "A", null, "r", "n")));
    assertEquals("j1", g.member("a").recentCommands.get(0).id());
    assertEquals(
        new Outcome.Duplicate(g.session.version),
        g.run(new Action(null, "j1", new Join("a", "A", null, "r", "n"))));
  }

  @Test
  void memberCommandsNeedAMemberAndFacilitatorCommandsTheFacilitator() {
    Given g = Given.session("a");
    g.refused(null, new Leave(), Reason.NOT_JOINED);
    g.refused(null, new EndSession(), Reason.NOT_JOINED);
    g.refused("a", new EndSession(), Reason.FORBIDDEN);
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static app.roundtable.domain.Given.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembershipRulesTest {

  @Test
  void joiningAddsAnOnlineMember() {
    Given g = Given.session();
    g.at(Given.T0 + 5).ok(null, new Join("a", " Ann ", null, "hash-a", "node7"));
    Member a = g.member("a");
    assertEquals("Ann", a.name);
    assertEquals("hash-a", a.resumeHash);
    assertEquals(Given.T0 + 5, a.joinedAt);
    assertEquals(Map.of("node7", 1), a.presence);
    assertFalse(a.facilitator);
    assertTrue(a.online());
  }

  @Test
  void theKeyMakesTheJoinerFacilitatorAndTakesTheRoleFromAnyoneElse() {
    Given g = Given.session("a");
    assertTrue(g.member(FAC).facilitator);
    g.ok(FAC, new Command.HandOff("a"));
    // v1.2: the key holder is one person; their join on another device continues them, role and all.
    g.ok(null, new Join("b", "B", KEY, "r-" + FAC, "node1"));
    assertNull(g.member("b"), "no second member for the key holder");
    assertTrue(g.member(FAC).facilitator);
    assertFalse(g.member("a").facilitator);
    g.refused(null, new Join("c", "C", "wrong", "r", "node1"), Reason.FORBIDDEN);
  }

  @Test
  void joinRefusesBadNamesAndReusedIds() {
    Given g = Given.session("a");
    g.refused(null, new Join("b", "  ", null, "r", "n"), Reason.BAD_REQUEST);
    g.refused(null, new Join("b", null, null, "r", "n"), Reason.BAD_REQUEST);
    g.refused(null, new Join("b", "x".repeat(41), null, "r", "n"), Reason.LIMIT_EXCEEDED);
    g.refused(null, new Join("a", "Again", null, "r", "n"), Reason.BAD_REQUEST);
  }

  @Test
  void aFullSessionTakesNoMoreMembersButRemovedOnesFreeTheirPlace() {
    Given g = Given.session();
    for (int i = 1; i < g.limits.maxMembers(); i++) g.join("m" + i);
    g.refused(null, new Join("late", "Late", null, "r", "n"), Reason.SESSION_FULL);
    g.ok("m1", new Disconnect("node1")); // offline members still count: they may come back
    g.refused(null, new Join("late", "Late", null, "r", "n"), Reason.SESSION_FULL);
    g.ok(FAC, new RemoveMember("m1"));
    g.ok(null, new Join("late", "Late", null, "r", "n"));
  }

  @Test
  void theFacilitatorKeyHolderJoinsEvenAFullSession() {
    Given g = Given.session();
    for (int i = 1; i < g.limits.maxMembers(); i++) g.join("m" + i);
    g.refused(null, new Join("late", "Late", null, "r", "n"), Reason.SESSION_FULL);
    g.refused(null, new Join("late", "Late", "wrong-key", "r", "n"), Reason.FORBIDDEN);
    g.ok(null, new Join("newdevice", "Facilitator", KEY, "r-" + FAC, "n"));
    assertNull(g.member("newdevice"), "the key holder on a new device is the same member");
    assertTrue(g.member(FAC).facilitator);
    assertEquals(g.limits.maxMembers(), g.session.members.size());
  }

  @Test
  void aJoinerKeepsTheSeriesIdentityTheirClientBrought() {
    Given g = Given.session();
    g.ok(null, new Join("a", "A", null, "r", "n", "series-hash-a"));
    g.ok(null, new Join("b", "B", null, "r", "n"));
    assertEquals("series-hash-a", g.member("a").seriesHash);
    assertNull(g.member("b").seriesHash);
  }

  @Test
  void aRemovedMembersBrowserCannotJoinAgainUnderANewName() {
    Given g = Given.session();
    g.ok(null, new Join("a", "A", null, "r", "n", "series-hash-a"));
    g.ok(FAC, new RemoveMember("a"));
    g.refused(null, new Join("a2", "Someone else", null, "r2", "n", "series-hash-a"), Reason.FORBIDDEN);
    g.ok(null, new Join("b", "B", null, "r3", "n", "series-hash-b"));
  }

  @Test
  void leaveEndsTheTurnLowersTheHandAndGoesOffline() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.later(3_000).ok("a", new Leave());
    Member a = g.member("a");
    assertEquals(1, a.turns);
    assertEquals(3_000, a.spokenMs);
    assertFalse(a.online());
    assertEquals("b", g.speaker());
    assertTrue(g.session.members.containsKey("a"));
    g.ok("b", new Leave());
    assertNull(g.speaker());
    g.unchanged("b", new Leave());
    // they may come back as they were
    g.ok("a", new Connect("node2"));
    assertTrue(g.member("a").online());
  }

  @Test
  void leaveWhileWaitingLowersTheHand() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.ok("b", new Leave());
    assertEquals(List.of(), g.waiting());
    assertEquals("a", g.speaker());
  }

  @Test
  void renameChangesTheName() {
    Given g = Given.session("a");
    g.ok("a", new Rename(" Ana "));
    assertEquals("Ana", g.member("a").name);
    g.unchanged("a", new Rename("Ana"));
    g.refused("a", new Rename(""), Reason.BAD_REQUEST);
    g.refused("a", new Rename("x".repeat(41)), Reason.LIMIT_EXCEEDED);
  }

  @Test
  void handOffMovesTheRole() {
    Given g = Given.session("a", "b");
    g.refused("a", new HandOff("b"), Reason.FORBIDDEN);
    g.refused(FAC, new HandOff("nobody"), Reason.NOT_FOUND);
    g.unchanged(FAC, new HandOff(FAC));
    g.ok(FAC, new HandOff("a"));
    assertTrue(g.member("a").facilitator);
    assertFalse(g.member(FAC).facilitator);
    g.refused(FAC, new NextSpeaker(), Reason.FORBIDDEN);
    g.ok("a", new RemoveMember("b"));
    g.refused("a", new HandOff("b"), Reason.NOT_FOUND);
  }

  @Test
  void removeMemberTakesThemOutForGood() {
    Given g = Given.session("a", "b");
    g.ok("a", new AddCommitment("walk"));
    g.ok("b", new AddCommitment("read"));
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.later(2_000).ok(FAC, new RemoveMember("a"));
    Member a = g.session.members.get("a");
    assertTrue(a.removed);
    assertFalse(a.online());
    assertEquals("r-a", a.resumeHash, "kept, so the token stays recognisably dead");
    assertEquals(1, a.turns);
    assertNull(g.session.member("a"));
    assertEquals("b", g.speaker());
    assertEquals(List.of("read"), g.session.commitments.stream().map(c -> c.text).toList());
    g.refused("a", new RaiseHand(), Reason.NOT_JOINED);
    g.refused("a", new Connect("node1"), Reason.NOT_FOUND);
    g.refused(FAC, new RemoveMember("a"), Reason.NOT_FOUND);
    g.refused(FAC, new RemoveMember(FAC), Reason.BAD_REQUEST);
    g.refused("b", new RemoveMember(FAC), Reason.FORBIDDEN);
  }
}

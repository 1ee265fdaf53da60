package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** People in the room without a device: present, queued, credited and promised for like anyone. */
class RoomMembersTest {

  /** Adds a room member and returns their id. */
  static String addRoomMember(Given g, String name) {
    Set<String> before = Set.copyOf(g.session.members.keySet());
    g.ok(FAC, new AddRoomMember(name));
    for (String id : g.session.members.keySet()) if (!before.contains(id)) return id;
    throw new AssertionError("no member added");
  }

  @Test
  void aRoomMemberIsPresentUntilRemovedWithNoConnectionAndNoToken() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "  Rosa  ");
    Member m = g.member(rosa);
    assertEquals("Rosa", m.name);
    assertTrue(m.inRoom);
    assertTrue(m.online());
    assertTrue(m.presence.isEmpty());
    assertNull(m.resumeHash);
    assertFalse(m.facilitator);
    assertEquals(Ids.LENGTH, rosa.length());
    // A node dying or everyone's connections dropping doesn't take them out of the room.
    g.ok(null, new NodeGone("node1"));
    assertTrue(g.member(rosa).online());
    g.ok(FAC, new Connect("node2"));
    g.ok(FAC, new RemoveMember(rosa));
    assertTrue(g.member(rosa).removed);
    assertFalse(g.member(rosa).online());
  }

  @Test
  void addingARoomMemberIsTheFacilitatorsAndWithinTheLimits() {
    Given g = Given.session("a");
    g.refused("a", new AddRoomMember("Rosa"), Reason.FORBIDDEN);
    g.refused(FAC, new AddRoomMember(" "), Reason.BAD_REQUEST);
    g.refused(FAC, new AddRoomMember("x".repeat(41)), Reason.LIMIT_EXCEEDED);
    for (int i = 2; i < g.limits.maxMembers(); i++) addRoomMember(g, "Room " + i);
    assertEquals(g.limits.maxMembers(), MembershipRules.activeMembers(g.session));
    g.refused(FAC, new AddRoomMember("One too many"), Reason.SESSION_FULL);
  }

  @Test
  void theRoleStaysWithSomeoneWhoHasADevice() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "Rosa");
    g.refused(FAC, new HandOff(rosa), Reason.BAD_REQUEST);
    assertTrue(g.member(FAC).facilitator);
  }

  @Test
  void roundsQueueRoomMembersLikeEveryonePresent() {
    Given g = Given.session("a", "b");
    String rosa = addRoomMember(g, "Rosa");
    g.ok("b", new Disconnect("node1"));
    g.ok(FAC, new StartRound());
    List<String> order = new ArrayList<>(g.waiting());
    order.add(g.speaker());
    assertEquals(Set.of(FAC, "a", rosa), Set.copyOf(order));

    Given agenda = Given.session("a");
    String ruth = addRoomMember(agenda, "Ruth");
    agenda.ok(FAC, new AddAgendaItem("Check-in", 10, ItemKind.ROUND, null, null));
    agenda.ok(FAC, new NextAgendaItem());
    List<String> round = new ArrayList<>(agenda.waiting());
    round.add(agenda.speaker());
    assertEquals(Set.of(FAC, "a", ruth), Set.copyOf(round));
  }

  @Test
  void theEqualTurnRuleCountsRoomMembersTurns() {
    Given g = Given.session("a", "b");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new RaiseHand(rosa));
    assertEquals(rosa, g.speaker());
    g.later(30_000).ok(FAC, new RaiseHand(rosa)); // Rosa signals she wants to add something later
    g.later(1_000).ok("a", new RaiseHand());
    g.later(9_000).ok(FAC, new DoneSpeaking(rosa));
    assertEquals(1, g.member(rosa).turns);
    assertEquals(40_000, g.member(rosa).spokenMs);
    assertEquals("a", g.speaker(), "a has spoken less than Rosa, though Rosa's hand went up first");
    assertEquals(List.of(rosa), g.waiting());
    g.later(5_000).ok("a", new DoneSpeaking());
    assertEquals(rosa, g.speaker());
  }

  @Test
  void theFacilitatorWritesAndKeepsARoomMembersCommitments() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new AddCommitment("Ask before advising", rosa));
    Commitment k = g.session.commitments.get(0);
    assertEquals(rosa, k.memberId);
    assertEquals("Rosa", k.name);
    g.ok(FAC, new EditCommitment(k.id, "Ask two questions before advising"));
    assertEquals("Rosa", g.session.commitments.get(0).name, "still Rosa's, though the facilitator typed it");
    g.ok(FAC, new SetCommitmentStatus(k.id, CommitmentStatus.TRIED, "once"));
    g.refused("a", new EditCommitment(k.id, "Hijacked"), Reason.FORBIDDEN);
    g.refused("a", new AddCommitment("For Rosa", rosa), Reason.FORBIDDEN);
    g.ok(FAC, new RemoveCommitment(k.id));
    assertTrue(g.session.commitments.isEmpty());
    for (int i = 0; i < g.limits.maxCommitmentsPerMember(); i++) g.ok(FAC, new AddCommitment("c" + i, rosa));
    g.refused(FAC, new AddCommitment("one too many", rosa), Reason.LIMIT_EXCEEDED);
  }

  @Test
  void membersWithADeviceWriteTheirOwnCommitments() {
    Given g = Given.session("a");
    g.refused(FAC, new AddCommitment("For a", "a"), Reason.FORBIDDEN);
    g.ok("a", new AddCommitment("Mine", "a"));
    String mine = g.session.commitments.get(0).id;
    g.refused(FAC, new EditCommitment(mine, "Changed"), Reason.FORBIDDEN);
    g.refused(FAC, new AddCommitment("For nobody", "nobody"), Reason.NOT_FOUND);
    g.ok(FAC, new AddCommitment("My own", FAC));
    assertEquals(FAC, g.session.commitments.get(1).memberId);
  }
}

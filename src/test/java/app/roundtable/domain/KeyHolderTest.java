package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static app.roundtable.domain.Given.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md v1.2: the key holder is one person, however many devices they open the key on. */
class KeyHolderTest {

  @Test
  void theKeyOnASecondDeviceContinuesTheSameMemberWithTheirTurnsAndCommitments() {
    Given g = Given.session("ana");
    g.ok(FAC, new RaiseHand());
    g.later(60_000).ok(FAC, new DoneSpeaking());
    g.ok(FAC, new AddCommitment("Ask before telling"));
    int members = g.session.members.size();

    g.ok(null, new Join("laptop2", "Maria on the laptop", KEY, "r-" + FAC, "node2"));

    assertEquals(members, g.session.members.size(), "never a second member");
    Member fac = g.member(FAC);
    assertEquals("Facilitator", fac.name, "the member keeps their name");
    assertEquals(1, fac.turns);
    assertEquals(60_000, fac.spokenMs);
    assertEquals(FAC, g.session.commitments.get(0).memberId);
    assertEquals(2, fac.presence.size(), "connected from both devices");
  }

  @Test
  void bothDevicesCountAsConnectionsAndTheMemberStaysOnlineUntilTheLastCloses() {
    Given g = Given.session();
    g.ok(null, new Join("d2", "F", KEY, "r-" + FAC, "node1"));
    assertEquals(2, g.member(FAC).presence.get("node1"));
    g.ok(FAC, new Disconnect("node1"));
    assertTrue(g.member(FAC).online(), "the other device is still there");
    g.ok(FAC, new Disconnect("node1"));
    assertFalse(g.member(FAC).online());
  }

  @Test
  void theKeyTakesTheRoleBackToItsHolderAfterAHandOff() {
    Given g = Given.session("bo");
    g.ok(FAC, new HandOff("bo"));
    assertFalse(g.member(FAC).facilitator);
    g.ok(null, new Join("x", "F", KEY, "r-" + FAC, "node1"));
    assertTrue(g.member(FAC).facilitator);
    assertFalse(g.member("bo").facilitator);
  }

  @Test
  void aRemovedHoldersKeyMakesANewMemberAndTheRemovedOneStaysGone() {
    Given g = Given.session("bo");
    g.ok(FAC, new HandOff("bo"));
    g.ok("bo", new RemoveMember(FAC));
    g.ok(null, new Join("again", "F", KEY, "r-again", "node1"));
    assertTrue(g.member("again").facilitator);
    assertTrue(g.member(FAC).removed);
  }

  @Test
  void aContinuingJoinHandsTheHolderTheResumeTokenTheKeyDerives() {
    Given g = Given.session();
    g.member(FAC); // joined with "r-" + FAC
    g.ok(null, new Join("d2", "F", KEY, "derived", "node1"));
    assertEquals("derived", g.member(FAC).resumeHash, "a holder from before derived tokens gets one that works");
  }

  @Test
  void aWrongKeyIsRefusedAndChangesNothing() {
    Given g = Given.session();
    g.refused(null, new Join("d2", "F", "other-key", "r", "node1"), Reason.FORBIDDEN);
    assertNull(g.member("d2"));
  }

  @Test
  void theEarlierSessionsKeyOpensItsFollowUpAsFacilitatorAndStaysOnePersonThere() {
    Session first = Sessions.create("first", "Peers", Template.FIRST, "key-1", Given.T0, new Random(1));
    Session next = Sessions.followUp(first, "second", null, "key-2", Given.T0, new Random(2));
    assertTrue(next.opensAsFacilitator("key-1"));
    assertTrue(next.opensAsFacilitator("key-2"));
    assertFalse(next.opensAsFacilitator("key-3"));
    Session third = Sessions.followUp(next, "third", null, "key-3", Given.T0, new Random(3));
    assertEquals(java.util.List.of("key-2", "key-1"), third.earlierKeyHashes, "newest first");
  }

  @Test
  void aFollowUpKeepsOnlyTheRecentKeysOfItsSeries() {
    Session s = Sessions.create("s0", "Peers", Template.FIRST, "key-0", Given.T0, new Random(1));
    for (int i = 1; i <= Session.EARLIER_KEYS + 3; i++) {
      s = Sessions.followUp(s, "s" + i, null, "key-" + i, Given.T0, new Random(i));
    }
    assertEquals(Session.EARLIER_KEYS, s.earlierKeyHashes.size());
    assertFalse(s.opensAsFacilitator("key-0"));
  }
}

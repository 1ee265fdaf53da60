package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceRulesTest {

  @Test
  void connectionsAreCountedPerNode() {
    Given g = Given.session("a");
    g.ok("a", new Connect("node1"));
    g.ok("a", new Connect("node2"));
    assertEquals(Map.of("node1", 2, "node2", 1), g.member("a").presence);
    g.ok("a", new Disconnect("node1"));
    g.ok("a", new Disconnect("node2"));
    assertEquals(Map.of("node1", 1), g.member("a").presence);
    g.ok("a", new Disconnect("node1"));
    assertFalse(g.member("a").online());
    g.unchanged("a", new Disconnect("node1")); // never below zero
  }

  @Test
  void connectNeedsAKnownMember() {
    Given g = Given.session("a");
    g.refused("ghost", new Connect("node1"), Reason.NOT_FOUND);
    g.refused(null, new Connect("node1"), Reason.NOT_FOUND);
    g.unchanged("ghost", new Disconnect("node1"));
    g.refused("a", new Connect(null), Reason.BAD_REQUEST);
    g.refused(null, new DisplayJoin(" ", "d", null), Reason.BAD_REQUEST);
  }

  @Test
  void displaysAreCountedAndLimited() {
    Given g = Given.session();
    for (int i = 0; i < g.limits.maxDisplays(); i++) g.ok(null, new DisplayJoin(i % 2 == 0 ? "n1" : "n2", "d" + i, null));
    assertEquals(g.limits.maxDisplays(), g.session.displayCount());
    g.refused(null, new DisplayJoin("n3", "d9", null), Reason.SESSION_FULL);
    g.refused(null, new DisplayJoin("n1", "d1", null), Reason.BAD_REQUEST); // an id is one display
    g.ok(null, new DisplayLeave("n1", "d0"));
    g.ok(null, new DisplayJoin("n3", "d9", null));
    g.unchanged(null, new DisplayLeave("nowhere", "d1")); // not that node's
    g.unchanged(null, new DisplayLeave("n1", "d0")); // already gone
  }

  @Test
  void aGoneNodeTakesItsConnectionsWithIt() {
    Given g = Given.session("a", "b");
    g.ok("a", new Connect("node2"));
    g.ok(null, new DisplayJoin("node1", "d1", null));
    g.ok(null, new DisplayJoin("node2", "d2", null));
    g.ok("a", new RaiseHand());
    g.ok(null, new NodeGone("node1"));
    assertEquals(Map.of("node2", 1), g.member("a").presence);
    assertFalse(g.member("b").online());
    assertFalse(g.member(FAC).online());
    assertEquals(java.util.Set.of("d2"), g.session.connectedDisplays.keySet());
    assertEquals("a", g.speaker(), "presence is only presence");
    g.unchanged(null, new NodeGone("node1"));
  }

  @Test
  void afterTheEndPresenceStillGoesButNothingElseComes() {
    Given g = Given.session("a");
    g.ok(null, new DisplayJoin("node1", "d1", null));
    g.ok(FAC, new EndSession());
    g.ok("a", new Disconnect("node1"));
    g.ok(null, new DisplayLeave("node1", "d1"));
    g.ok(null, new NodeGone("node1"));
    assertTrue(g.session.members.values().stream().noneMatch(Member::online));
    g.refused("a", new Connect("node1"), Reason.SESSION_ENDED);
    g.refused(null, new DisplayJoin("node1", "d2", null), Reason.SESSION_ENDED);
    g.refused(null, new Join("z", "Z", null, "r", "node1"), Reason.SESSION_ENDED);
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static app.roundtable.domain.Given.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facilitator's lock and the removal of a display: the room protects itself (issue 21). */
class RoomLockTest {

  @Test
  void aLockedRoomRefusesNewNamesAndDisplaysButNotResumesNorTheKey() {
    Given g = Given.session("a");
    g.ok(FAC, new LockRoom(true));
    assertTrue(g.session.locked);
    g.unchanged(FAC, new LockRoom(true));
    g.refused(null, new Join("z", "Zed", null, "r-z", "node1"), Reason.ROOM_LOCKED);
    g.refused(null, new DisplayJoin("node1", "d1", null), Reason.ROOM_LOCKED);
    g.ok("a", new Disconnect("node1"));
    g.ok("a", new Connect("node2")); // a member in the room resumes
    g.ok(null, new Join("x", "Fay again", KEY, "r-" + FAC, "node2")); // the key holder on a second device
    assertEquals(2, g.session.members.values().stream().filter(m -> !m.removed).count());
    g.ok(null, new DisplayJoin("node1", "d1", KEY)); // the facilitator's own projector
    g.refused(null, new DisplayJoin("node1", "d2", "wrong"), Reason.FORBIDDEN);
    g.ok(FAC, new AddRoomMember("Someone at the table")); // the facilitator still adds people
    g.ok(FAC, new LockRoom(false));
    assertFalse(g.session.locked);
    g.ok(null, new Join("z", "Zed", null, "r-z", "node1"));
    g.ok(null, new DisplayJoin("node1", "d2", null));
  }

  @Test
  void onlyTheFacilitatorLocksAndRemovesDisplays() {
    Given g = Given.session("a");
    g.ok(null, new DisplayJoin("node1", "d1", null));
    g.refused("a", new LockRoom(true), Reason.FORBIDDEN);
    g.refused("a", new RemoveDisplay("d1"), Reason.FORBIDDEN);
    g.refused(null, new LockRoom(true), Reason.NOT_JOINED);
    assertFalse(g.session.locked);
    assertEquals(Set.of("d1"), g.session.connectedDisplays.keySet());
  }

  @Test
  void removingADisplayFreesItsSlotAndTheLockKeepsItOut() {
    Given g = Given.session();
    for (int i = 0; i < g.limits.maxDisplays(); i++) g.ok(null, new DisplayJoin("node1", "fake" + i, null));
    g.refused(null, new DisplayJoin("node1", "real", null), Reason.SESSION_FULL);
    g.ok(FAC, new LockRoom(true));
    g.ok(FAC, new RemoveDisplay("fake0"));
    g.refused(FAC, new RemoveDisplay("fake0"), Reason.NOT_FOUND);
    g.refused(null, new DisplayJoin("node1", "fake0-again", null), Reason.ROOM_LOCKED);
    g.unchanged(null, new DisplayLeave("node1", "fake0")); // its socket's close comes after
    g.ok(null, new DisplayJoin("node2", "real", KEY));
    assertEquals(Set.of("fake1", "fake2", "fake3", "real"), g.session.connectedDisplays.keySet());
    assertEquals(g.now, g.session.connectedDisplays.get("real").joinedAt());
  }

  @Test
  void aRemovedMembersBrowserStaysOutAndTheLockStopsAnyNewName() {
    Given g = Given.session();
    g.ok(null, new Join("m", "Mallory", null, "r-m", "node1", "browser-1"));
    g.ok(FAC, new RemoveMember("m"));
    g.refused(null, new Join("m2", "Another name", null, "r-m2", "node1", "browser-1"), Reason.FORBIDDEN);
    g.ok(FAC, new LockRoom(true));
    g.refused(null, new Join("m3", "Fresh", null, "r-m3", "node1", "browser-2"), Reason.ROOM_LOCKED);
  }
}

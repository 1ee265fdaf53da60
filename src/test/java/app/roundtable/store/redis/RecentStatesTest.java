package app.roundtable.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import app.roundtable.testsupport.Sessions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A node's own publish is recognised by its bytes and not decoded; another node's is. What is kept
 * is bounded in bytes and in idle time.
 */
class RecentStatesTest {

  @Test
  void ownPublishArrivingBeforeTheScriptsReplyIsTheWrittenObject() {
    RecentStates recent = new RecentStates();
    Session mine = Sessions.full();
    byte[] bytes = SessionCodec.encode(mine);
    recent.writing(mine, bytes);

    assertSame(mine, recent.decode(mine.code, bytes.clone()));
    assertSame(mine, recent.get(mine.code), "and it is now the newest known state");
  }

  @Test
  void anotherNodesStateOfTheSameVersionIsDecoded() {
    RecentStates recent = new RecentStates();
    Session mine = Sessions.full();
    recent.writing(mine, SessionCodec.encode(mine));

    Session theirs = mine.copy();
    theirs.title = "written elsewhere first";
    Session got = recent.decode(mine.code, SessionCodec.encode(theirs));
    assertNotSame(mine, got);
    assertEquals("written elsewhere first", got.title);
  }

  @Test
  void afterTheWriteIsOverItsBytesAreNoLongerExpected() {
    RecentStates recent = new RecentStates();
    Session mine = Sessions.full();
    byte[] bytes = SessionCodec.encode(mine);
    recent.writing(mine, bytes);
    recent.written(mine); // lost: the script said another node wrote first

    assertNotSame(mine, recent.decode(mine.code, bytes));
  }

  @Test
  void aSessionNobodyTouchedForTheIdleTimeIsDropped() {
    AtomicLong nanos = new AtomicLong();
    RecentStates recent = new RecentStates(1 << 20, Duration.ofMinutes(10), nanos::get);
    Session s = Sessions.full();
    recent.offer(s, 2_000);
    nanos.addAndGet(Duration.ofMinutes(9).toNanos());
    assertSame(s, recent.get(s.code), "used within the idle time: kept (and the clock restarts)");
    nanos.addAndGet(Duration.ofMinutes(10).toNanos() + 1);
    assertNull(recent.get(s.code));
  }

  @Test
  void theBytesKeptAreBounded() {
    RecentStates recent = new RecentStates(100_000, Duration.ofMinutes(10), System::nanoTime);
    Session s = Sessions.full();
    int kept = 0;
    for (int i = 0; i < 1_000; i++) {
      Session other = s.copy();
      other.code = "S" + i;
      recent.offer(other, 2_000);
    }
    for (int i = 0; i < 1_000; i++) if (recent.get("S" + i) != null) kept++;
    assertTrue(kept <= 50, "100 000 bytes hold at most 50 states of 2 000: " + kept);
    assertTrue(kept > 0, "the most recent stay");
  }

  @Test
  void anOlderVersionNeverReplacesANewerOne() {
    RecentStates recent = new RecentStates();
    Session newer = Sessions.full();
    Session older = newer.copy();
    older.version = newer.version - 1;
    recent.offer(newer, 100);
    recent.offer(older, 100);
    assertSame(newer, recent.get(newer.code));
  }
}

package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The node's one latest-known version per served session, and its frame written once. */
class KnownSessionsTest {
  private final Metrics metrics = new Metrics(Set.of());
  private final KnownSessions known = new KnownSessions(16 * 1024, metrics);

  @Test
  void keepsTheNewestVersionOfServedSessionsOnlyWhileALoopServesThem() {
    Session v1 = session(1);
    known.seen(v1);
    assertNull(known.latest("code"), "not served: not kept");
    known.serving("code");
    known.serving("code");
    known.seen(session(2));
    Session v3 = session(3);
    known.seen(v3);
    known.seen(session(2));
    assertSame(v3, known.latest("code"), "an older version never replaces a newer one");
    assertEquals(List.of(v3), List.copyOf(known.all()));
    known.notServing("code");
    assertSame(v3, known.latest("code"), "another loop still serves it");
    known.notServing("code");
    assertNull(known.latest("code"));
  }

  @Test
  void aVersionsFrameIsWrittenOnceForTheNode() {
    known.serving("code");
    Session v2 = session(2);
    known.seen(v2);
    byte[] first = known.frame(v2);
    assertSame(first, known.frame(v2), "a second loop gets the same bytes");
    assertEquals(1.0, metrics.registry.get("roundtable_state_frames_written").counter().count());
    known.seen(session(3));
    known.frame(known.latest("code"));
    assertEquals(2.0, metrics.registry.get("roundtable_state_frames_written").counter().count());
  }

  private static Session session(long version) {
    Session s = Sessions.create("code", "Known", Template.BLANK, "key", 1_700_000_000_000L, new Random(1));
    s.version = version;
    return s;
  }
}

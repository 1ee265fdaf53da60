package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Member;
import app.roundtable.domain.Session;
import app.roundtable.domain.SpeakingQueue;
import app.roundtable.testsupport.Sessions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    Session full = Sessions.full();
    byte[] bytes = SessionCodec.encode(full);
    Session back = SessionCodec.decode(bytes);

    assertArrayEquals(bytes, SessionCodec.encode(back));
    // Spot checks that the re-encoding comparison is not vacuous (e.g. everything dropped both times).
    assertEquals(42, back.version);
    assertEquals(BoardPhase.RESULTS, back.board.phase);
    assertEquals(new SpeakingQueue.Hand("m2", 1_700_000_800_500L, 16, true), back.queue.waiting.get(0));
    assertEquals(new Member.AppliedCommand("c-7", 40), back.members.get("m1").recentCommands.get(0));
    assertEquals(2, back.members.get("m1").presence.get("node-a"));
    assertEquals("Bø \"quoted\" ✓", back.members.get("m2").name);
    assertEquals("done", back.previous.commitments.get(0).note);
    assertEquals(1_700_001_900_000L, back.timer.endsAt);
    assertTrue(back.members.get("m3").inRoom);
    assertNull(back.members.get("m3").resumeHash);
    assertEquals("How are you arriving today?", back.agenda.items.get(0).prompt);
    assertEquals(java.util.List.of("Bo", "Ada"), back.facilitation.earlier.get(0).facilitators);
    assertEquals(java.util.List.of("m1"), back.facilitation.memberIds);
    assertEquals(false, back.fairnessVisible);
  }

  @Test
  void sizeIsTheLengthOfTheEncodedBytes() {
    Session full = Sessions.full();
    assertEquals(SessionCodec.encode(full).length, SessionCodec.size(full));
    assertEquals(SessionCodec.encode(new Session()).length, SessionCodec.size(new Session()));
  }

  @Test
  void aSessionStoredBeforeV11ReadsWithTheDefaults() {
    String json = "{\"version\":3,\"code\":\"X\",\"members\":{\"m\":{\"id\":\"m\",\"name\":\"Ana\"}},"
        + "\"agenda\":{\"items\":[{\"id\":\"a\",\"title\":\"T\",\"minutes\":5}]}}";
    Session s = SessionCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    assertEquals("", s.agenda.items.get(0).prompt);
    assertEquals(false, s.members.get("m").inRoom);
    assertTrue(s.fairnessVisible);
    assertTrue(s.facilitation.earlier.isEmpty());
  }

  @Test
  void versionComesFirstSoTheApplyScriptCanReadIt() {
    String json = new String(SessionCodec.encode(Sessions.full()), StandardCharsets.UTF_8);
    assertTrue(json.startsWith(SessionCodec.VERSION_PREFIX + "42,"), json);
  }

  @Test
  void helperMethodsAreNotProperties() {
    String json = new String(SessionCodec.encode(Sessions.full()), StandardCharsets.UTF_8);
    assertTrue(!json.contains("\"online\"") && !json.contains("\"ended\""), json);
  }

  @Test
  void deliberateNullsStayNull() {
    Session s = Sessions.fresh("X", 1);
    s.board.prompt = null;
    s.status = null;
    Session back = SessionCodec.decode(SessionCodec.encode(s));
    assertNull(back.board.prompt);
    assertNull(back.status);
  }

  @Test
  void unknownPropertiesAreIgnored() {
    String json = "{\"version\":3,\"code\":\"X\",\"futureField\":{\"a\":1},\"timer\":{\"running\":true,\"lap\":2}}";
    Session s = SessionCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, s.version);
    assertTrue(s.timer.running);
  }

  @Test
  void garbageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SessionCodec.decode("not json".getBytes(StandardCharsets.UTF_8)));
  }
}

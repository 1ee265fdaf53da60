package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command is answered once: whichever of ack, refusal or reply comes first; the rest find nothing owed. */
class AnswerTest {
  private final List<String> sent = new ArrayList<>();
  private final Answer.To to = new Answer.To() {
    @Override
    public void refuse(String id, Refusal refusal) {
      sent.add("error " + id + " " + refusal.reason());
    }

    @Override
    public void ack(String id, long version) {
      sent.add("ack " + id + " " + version);
    }
  };

  @Test
  void theFirstAnswerIsTheOnlyOne() {
    Answer a = Answer.owedFrom("c1", to, null);
    assertTrue(a.owed());
    a.ack(7);
    a.refuse(Refusal.of(Reason.UNAVAILABLE, "late"));
    assertFalse(a.give(() -> sent.add("reply")));
    assertFalse(a.owed());
    assertEquals(List.of("ack c1 7"), sent);
  }

  @Test
  void aReplyOfItsOwnAnswersToo() {
    Answer a = Answer.owedFrom("c2", to, null);
    assertTrue(a.give(() -> sent.add("welcome")));
    a.ack(3);
    assertEquals(List.of("welcome"), sent);
  }

  @Test
  void aRefusalCarriesTheCommandsId() {
    Answer a = Answer.owedFrom("c3", to, null);
    a.refuse(Refusal.of(Reason.FORBIDDEN, "no"));
    a.ack(1);
    assertEquals(List.of("error c3 FORBIDDEN"), sent);
  }
}

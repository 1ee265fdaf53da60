package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.roundtable.domain.Action;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command;
import app.roundtable.domain.Context;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One version's delivery: private views written once per member, fingerprints that move with them. */
class DeliveryTest {
  private final Random random = new Random(3);
  private long now = 1_700_000_000_000L;
  private Session s = Sessions.create("delivery", "Delivery", Template.BLANK, "key", now, new Random(1));

  @Test
  void aMembersViewIsWrittenOnceForAllItsSockets() {
    run(null, new Command.Join("ana", "Ana", null, "r", "n"));
    Delivery d = new Delivery(s, Unpooled.EMPTY_BUFFER);
    assertSame(d.you("ana"), d.you("ana"), "the second socket of a member reuses the written view");
    assertNull(d.you("nobody"));
  }

  @Test
  void theFingerprintMovesWithTheViewAndNotWithTheRest() {
    run(null, new Command.Join("fac", "Fae", "key", "r0", "n"));
    run(null, new Command.Join("ana", "Ana", null, "r1", "n"));
    run("fac", new Command.SetBoardPhase(BoardPhase.WRITING));
    long before = new Delivery(s, Unpooled.EMPTY_BUFFER).fingerprint("ana");
    run("fac", new Command.StartTimer(60));
    assertEquals(before, new Delivery(s, Unpooled.EMPTY_BUFFER).fingerprint("ana"), "the timer is not in ana's view");
    run("ana", new Command.PostIdea("Mine"));
    long posted = new Delivery(s, Unpooled.EMPTY_BUFFER).fingerprint("ana");
    assertNotEquals(before, posted, "her own idea is");
    run("fac", new Command.SetVotesPerMember(5));
    assertNotEquals(posted, new Delivery(s, Unpooled.EMPTY_BUFFER).fingerprint("ana"), "votes left are");
  }

  private void run(String actor, Command c) {
    now += 1000;
    Outcome o = Rules.apply(s, new Action(actor, null, c), new Context(now, random, Limits.DEFAULTS));
    s = assertInstanceOf(Outcome.Applied.class, o, o::toString).session();
  }
}

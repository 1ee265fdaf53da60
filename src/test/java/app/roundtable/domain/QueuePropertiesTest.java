package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.SpeakingQueue.Hand;
import app.roundtable.domain.SpeakingQueue.Speaker;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The equal-turns promise under any sequence of queue and connection events: random members, random
 * commands, random gaps in time. Refused commands are part of the mix (done by someone without the
 * floor, connect after leave...) and must simply change nothing.
 */
class QueuePropertiesTest {

  enum Kind { RAISE, LOWER, DONE, NEXT, LEAVE, CONNECT, DISCONNECT }

  record Step(Kind kind, int who, long dtMs) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 7),
            Arbitraries.longs().between(0, 120_000))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(120);
  }

  @Property(tries = 400)
  void equalTurnsHoldWhateverHappens(
      @ForAll @IntRange(min = 2, max = 8) int size, @ForAll("steps") List<Step> steps) {
    Given g = Given.session();
    List<String> ids = new ArrayList<>(List.of(Given.FAC));
    for (int i = 1; i < size; i++) {
      ids.add("m" + i);
      g.join("m" + i);
    }
    for (Step step : steps) {
      String who = ids.get(step.who() % size);
      Session before = g.session;
      g.later(step.dtMs());
      switch (step.kind()) {
        case RAISE -> g.run(who, new RaiseHand());
        case LOWER -> g.run(who, new LowerHand());
        case DONE -> g.run(who, new DoneSpeaking());
        case NEXT -> g.run(Given.FAC, new NextSpeaker());
        case LEAVE -> g.run(who, new Leave());
        case CONNECT -> g.run(who, new Connect("node1"));
        case DISCONNECT -> g.run(who, new Disconnect("node1"));
      }
      check(before, g.session, step.kind());
    }
  }

  private static void check(Session before, Session after, Kind kind) {
    SpeakingQueue q = after.queue;
    Speaker sp = q.speaker;

    // The queue runs itself.
    if (sp == null) assertTrue(q.waiting.isEmpty(), "someone waits while nobody speaks");

    // (a) Nobody left waiting has fewer turns than whoever just took the floor.
    boolean tookFloor = sp != null && !sp.equals(before.queue.speaker);
    if (tookFloor) {
      int turns = after.members.get(sp.memberId()).turns;
      for (Hand h : q.waiting) {
        assertTrue(after.members.get(h.memberId()).turns >= turns,
            "a member with fewer turns was passed over");
      }
    }

    // (b) Waiting is in (turns, spokenMs, seq) order.
    for (int i = 1; i < q.waiting.size(); i++) {
      Member a = after.members.get(q.waiting.get(i - 1).memberId());
      Member b = after.members.get(q.waiting.get(i).memberId());
      int c = Integer.compare(a.turns, b.turns);
      if (c == 0) c = Long.compare(a.spokenMs, b.spokenMs);
      if (c == 0) c = Long.compare(q.waiting.get(i - 1).seq(), q.waiting.get(i).seq());
      assertTrue(c < 0, "waiting out of order at " + i);
    }

    // (c) A dropped connection costs nobody their hand or the floor.
    if (kind == Kind.DISCONNECT) {
      assertEquals(before.queue.waiting, q.waiting);
      assertEquals(before.queue.speaker, q.speaker);
    }

    // (d) The speaker is never also waiting, except with a hand raised during their own turn
    // (a speaker may queue for a later one); taking the floor always uses up the hand.
    if (sp != null) {
      for (Hand h : q.waiting) {
        if (!h.memberId().equals(sp.memberId())) continue;
        assertFalse(tookFloor, "took the floor and kept the hand");
        assertTrue(h.raisedAt() >= sp.startedAt(), "the speaker holds a hand from before the turn");
      }
    }

    // Everyone waiting is a member, once.
    assertEquals(q.waiting.size(), q.waiting.stream().map(Hand::memberId).distinct().count());
    for (Hand h : q.waiting) assertNotNull(after.member(h.memberId()));
  }
}

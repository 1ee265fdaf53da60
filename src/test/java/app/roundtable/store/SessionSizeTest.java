package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Action;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.Context;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.store.SessionStore.Update;
import app.roundtable.testsupport.Await;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review's 2.5 MB session, built with the real rules through a real store: every count at the
 * documented limits (12 members, full boards of 280-character emoji ideas, round after round into
 * the record). It is refused {@code limit_exceeded} at the default cap, long before. Beside it, a
 * realistic full meeting, measured, to show what the cap leaves room for (docs/deploy.md).
 */
class SessionSizeTest {
  private static final String KEY_HASH = "k".repeat(64);
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private final SecureRandom random = new SecureRandom();
  private final InMemorySessionStore store = new InMemorySessionStore(vertx, clock::get, Duration.ofDays(30),
      Integer.MAX_VALUE, SessionSize.DEFAULT, Long.MAX_VALUE);
  private final List<String> members = new ArrayList<>();
  private String code;

  @AfterEach
  void close() {
    Await.result(store.close());
    Await.result(vertx.close());
  }

  @Test
  void theLargestSessionTheLimitsAllowIsRefusedAtTheCap() {
    start(Template.FIRST);
    String emoji = "\uD83D\uDE00".repeat(Limits.DEFAULTS.maxTextLength()); // 280 characters, 1 120 bytes
    Update refused = null;
    for (int round = 0; round <= Limits.BOARD_ROUNDS && refused == null; round++) {
      facilitator(new Command.SetBoardPhase(BoardPhase.WRITING));
      for (int i = 0; i < Limits.DEFAULTS.maxIdeas() && refused == null; i++) {
        Update u = as(members.get(i % members.size()), new Command.PostIdea(emoji));
        if (u.outcome() instanceof Outcome.Refused) refused = u;
      }
      if (refused != null) break;
      facilitator(new Command.SetBoardPhase(BoardPhase.REVEALED));
      Update cleared = as(members.get(0), new Command.ClearBoard());
      if (cleared.outcome() instanceof Outcome.Refused) refused = cleared;
    }
    assertNotNull(refused, "the cap stops the session before the limits do");
    Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, refused.outcome());
    assertEquals(Reason.LIMIT_EXCEEDED, r.refusal().reason());
    int stands = SessionCodec.encode(Await.result(store.load(code))).length;
    System.out.printf("largest session: refused at %d bytes (cap %d), %d archived round(s) + %d ideas%n", stands,
        SessionSize.DEFAULT_MAX_BYTES, refused.current().board.rounds.size(), refused.current().board.ideas.size());
    assertTrue(stands <= SessionSize.DEFAULT_MAX_BYTES + SessionSize.RESERVE_BYTES, "held at the cap: " + stands);
    assertTrue(refused.current().board.rounds.size() < Limits.BOARD_ROUNDS, "far short of the 10 rounds the counts allow");
    // Still a working session: people come and go, hands go up.
    assertInstanceOf(Outcome.Applied.class, as(members.get(3), new Command.RaiseHand()).outcome());
    assertInstanceOf(Outcome.Applied.class, as(members.get(3), new Command.Disconnect("node-a")).outcome());
  }

  @Test
  void aRealisticFullMeetingFitsSeveralTimesOver() {
    start(Template.FIRST);
    String idea = "We could pair on the release checklist so nobody carries it alone, and rotate who leads it";
    for (int round = 0; round < 3; round++) {
      facilitator(new Command.SetBoardPhase(BoardPhase.WRITING));
      for (int i = 0; i < 40; i++) assertApplied(as(members.get(i % members.size()), new Command.PostIdea(idea + " " + i)));
      facilitator(new Command.SetBoardPhase(BoardPhase.REVEALED));
      facilitator(new Command.ClearBoard());
    }
    for (String m : members) {
      for (int c = 0; c < 2; c++) {
        Update added = as(m, new Command.AddCommitment("Ask one open question in every planning meeting, " + c));
        assertApplied(added);
      }
    }
    Session s = Await.result(store.load(code));
    for (var c : List.copyOf(s.commitments)) {
      assertApplied(as(c.memberId, new Command.SetCommitmentStatus(c.id, CommitmentStatus.TRIED, "Went well twice, once not")));
    }
    int bytes = SessionCodec.encode(Await.result(store.load(code))).length;
    System.out.printf("realistic full meeting: %d bytes (12 members, 3 rounds of 40 ideas, 24 commitments)%n", bytes);
    assertTrue(bytes * 4 < SessionSize.DEFAULT_MAX_BYTES, "room for it four times over: " + bytes);
  }

  private void start(Template template) {
    code = "SIZE" + random.nextInt(1_000_000);
    Session s = Sessions.create(code, "Team retro", template, KEY_HASH, clock.get(), random);
    assertTrue(Await.result(store.create(s)));
    for (int i = 0; i < Limits.DEFAULTS.maxMembers(); i++) {
      String id = "m" + i;
      String name = ("Member " + i + " " + "x".repeat(40)).substring(0, Limits.DEFAULTS.maxNameLength());
      Command.Join join = new Command.Join(id, name, i == 0 ? KEY_HASH : null, "r".repeat(64), "node-a");
      Update u = Await.result(store.update(code, cur -> Rules.apply(cur, new Action(null, null, join), context())));
      assertApplied(u);
      members.add(id);
    }
  }

  private Update facilitator(Command c) {
    Update u = as(members.get(0), c);
    assertApplied(u);
    return u;
  }

  private Update as(String memberId, Command c) {
    clock.addAndGet(10);
    Action a = new Action(memberId, null, c);
    return Await.result(store.update(code, cur -> Rules.apply(cur, a, context())));
  }

  private Context context() {
    return new Context(clock.get(), random, Limits.DEFAULTS);
  }

  private static void assertApplied(Update u) {
    assertInstanceOf(Outcome.Applied.class, u.outcome(), () -> "refused: " + u.outcome());
  }
}

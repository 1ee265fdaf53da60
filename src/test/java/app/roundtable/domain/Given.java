package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import app.roundtable.domain.Command.Join;
import java.util.Random;

/**
 * "Given this session": a small driver for rule tests. Every command goes through {@link Rules#apply}
 * and is checked for the invariants that hold for all commands: the input is never modified, and an
 * applied change is exactly one version later with {@code updatedAt} at the command's time.
 */
final class Given {
  static final long T0 = 1_700_000_000_000L;
  static final String KEY = "key-hash";
  static final String FAC = "fac";

  Session session;
  long now = T0;
  Limits limits = Limits.DEFAULTS;
  final Random random;

  private Given(Session session, long seed) {
    this.session = session;
    this.random = new Random(seed);
  }

  /** A blank session with its facilitator joined (id {@value #FAC}) and the given members online. */
  static Given session(String... members) {
    Given g = empty();
    g.ok(null, new Join(FAC, "Facilitator", KEY, "r-" + FAC, "node1"));
    for (String m : members) g.join(m);
    return g;
  }

  static Given empty() {
    return new Given(Sessions.create("code", "Title", Template.BLANK, KEY, T0, new Random(1)), 7);
  }

  Given join(String id) {
    ok(null, new Join(id, id.toUpperCase(), null, "r-" + id, "node1"));
    return this;
  }

  Given at(long t) {
    now = t;
    return this;
  }

  Given later(long ms) {
    now += ms;
    return this;
  }

  Context ctx() {
    return new Context(now, random, limits);
  }

  Outcome run(String actor, Command c) {
    return run(new Action(actor, null, c));
  }

  Outcome run(Action a) {
    String before = Snapshot.of(session);
    Outcome out = Rules.apply(session, a, ctx());
    assertNotNull(out);
    assertEquals(before, Snapshot.of(session), "the input session must never change");
    if (out instanceof Outcome.Applied applied) {
      assertNotSame(session, applied.session());
      assertEquals(session.version + 1, applied.session().version, "one version per change");
      assertEquals(now, applied.session().updatedAt);
      session = applied.session();
    }
    return out;
  }

  Session ok(String actor, Command c) {
    Outcome out = run(actor, c);
    assertInstanceOf(Outcome.Applied.class, out, () -> "expected applied, got " + out);
    return session;
  }

  void unchanged(String actor, Command c) {
    Outcome out = run(actor, c);
    assertInstanceOf(Outcome.Unchanged.class, out, () -> "expected unchanged, got " + out);
  }

  Refusal refused(String actor, Command c, Refusal.Reason reason) {
    Outcome out = run(actor, c);
    Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, out, () -> "expected refusal, got " + out);
    assertEquals(reason, r.refusal().reason(), r.refusal().message());
    return r.refusal();
  }

  Member member(String id) {
    return session.members.get(id);
  }

  String speaker() {
    return session.queue.speaker == null ? null : session.queue.speaker.memberId();
  }

  java.util.List<String> waiting() {
    return session.queue.waiting.stream().map(SpeakingQueue.Hand::memberId).toList();
  }
}

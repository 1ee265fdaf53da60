package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.INVALID_PHASE;

import app.roundtable.domain.SpeakingQueue.Hand;
import app.roundtable.domain.SpeakingQueue.Speaker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The speaking queue. It runs itself: after every change {@link #settle} re-sorts the waiting list
 * and, when nobody has the floor, gives it to the first waiting member at once, so there is never a
 * moment where someone waits while nobody speaks.
 */
final class QueueRules {
  private QueueRules() {}

  static Verdict raiseHand(Session s, Member actor, Context ctx) {
    // The speaker may queue for a later turn; only a second hand is pointless.
    if (s.queue.isWaiting(actor.id)) return Verdict.UNCHANGED;
    s.queue.waiting.add(new Hand(actor.id, ctx.now(), s.raiseSeq++, false));
    settle(s, ctx.now());
    return Verdict.CHANGED;
  }

  static Verdict lowerHand(Session s, Member actor, Context ctx) {
    if (!withdraw(s, actor.id)) return Verdict.UNCHANGED;
    settle(s, ctx.now());
    return Verdict.CHANGED;
  }

  static Verdict doneSpeaking(Session s, Member actor, Context ctx) {
    if (!isSpeaking(s, actor.id)) return Verdict.refuse(INVALID_PHASE, "That turn isn't running: someone else has the floor, or nobody.");
    endTurn(s, ctx.now());
    settle(s, ctx.now());
    return Verdict.CHANGED;
  }

  /**
   * Ends the current turn early. {@code seenSpeaker} (null: whoever speaks) is the speaker the
   * facilitator meant: if the floor has moved on since (a hand raised while nobody spoke gets it at
   * once), nothing changes, so the one who just got the floor is not cut off by a late tap.
   */
  static Verdict nextSpeaker(Session s, String seenSpeaker, Context ctx) {
    if (s.queue.speaker == null && s.queue.waiting.isEmpty()) return Verdict.UNCHANGED;
    if (seenSpeaker != null && (s.queue.speaker == null || !seenSpeaker.equals(s.queue.speaker.memberId()))) {
      return Verdict.UNCHANGED;
    }
    endTurn(s, ctx.now());
    settle(s, ctx.now());
    return Verdict.CHANGED;
  }

  /** Queues every online member not already waiting, in an order nobody chose. */
  static Verdict startRound(Session s, Context ctx) {
    List<String> eligible = new ArrayList<>();
    for (Member m : s.members.values()) {
      if (!m.removed && m.online() && !s.queue.isWaiting(m.id)) eligible.add(m.id);
    }
    if (eligible.isEmpty()) return Verdict.UNCHANGED;
    shuffle(eligible, ctx);
    for (String id : eligible) s.queue.waiting.add(new Hand(id, ctx.now(), s.raiseSeq++, true));
    s.queue.round = true;
    settle(s, ctx.now());
    return Verdict.CHANGED;
  }

  static Verdict setPolicy(Session s, Command.SetQueuePolicy c) {
    if (c.policy() == null) return Verdict.refuse(Refusal.Reason.BAD_REQUEST, "Choose a queue policy.");
    if (c.policy() == s.queue.policy) return Verdict.UNCHANGED;
    s.queue.policy = c.policy();
    sort(s);
    return Verdict.CHANGED;
  }

  static Verdict setTurnLimit(Session s, Command.SetTurnLimit c, Context ctx) {
    Verdict bad = Checks.range(c.seconds(), 0, ctx.limits().maxTurnLimitSec(), "The turn limit");
    if (bad != null) return bad;
    if (c.seconds() == s.queue.turnLimitSec) return Verdict.UNCHANGED;
    s.queue.turnLimitSec = c.seconds();
    return Verdict.CHANGED;
  }

  // --- mechanics shared with membership and session rules ------------------------------------

  static boolean isSpeaking(Session s, String memberId) {
    return s.queue.speaker != null && s.queue.speaker.memberId().equals(memberId);
  }

  /** Ends the current turn, if any, crediting the speaker; the floor stays empty until {@link #settle}. */
  static void endTurn(Session s, long now) {
    Speaker sp = s.queue.speaker;
    if (sp == null) return;
    Member m = s.members.get(sp.memberId());
    if (m != null) {
      m.turns++;
      m.spokenMs += Math.max(0, now - sp.startedAt());
    }
    s.queue.speaker = null;
  }

  /** Takes the member's hand down; true when there was one. */
  static boolean withdraw(Session s, String memberId) {
    return s.queue.waiting.removeIf(h -> h.memberId().equals(memberId));
  }

  /** Takes the member out of the queue entirely: their turn ends and their hand comes down. */
  static boolean takeOut(Session s, String memberId, long now) {
    boolean changed = false;
    if (isSpeaking(s, memberId)) {
      endTurn(s, now);
      changed = true;
    }
    changed |= withdraw(s, memberId);
    if (changed) settle(s, now);
    return changed;
  }

  /** Restores the queue's invariants: sorted, nobody waits while the floor is free, round flag true only while round hands wait. */
  static void settle(Session s, long now) {
    sort(s);
    if (s.queue.speaker == null && !s.queue.waiting.isEmpty()) {
      Hand next = s.queue.waiting.remove(0);
      s.queue.speaker = new Speaker(next.memberId(), now);
    }
    boolean roundLeft = false;
    for (Hand h : s.queue.waiting) roundLeft |= h.round();
    s.queue.round = roundLeft;
  }

  static void sort(Session s) {
    s.queue.waiting.sort(order(s));
  }

  /** The speaking order for the session's policy; seq is unique, so the order is total. */
  static Comparator<Hand> order(Session s) {
    Comparator<Hand> bySeq = Comparator.comparingLong(Hand::seq);
    if (s.queue.policy == QueuePolicy.FIFO) return bySeq;
    return Comparator.<Hand>comparingInt(h -> turnsOf(s, h.memberId()))
        .thenComparingLong(h -> spokenOf(s, h.memberId()))
        .thenComparing(bySeq);
  }

  private static int turnsOf(Session s, String id) {
    Member m = s.members.get(id);
    return m == null ? 0 : m.turns;
  }

  private static long spokenOf(Session s, String id) {
    Member m = s.members.get(id);
    return m == null ? 0 : m.spokenMs;
  }

  /** Fisher–Yates with the context's generator, so tests can fix the order with a seed. */
  static <T> void shuffle(List<T> list, Context ctx) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = ctx.random().nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}

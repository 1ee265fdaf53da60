package app.roundtable.testsupport;

import app.roundtable.domain.AgendaItem;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Commitment;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.Facilitation;
import app.roundtable.domain.Idea;
import app.roundtable.domain.ItemKind;
import app.roundtable.domain.ItemStatus;
import app.roundtable.domain.Member;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Previous;
import app.roundtable.domain.QueuePolicy;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Session;
import app.roundtable.domain.SessionStatus;
import app.roundtable.domain.SpeakingQueue;
import java.util.List;
import java.util.function.Function;

/**
 * Sessions and change functions for store tests, built by hand so that store tests do not depend on
 * the domain rules.
 */
public final class Sessions {
  private Sessions() {}

  /** A fresh session at version 1. */
  public static Session fresh(String code, long now) {
    Session s = new Session();
    s.code = code;
    s.title = "Peer group " + code;
    s.createdAt = now;
    s.updatedAt = now;
    s.version = 1;
    s.facilitatorKeyHash = "f".repeat(64);
    s.groundRules.add("what is said here stays here");
    return s;
  }

  /** A change that appends an idea with {@code text}, as the rules would: on a copy, version + 1. */
  public static Function<Session, Outcome> addIdea(String text, long now) {
    return s -> {
      Session next = s.copy();
      next.board.ideas.add(new Idea("i" + (s.version + 1) + "-" + text, text, "m1"));
      next.version = s.version + 1;
      next.updatedAt = now;
      return new Outcome.Applied(next);
    };
  }

  /** A change that adds a member, as a join would: on a copy, version + 1. */
  public static Function<Session, Outcome> addMember(String id, long now) {
    return s -> {
      Session next = s.copy();
      next.members.put(id, new Member(id, "Member " + id, "r".repeat(64), now));
      next.version = s.version + 1;
      next.updatedAt = now;
      return new Outcome.Applied(next);
    };
  }

  public static Function<Session, Outcome> refuse() {
    return s -> new Outcome.Refused(Refusal.of(Refusal.Reason.FORBIDDEN, "not the facilitator"));
  }

  public static Function<Session, Outcome> unchanged() {
    return s -> new Outcome.Unchanged();
  }

  /** Every field set to a non-default value, nested objects and records included. */
  public static Session full() {
    Session s = fresh("ABCD-EFGH-JKMN", 1_700_000_000_000L);
    s.status = SessionStatus.ENDED;
    s.updatedAt = 1_700_000_123_456L;
    s.version = 42;
    s.groundRules.add("everyone speaks, nobody dominates");
    s.raiseSeq = 17;

    Member ada = new Member("m1", "Ada", "a".repeat(64), 1_700_000_000_100L);
    ada.facilitator = true;
    ada.presence.put("node-a", 2);
    ada.turns = 3;
    ada.spokenMs = 90_500;
    ada.votes.put("i1", 2);
    ada.recentCommands.add(new Member.AppliedCommand("c-7", 40));
    Member bo = new Member("m2", "Bø \"quoted\" ✓", "b".repeat(64), 1_700_000_000_200L);
    bo.removed = true;
    s.members.put(ada.id, ada);
    s.members.put(bo.id, bo);
    s.connectedDisplays.put("dsp1", new app.roundtable.domain.Display("node-b", 1_700_000_000_300L));
    s.locked = true;

    AgendaItem check = new AgendaItem("a1", "Check-in round", ItemKind.ROUND, 10);
    check.status = ItemStatus.DONE;
    check.startedAt = 1_700_000_001_000L;
    check.spentMs = 600_000;
    AgendaItem board = new AgendaItem("a2", "Idea board", ItemKind.BOARD, 20);
    board.status = ItemStatus.ACTIVE;
    board.startedAt = 1_700_000_700_000L;
    s.agenda.items.add(check);
    s.agenda.items.add(board);
    s.agenda.currentId = "a2";

    s.timer.running = true;
    s.timer.durationMs = 1_200_000;
    s.timer.endsAt = 1_700_001_900_000L;
    s.timer.remainingMs = 1_100_000;

    s.queue.policy = QueuePolicy.FIFO;
    s.queue.turnLimitSec = 120;
    s.queue.round = true;
    s.queue.speaker = new SpeakingQueue.Speaker("m1", 1_700_000_800_000L);
    s.queue.waiting.add(new SpeakingQueue.Hand("m2", 1_700_000_800_500L, 16, true));

    s.board.phase = BoardPhase.RESULTS;
    s.board.prompt = "Approaches to try";
    s.board.votesPerMember = 5;
    Idea idea = new Idea("i1", "Pair on it", "m2");
    idea.group = "practice";
    s.board.ideas.add(idea);

    Commitment c = new Commitment("c1", "m1", "Ada", "Ask one question per meeting");
    c.status = CommitmentStatus.TRIED;
    c.note = "went well";
    s.commitments.add(c);
    Commitment old = new Commitment("c0", "m2", "Bo", "Read the paper");
    old.status = CommitmentStatus.DONE;
    old.note = "done";
    s.previous = new Previous("First meeting", List.of(old));

    // v1.1: a room member, item prompts, the rota, fairness hidden
    Member rosa = new Member("m3", "Rosa", null, 1_700_000_000_300L);
    rosa.inRoom = true;
    s.members.put(rosa.id, rosa);
    check.prompt = "How are you arriving today?";
    s.facilitation.earlier.add(new Facilitation.Earlier("First meeting", List.of("Bo", "Ada")));
    s.facilitation.memberIds.add("m1");
    s.fairnessVisible = false;
    return s;
  }
}

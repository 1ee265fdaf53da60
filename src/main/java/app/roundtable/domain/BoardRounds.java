package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rounds of the idea board. A reveal must not let anyone tell which ideas are new since the last
 * one, so it hands out fresh ids in a fresh order; a round once shown with its results is final and
 * only {@link #clear} moves on, keeping what the group saw (never who wrote or voted) for the record.
 */
final class BoardRounds {
  private BoardRounds() {}

  /**
   * Shuffles the ideas, then gives each a fresh random id in the new order, so neither the id nor
   * the position carries anything from posting time. Votes follow their ideas to the new ids.
   */
  static void reveal(Session s, Context ctx) {
    Board b = s.board;
    QueueRules.shuffle(b.ideas, ctx);
    Set<String> taken = new HashSet<>();
    for (Idea i : b.ideas) taken.add(i.id);
    Map<String, String> renamed = new HashMap<>();
    for (Idea i : b.ideas) {
      String id;
      do {
        id = Ids.next(ctx.random());
      } while (!taken.add(id));
      renamed.put(i.id, id);
      i.id = id;
    }
    for (Member m : s.members.values()) {
      if (!m.votes.isEmpty()) m.renameVotes(renamed);
    }
  }

  /**
   * Closes the board and empties it for a new round. A round whose ideas were revealed goes to the
   * record (with totals if it reached results); ideas never revealed were only ever their authors'
   * and are dropped unseen.
   */
  static Verdict clear(Session s, Context ctx) {
    Board b = s.board;
    if (b.phase == BoardPhase.CLOSED && b.ideas.isEmpty()) return Verdict.UNCHANGED;
    if (b.phase.ideasVisible() && !b.ideas.isEmpty()) {
      if (b.rounds.size() >= ctx.limits().maxBoardRounds()) {
        return Verdict.refuse(LIMIT_EXCEEDED,
            "The record keeps at most " + ctx.limits().maxBoardRounds() + " board rounds; this board can't start another.");
      }
      b.rounds.add(finished(s));
    }
    b.ideas.clear();
    for (Member m : s.members.values()) m.clearVotes();
    b.phase = BoardPhase.CLOSED;
    return Verdict.CHANGED;
  }

  private static FinishedRound finished(Session s) {
    FinishedRound r = new FinishedRound();
    r.prompt = s.board.prompt;
    r.voted = s.board.phase == BoardPhase.RESULTS;
    for (Idea i : s.board.ideas) {
      r.ideas.add(new FinishedRound.Entry(i.text, i.group, r.voted ? s.votes(i.id) : 0));
    }
    // Stable: ideas with equal totals keep the shuffled order the group saw.
    if (r.voted) r.ideas.sort(Comparator.comparingInt((FinishedRound.Entry e) -> -e.votes));
    return r;
  }

  /** Ideas this member holds on the current board. */
  static int ideasOf(Session s, Member m) {
    int n = 0;
    for (Idea i : s.board.ideas) if (m.id.equals(i.authorId)) n++;
    return n;
  }
}

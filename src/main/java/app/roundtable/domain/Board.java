package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

/** The anonymous idea board. Authors live only here, never in anything sent to other members. */
public final class Board {
  public BoardPhase phase = BoardPhase.CLOSED;
  public String prompt = "";
  public int votesPerMember = 3;
  /** In display order: shuffled each time the ideas are revealed, so order never tells posting time. */
  public List<Idea> ideas = new ArrayList<>();
  /** Earlier rounds of this board that were cleared after a reveal, oldest first; bounded by the limits. */
  public List<FinishedRound> rounds = new ArrayList<>();

  public Board copy() {
    Board b = new Board();
    b.phase = phase;
    b.prompt = prompt;
    b.votesPerMember = votesPerMember;
    for (Idea i : ideas) b.ideas.add(i.copy());
    for (FinishedRound r : rounds) b.rounds.add(r.copy());
    return b;
  }

  public Idea idea(String id) {
    for (Idea i : ideas) if (i.id.equals(id)) return i;
    return null;
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.INVALID_PHASE;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;

import java.util.Objects;

/**
 * The anonymous idea board. Every refusal here is worded so it can't confirm who wrote an idea:
 * someone else's idea is "not found", exactly like an idea that doesn't exist.
 */
final class BoardRules {
  private BoardRules() {}

  static Verdict setPhase(Session s, Command.SetBoardPhase c, Context ctx) {
    if (c.phase() == null) return Verdict.refuse(BAD_REQUEST, "Choose a board phase.");
    BoardPhase from = s.board.phase;
    if (c.phase() == from) return Verdict.UNCHANGED;
    // Going back from results would let one changed vote be isolated against the totals shown.
    if (from == BoardPhase.RESULTS) {
      return Verdict.refuse(INVALID_PHASE, "The results are final; clear the board to start a new round.");
    }
    // Every reveal, and any other way the ideas come into view, hides posting order and time.
    if (c.phase() == BoardPhase.REVEALED || (c.phase().ideasVisible() && !from.ideasVisible())) {
      BoardRounds.reveal(s, ctx);
    }
    // Back to hidden phases starts the board over as far as votes go.
    if (!c.phase().ideasVisible()) {
      for (Member m : s.members.values()) m.votes.clear();
    }
    s.board.phase = c.phase();
    return Verdict.CHANGED;
  }

  static Verdict clear(Session s, Context ctx) {
    return BoardRounds.clear(s, ctx);
  }

  static Verdict setPrompt(Session s, Command.SetBoardPrompt c, Context ctx) {
    Verdict bad = Checks.length(c.prompt(), "The prompt", ctx.limits());
    if (bad != null) return bad;
    String prompt = c.prompt() == null ? "" : c.prompt().strip();
    if (prompt.equals(s.board.prompt)) return Verdict.UNCHANGED;
    s.board.prompt = prompt;
    return Verdict.CHANGED;
  }

  /** Fixed while votes are being cast or shown, so nobody's allowance changes under them. */
  static Verdict setVotesPerMember(Session s, Command.SetVotesPerMember c, Context ctx) {
    if (s.board.phase == BoardPhase.VOTING || s.board.phase == BoardPhase.RESULTS) {
      return Verdict.refuse(INVALID_PHASE, "Votes per member can't change once voting has started.");
    }
    Verdict bad = Checks.range(c.votes(), 1, ctx.limits().maxVotesPerMember(), "Votes per member");
    if (bad != null) return bad;
    if (c.votes() == s.board.votesPerMember) return Verdict.UNCHANGED;
    s.board.votesPerMember = c.votes();
    return Verdict.CHANGED;
  }

  static Verdict post(Session s, Member actor, Command.PostIdea c, Context ctx) {
    if (s.board.phase != BoardPhase.WRITING) return notWriting();
    Verdict bad = Checks.text(c.text(), "An idea", ctx.limits());
    if (bad != null) return bad;
    if (s.board.ideas.size() >= ctx.limits().maxIdeas()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "The board is full.");
    }
    if (BoardRounds.ideasOf(s, actor) >= ctx.limits().maxIdeasPerMember()) {
      return Verdict.refuse(LIMIT_EXCEEDED,
          "You have " + ctx.limits().maxIdeasPerMember() + " ideas on this board, as many as one person may.");
    }
    s.board.ideas.add(new Idea(Ids.next(ctx.random()), c.text().strip(), actor.id));
    return Verdict.CHANGED;
  }

  static Verdict edit(Session s, Member actor, Command.EditIdea c, Context ctx) {
    if (s.board.phase != BoardPhase.WRITING) return notWriting();
    Idea idea = own(s, actor, c.ideaId());
    if (idea == null) return noIdea();
    Verdict bad = Checks.text(c.text(), "An idea", ctx.limits());
    if (bad != null) return bad;
    if (c.text().strip().equals(idea.text)) return Verdict.UNCHANGED;
    idea.text = c.text().strip();
    return Verdict.CHANGED;
  }

  static Verdict delete(Session s, Member actor, Command.DeleteIdea c) {
    if (s.board.phase != BoardPhase.WRITING) return notWriting();
    Idea idea = own(s, actor, c.ideaId());
    if (idea == null) return noIdea();
    s.board.ideas.remove(idea);
    for (Member m : s.members.values()) m.votes.remove(idea.id);
    return Verdict.CHANGED;
  }

  static Verdict vote(Session s, Member actor, Command.Vote c) {
    if (s.board.phase != BoardPhase.VOTING) return notVoting();
    if (s.board.idea(c.ideaId()) == null) return noIdea();
    if (actor.votesCast() >= s.board.votesPerMember) {
      return Verdict.refuse(LIMIT_EXCEEDED, "You have no votes left.");
    }
    actor.votes.merge(c.ideaId(), 1, Integer::sum);
    return Verdict.CHANGED;
  }

  static Verdict unvote(Session s, Member actor, Command.Unvote c) {
    if (s.board.phase != BoardPhase.VOTING) return notVoting();
    Integer mine = actor.votes.get(c.ideaId());
    if (s.board.idea(c.ideaId()) == null || mine == null) {
      return Verdict.refuse(NOT_FOUND, "You have no vote on that idea.");
    }
    if (mine <= 1) actor.votes.remove(c.ideaId());
    else actor.votes.put(c.ideaId(), mine - 1);
    return Verdict.CHANGED;
  }

  static Verdict group(Session s, Command.GroupIdea c, Context ctx) {
    if (!s.board.phase.ideasVisible()) {
      return Verdict.refuse(INVALID_PHASE, "Ideas can be grouped once they are revealed.");
    }
    Idea idea = s.board.idea(c.ideaId());
    if (idea == null) return noIdea();
    String group = Checks.blank(c.group()) ? null : c.group().strip();
    if (group != null && Checks.chars(group) > ctx.limits().maxGroupLength()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "That group name is too long.");
    }
    if (Objects.equals(group, idea.group)) return Verdict.UNCHANGED;
    idea.group = group;
    return Verdict.CHANGED;
  }

  private static Idea own(Session s, Member actor, String ideaId) {
    Idea idea = s.board.idea(ideaId);
    return idea != null && actor.id.equals(idea.authorId) ? idea : null;
  }

  private static Verdict noIdea() {
    return Verdict.refuse(NOT_FOUND, "There is no such idea.");
  }

  private static Verdict notWriting() {
    return Verdict.refuse(INVALID_PHASE, "Ideas can only be written while the board is open for writing.");
  }

  private static Verdict notVoting() {
    return Verdict.refuse(INVALID_PHASE, "Voting isn't open.");
  }
}

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
      for (Member m : s.members.values()) m.clearVotes();
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

  /** Refusal when the facilitator names a member with a device: their ideas are theirs alone to write. */
  static final String OWN_IDEAS = "Members with a device write their own ideas.";
  /** As {@link #OWN_IDEAS}, for votes. */
  static final String OWN_VOTES = "Members with a device place their own votes.";

  /**
   * {@code author} writes an idea; {@code sender} is who sent it: the author, or the facilitator
   * writing for a room member, recorded so that only they see it as that member's.
   */
  static Verdict post(Session s, Member author, Member sender, Command.PostIdea c, Context ctx) {
    if (s.board.phase != BoardPhase.WRITING) return notWriting();
    Verdict bad = Checks.text(c.text(), "An idea", ctx.limits());
    if (bad != null) return bad;
    if (s.board.ideas.size() >= ctx.limits().maxIdeas()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "The board is full.");
    }
    if (BoardRounds.ideasOf(s, author) >= ctx.limits().maxIdeasPerMember()) {
      return Verdict.refuse(LIMIT_EXCEEDED, (author == sender ? "You have " : author.name + " has ")
          + ctx.limits().maxIdeasPerMember() + " ideas on this board, as many as one person may.");
    }
    Idea idea = new Idea(Ids.next(ctx.random()), c.text().strip(), author.id);
    idea.enteredBy = placedBy(author, sender);
    s.board.ideas.add(idea);
    return Verdict.CHANGED;
  }

  static Verdict edit(Session s, Member author, Member sender, Command.EditIdea c, Context ctx) {
    if (s.board.phase != BoardPhase.WRITING) return notWriting();
    Idea idea = own(s, author, sender, c.ideaId());
    if (idea == null) return noIdea();
    Verdict bad = Checks.text(c.text(), "An idea", ctx.limits());
    if (bad != null) return bad;
    if (c.text().strip().equals(idea.text)) return Verdict.UNCHANGED;
    idea.text = c.text().strip();
    return Verdict.CHANGED;
  }

  static Verdict delete(Session s, Member author, Member sender, Command.DeleteIdea c) {
    if (s.board.phase != BoardPhase.WRITING) return notWriting();
    Idea idea = own(s, author, sender, c.ideaId());
    if (idea == null) return noIdea();
    s.board.ideas.remove(idea);
    for (Member m : s.members.values()) m.dropVotesOn(idea.id);
    return Verdict.CHANGED;
  }

  /** {@code voter} places a dot; {@code sender} as for {@link #post}. */
  static Verdict vote(Session s, Member voter, Member sender, Command.Vote c) {
    if (s.board.phase != BoardPhase.VOTING) return notVoting();
    if (s.board.idea(c.ideaId()) == null) return noIdea();
    if (s.votesLeft(voter) == 0) {
      return Verdict.refuse(LIMIT_EXCEEDED, voter == sender ? "You have no votes left." : voter.name + " has no votes left.");
    }
    voter.addVote(c.ideaId(), placedBy(voter, sender));
    return Verdict.CHANGED;
  }

  /** Takes back one dot; for a room member only one the same facilitator placed. */
  static Verdict unvote(Session s, Member voter, Member sender, Command.Unvote c) {
    if (s.board.phase != BoardPhase.VOTING) return notVoting();
    if (s.board.idea(c.ideaId()) == null || !voter.removeVote(c.ideaId(), placedBy(voter, sender))) {
      return Verdict.refuse(NOT_FOUND, voter == sender ? "You have no vote on that idea."
          : "You placed no vote on that idea for " + voter.name + ".");
    }
    return Verdict.CHANGED;
  }

  /**
   * Puts an idea in a group, or takes it out (blank). A label another idea already has, compared
   * trimmed and case-insensitively, joins that group under the spelling it already has: the first
   * label given wins, so "1:1s" and "1:1S " are one group, shown as it was first written.
   */
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
    if (group != null) group = BoardGroups.spelling(s.board, idea, group);
    if (Objects.equals(group, idea.group)) return Verdict.UNCHANGED;
    idea.group = group;
    return Verdict.CHANGED;
  }

  /** The facilitator who acts for a room member, or null when the member acts for themself. */
  private static String placedBy(Member author, Member sender) {
    return author == sender ? null : sender.id;
  }

  /** The author's idea as {@code sender} may change it: their own, or one they wrote for a room member. */
  private static Idea own(Session s, Member author, Member sender, String ideaId) {
    Idea idea = s.board.idea(ideaId);
    return idea != null && author.id.equals(idea.authorId)
        && Objects.equals(idea.enteredBy, placedBy(author, sender)) ? idea : null;
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

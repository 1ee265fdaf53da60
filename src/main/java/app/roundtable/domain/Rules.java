package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.FORBIDDEN;
import static app.roundtable.domain.Refusal.Reason.NOT_JOINED;
import static app.roundtable.domain.Refusal.Reason.SESSION_ENDED;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Member.AppliedCommand;

/**
 * The rules of a session: {@code (state, action, context) -> outcome}. Pure: no I/O, no clock, no
 * Vert.x; time, randomness and limits come in through {@link Context}. The given session is never
 * modified; an accepted change comes back as a new session at version + 1 with {@code updatedAt = now}.
 *
 * <p>Checks common to all commands live here, in this order: a repeated request id (acknowledged
 * with the version it produced), an ended session, a sender who isn't a member, a non-facilitator
 * sending a facilitator command. {@link RuleBook} names the rule of each command; each concept's
 * own rules are in its own class.
 */
public final class Rules {
  /** How many applied request ids each member remembers; a retry comes within seconds, not 32 commands. */
  public static final int RECENT_COMMANDS = 32;

  private Rules() {}

  public static Outcome apply(Session session, Action action, Context ctx) {
    Command c = action.command();
    Member sender = session.member(senderId(action));
    if (action.requestId() != null && sender != null) {
      for (AppliedCommand done : sender.recentCommands) {
        if (done.id().equals(action.requestId())) return new Outcome.Duplicate(done.version());
      }
    }
    // Presence must stay true after the end too, or the record would show people online forever;
    // and an ended session still learns of its follow-up, so that its pages lead there.
    boolean afterEnd = c instanceof Disconnect || c instanceof DisplayLeave || c instanceof NodeGone
        || c instanceof SeriesCommand;
    if (session.isEnded() && !afterEnd) return refuse(SESSION_ENDED, "This session has ended.");
    if (c instanceof MemberCommand) {
      if (sender == null) return refuse(NOT_JOINED, "Join the session first.");
      if (c instanceof FacilitatorCommand && !sender.facilitator) {
        return refuse(FORBIDDEN, "Only the facilitator can do that.");
      }
    }

    Session next = session.copy();
    Verdict verdict = RuleBook.decide(next, action.actorId(), c, ctx);
    if (verdict.refused()) return new Outcome.Refused(verdict.refusal());
    if (!verdict.changed()) return new Outcome.Unchanged();

    next.version = session.version + 1;
    next.updatedAt = ctx.now();
    // Who facilitated follows from the state after any change (a join with the key, a hand-off,
    // the first item starting), so it is noted here once rather than in each of those rules.
    Rota.record(next);
    remember(next, action, next.version);
    return new Outcome.Applied(next);
  }

  /** The member a request id belongs to: the actor, and for a join without one, the joiner. */
  private static String senderId(Action action) {
    if (action.actorId() == null && action.command() instanceof Join j) return j.memberId();
    return action.actorId();
  }

  /** Records the request id on the sender, keeping the last few. */
  private static void remember(Session s, Action action, long version) {
    if (action.requestId() == null) return;
    String id = senderId(action);
    Member m = id == null ? null : s.members.get(id);
    if (m == null) return;
    m.recentCommands.add(new AppliedCommand(action.requestId(), version));
    while (m.recentCommands.size() > RECENT_COMMANDS) m.recentCommands.remove(0);
  }

  private static Outcome refuse(Refusal.Reason reason, String message) {
    return new Outcome.Refused(Refusal.of(reason, message));
  }
}

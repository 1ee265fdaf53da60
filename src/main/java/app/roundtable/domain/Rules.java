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
 * sending a facilitator command. Each concept's own rules are in its own class.
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
    // Presence must stay true after the end too, or the record would show people online forever.
    boolean presenceOnly = c instanceof Disconnect || c instanceof DisplayLeave || c instanceof NodeGone;
    if (session.isEnded() && !presenceOnly) return refused(SESSION_ENDED, "This session has ended.");
    if (c instanceof MemberCommand) {
      if (sender == null) return refused(NOT_JOINED, "Join the session first.");
      if (c instanceof FacilitatorCommand && !sender.facilitator) {
        return refused(FORBIDDEN, "Only the facilitator can do that.");
      }
    }

    Session next = session.copy();
    Verdict verdict = dispatch(next, action.actorId(), c, ctx);
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

  private static Verdict dispatch(Session s, String actorId, Command c, Context ctx) {
    // Java 17 has no pattern switch without preview features; this chain is the switch.
    if (c instanceof ConnectionCommand) return connection(s, actorId, c, ctx);
    Member me = s.member(actorId);
    if (c instanceof Leave) return MembershipRules.leave(s, me, ctx);
    if (c instanceof Rename x) return MembershipRules.rename(s, me, x, ctx);
    if (c instanceof RaiseHand x) return ActingFor.anyMember(s, me, x.memberId(), m -> QueueRules.raiseHand(s, m, ctx));
    if (c instanceof LowerHand x) return ActingFor.anyMember(s, me, x.memberId(), m -> QueueRules.lowerHand(s, m, ctx));
    if (c instanceof DoneSpeaking x) {
      return ActingFor.anyMember(s, me, x.memberId(), m -> QueueRules.doneSpeaking(s, m, ctx));
    }
    if (c instanceof PostIdea x) return BoardRules.post(s, me, x, ctx);
    if (c instanceof EditIdea x) return BoardRules.edit(s, me, x, ctx);
    if (c instanceof DeleteIdea x) return BoardRules.delete(s, me, x);
    if (c instanceof Vote x) return BoardRules.vote(s, me, x);
    if (c instanceof Unvote x) return BoardRules.unvote(s, me, x);
    if (c instanceof AddCommitment x) {
      return ActingFor.roomMember(s, me, x.memberId(), m -> CommitmentRules.add(s, m, x, ctx));
    }
    if (c instanceof EditCommitment x) return CommitmentRules.edit(s, me, x, ctx);
    if (c instanceof RemoveCommitment x) return CommitmentRules.remove(s, me, x);
    if (c instanceof SetCommitmentStatus x) return CommitmentRules.setStatus(s, me, x, ctx);
    return facilitator(s, me, (FacilitatorCommand) c, ctx);
  }

  private static Verdict connection(Session s, String actorId, Command c, Context ctx) {
    if (c instanceof Join x) return MembershipRules.join(s, x, ctx);
    if (c instanceof Connect x) return PresenceRules.connect(s, actorId, x);
    if (c instanceof Disconnect x) return PresenceRules.disconnect(s, actorId, x);
    if (c instanceof DisplayJoin x) return PresenceRules.displayJoin(s, x, ctx);
    if (c instanceof DisplayLeave x) return PresenceRules.displayLeave(s, x);
    if (c instanceof NodeGone x) return PresenceRules.nodeGone(s, x);
    throw new IllegalStateException("unhandled connection command " + c.getClass().getSimpleName());
  }

  private static Verdict facilitator(Session s, Member me, FacilitatorCommand c, Context ctx) {
    if (c instanceof NextSpeaker) return QueueRules.nextSpeaker(s, ctx);
    // The moderation amendment's name for the same act: the turn ends, the queue picks who is next.
    if (c instanceof EndTurn) return QueueRules.nextSpeaker(s, ctx);
    if (c instanceof AddRoomMember x) return MembershipRules.addRoomMember(s, x, ctx);
    if (c instanceof SetFairnessVisible x) return SessionRules.setFairnessVisible(s, x);
    if (c instanceof StartRound) return QueueRules.startRound(s, ctx);
    if (c instanceof SetQueuePolicy x) return QueueRules.setPolicy(s, x);
    if (c instanceof SetTurnLimit x) return QueueRules.setTurnLimit(s, x, ctx);
    if (c instanceof StartTimer x) return TimerRules.start(s, x, ctx);
    if (c instanceof PauseTimer) return TimerRules.pause(s, ctx);
    if (c instanceof ResumeTimer) return TimerRules.resume(s, ctx);
    if (c instanceof AddTime x) return TimerRules.addTime(s, x, ctx);
    if (c instanceof ResetTimer) return TimerRules.reset(s);
    if (c instanceof AddAgendaItem x) return AgendaRules.add(s, x, ctx);
    if (c instanceof UpdateAgendaItem x) return AgendaRules.update(s, x, ctx);
    if (c instanceof RemoveAgendaItem x) return AgendaRules.remove(s, x);
    if (c instanceof MoveAgendaItem x) return AgendaRules.move(s, x);
    if (c instanceof StartAgendaItem x) return AgendaRules.start(s, x, ctx);
    if (c instanceof NextAgendaItem) return AgendaRules.next(s, ctx);
    if (c instanceof SetBoardPhase x) return BoardRules.setPhase(s, x, ctx);
    if (c instanceof ClearBoard) return BoardRules.clear(s, ctx);
    if (c instanceof SetBoardPrompt x) return BoardRules.setPrompt(s, x, ctx);
    if (c instanceof SetVotesPerMember x) return BoardRules.setVotesPerMember(s, x, ctx);
    if (c instanceof GroupIdea x) return BoardRules.group(s, x, ctx);
    if (c instanceof SetGroundRules x) return SessionRules.setGroundRules(s, x, ctx);
    if (c instanceof HandOff x) return MembershipRules.handOff(s, me, x);
    if (c instanceof RemoveMember x) return MembershipRules.remove(s, me, x, ctx);
    if (c instanceof EndSession) return SessionRules.end(s, ctx);
    throw new IllegalStateException("unhandled command " + c.getClass().getSimpleName());
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

  private static Outcome refused(Refusal.Reason reason, String message) {
    return new Outcome.Refused(Refusal.of(reason, message));
  }
}

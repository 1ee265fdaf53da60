package app.roundtable.domain;

import app.roundtable.domain.Command.*;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which rule decides each command: one line per command record. {@link Rules} looks the command's
 * class up here after the checks common to all commands; a record without a line is caught by
 * {@code RuleBookTest}, which walks every permitted subclass of {@link Command}, so a missing rule
 * fails the build rather than reaching a client as {@code internal}.
 */
final class RuleBook {
  /** A rule that needs the acting member (never null: {@link Rules} refuses non-members first). */
  @FunctionalInterface
  interface MemberRule<C extends Command> {
    Verdict apply(Session s, Member me, C command, Context ctx);
  }

  /** A rule of the connection lifecycle: the actor may be unknown, removed, or nobody (a display). */
  @FunctionalInterface
  interface ConnectionRule<C extends Command> {
    Verdict apply(Session s, String actorId, C command, Context ctx);
  }

  private static final Map<Class<?>, ConnectionRule<Command>> RULES = new HashMap<>();

  static {
    // Connection lifecycle, issued by the server edge.
    connection(Join.class, (s, id, c, ctx) -> MembershipRules.join(s, c, ctx));
    connection(Connect.class, (s, id, c, ctx) -> PresenceRules.connect(s, id, c));
    connection(Disconnect.class, (s, id, c, ctx) -> PresenceRules.disconnect(s, id, c));
    connection(DisplayJoin.class, (s, id, c, ctx) -> PresenceRules.displayJoin(s, c, ctx));
    connection(DisplayLeave.class, (s, id, c, ctx) -> PresenceRules.displayLeave(s, c));
    connection(NodeGone.class, (s, id, c, ctx) -> PresenceRules.nodeGone(s, c));

    // Any member.
    member(Leave.class, (s, me, c, ctx) -> MembershipRules.leave(s, me, ctx));
    member(Rename.class, MembershipRules::rename);
    member(RaiseHand.class, (s, me, c, ctx) ->
        ActingFor.anyMember(s, me, c.memberId(), m -> QueueRules.raiseHand(s, m, ctx)));
    member(LowerHand.class, (s, me, c, ctx) ->
        ActingFor.anyMember(s, me, c.memberId(), m -> QueueRules.lowerHand(s, m, ctx)));
    member(DoneSpeaking.class, (s, me, c, ctx) ->
        ActingFor.anyMember(s, me, c.memberId(), m -> QueueRules.doneSpeaking(s, m, ctx)));
    // The board: for oneself, or the facilitator for a room member (v1.2), as with commitments.
    member(PostIdea.class, (s, me, c, ctx) ->
        ActingFor.roomMember(s, me, c.memberId(), BoardRules.OWN_IDEAS, m -> BoardRules.post(s, m, me, c, ctx)));
    member(EditIdea.class, (s, me, c, ctx) ->
        ActingFor.roomMember(s, me, c.memberId(), BoardRules.OWN_IDEAS, m -> BoardRules.edit(s, m, me, c, ctx)));
    member(DeleteIdea.class, (s, me, c, ctx) ->
        ActingFor.roomMember(s, me, c.memberId(), BoardRules.OWN_IDEAS, m -> BoardRules.delete(s, m, me, c)));
    member(Vote.class, (s, me, c, ctx) ->
        ActingFor.roomMember(s, me, c.memberId(), BoardRules.OWN_VOTES, m -> BoardRules.vote(s, m, me, c)));
    member(Unvote.class, (s, me, c, ctx) ->
        ActingFor.roomMember(s, me, c.memberId(), BoardRules.OWN_VOTES, m -> BoardRules.unvote(s, m, me, c)));
    member(AddCommitment.class, (s, me, c, ctx) ->
        ActingFor.roomMember(s, me, c.memberId(), m -> CommitmentRules.add(s, m, c, ctx)));
    member(EditCommitment.class, CommitmentRules::edit);
    member(RemoveCommitment.class, (s, me, c, ctx) -> CommitmentRules.remove(s, me, c));
    member(SetCommitmentStatus.class, CommitmentRules::setStatus);
    member(AddPracticeNote.class, PracticeRules::add);
    member(EditPracticeNote.class, PracticeRules::edit);
    member(RemovePracticeNote.class, (s, me, c, ctx) -> PracticeRules.remove(s, me, c));

    // Facilitator (Rules has refused everyone else already).
    member(NextSpeaker.class, (s, me, c, ctx) -> QueueRules.nextSpeaker(s, c.speakerId(), ctx));
    // The moderation amendment's name for the same act: the turn ends, the queue picks who is next.
    member(EndTurn.class, (s, me, c, ctx) -> QueueRules.nextSpeaker(s, c.speakerId(), ctx));
    member(AddRoomMember.class, (s, me, c, ctx) -> MembershipRules.addRoomMember(s, c, ctx));
    member(SetFairnessVisible.class, (s, me, c, ctx) -> SessionRules.setFairnessVisible(s, c));
    member(StartRound.class, (s, me, c, ctx) -> QueueRules.startRound(s, ctx));
    member(SetQueuePolicy.class, (s, me, c, ctx) -> QueueRules.setPolicy(s, c));
    member(SetTurnLimit.class, (s, me, c, ctx) -> QueueRules.setTurnLimit(s, c, ctx));
    member(StartTimer.class, (s, me, c, ctx) -> TimerRules.start(s, c, ctx));
    member(PauseTimer.class, (s, me, c, ctx) -> TimerRules.pause(s, ctx));
    member(ResumeTimer.class, (s, me, c, ctx) -> TimerRules.resume(s, ctx));
    member(AddTime.class, (s, me, c, ctx) -> TimerRules.addTime(s, c, ctx));
    member(ResetTimer.class, (s, me, c, ctx) -> TimerRules.reset(s));
    member(AddAgendaItem.class, (s, me, c, ctx) -> AgendaRules.add(s, c, ctx));
    member(UpdateAgendaItem.class, (s, me, c, ctx) -> AgendaRules.update(s, c, ctx));
    member(RemoveAgendaItem.class, (s, me, c, ctx) -> AgendaRules.remove(s, c));
    member(MoveAgendaItem.class, (s, me, c, ctx) -> AgendaRules.move(s, c));
    member(StartAgendaItem.class, (s, me, c, ctx) -> AgendaRules.start(s, c, ctx));
    member(NextAgendaItem.class, (s, me, c, ctx) -> AgendaRules.next(s, ctx));
    member(SetBoardPhase.class, (s, me, c, ctx) -> BoardRules.setPhase(s, c, ctx));
    member(ClearBoard.class, (s, me, c, ctx) -> BoardRules.clear(s, ctx));
    member(SetBoardPrompt.class, (s, me, c, ctx) -> BoardRules.setPrompt(s, c, ctx));
    member(SetVotesPerMember.class, (s, me, c, ctx) -> BoardRules.setVotesPerMember(s, c, ctx));
    member(GroupIdea.class, (s, me, c, ctx) -> BoardRules.group(s, c, ctx));
    member(SetGroundRules.class, (s, me, c, ctx) -> SessionRules.setGroundRules(s, c, ctx));
    member(HandOff.class, (s, me, c, ctx) -> MembershipRules.handOff(s, me, c));
    member(RemoveMember.class, MembershipRules::remove);
    member(RemoveDisplay.class, (s, me, c, ctx) -> PresenceRules.removeDisplay(s, c));
    member(LockRoom.class, (s, me, c, ctx) -> SessionRules.lock(s, c));
    member(EndSession.class, (s, me, c, ctx) -> SessionRules.end(s, ctx));
    member(DeleteSession.class, (s, me, c, ctx) -> SessionRules.mayDelete());

    // Facilitator requests: Rules checked the role, which is all a summary needs; the edge answers.
    member(GetSummary.class, (s, me, c, ctx) -> Verdict.UNCHANGED);
    member(CreateFollowUp.class, (s, me, c, ctx) -> FollowUpRules.mayCreate(s, c, ctx));
    member(SetSchedule.class, (s, me, c, ctx) -> FollowUpRules.setSchedule(s, c, ctx));

    // The series, issued by the edge.
    connection(LinkFollowUp.class, (s, id, c, ctx) -> FollowUpRules.link(s, c));
    connection(FollowUpMoved.class, (s, id, c, ctx) -> FollowUpRules.moved(s, c));
  }

  private RuleBook() {}

  static Verdict decide(Session s, String actorId, Command c, Context ctx) {
    ConnectionRule<Command> rule = RULES.get(c.getClass());
    if (rule == null) throw new IllegalStateException("no rule for " + c.getClass().getSimpleName());
    return rule.apply(s, actorId, c, ctx);
  }

  /** The command records that have a rule (for the test that every record has one). */
  static Set<Class<?>> covered() {
    return Set.copyOf(RULES.keySet());
  }

  @SuppressWarnings("unchecked")
  private static <C extends Command> void connection(Class<C> type, ConnectionRule<C> rule) {
    if (RULES.put(type, (ConnectionRule<Command>) rule) != null) {
      throw new IllegalStateException("two rules for " + type.getSimpleName());
    }
  }

  @SuppressWarnings("unchecked")
  private static <C extends MemberCommand> void member(Class<C> type, MemberRule<C> rule) {
    connection(type, (s, actorId, c, ctx) -> rule.apply(s, s.member(actorId), (C) c, ctx));
  }
}

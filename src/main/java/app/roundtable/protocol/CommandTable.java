package app.roundtable.protocol;

import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command;
import app.roundtable.domain.Command.*;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.ItemKind;
import app.roundtable.domain.QueuePolicy;
import app.roundtable.domain.SummaryFormat;
import java.util.List;

/**
 * Every session command a client may send, one row each: its wire name, its record and how its
 * fields are read. The decoder, the metrics' labels and the web client's parity test all read this
 * table; who may send a command follows from its record's role interface ({@link Row#sender()}).
 * {@code join}, {@code ping} and {@code sync} are not session commands and live in {@link Wire}.
 *
 * <p>Adding a command: its record in {@link Command}, a row here, a rule in the domain's
 * {@code RuleBook}. {@code CommandTableTest} fails when a record has no row.
 */
public final class CommandTable {
  private CommandTable() {}

  /** Who may send a command; anyone else is refused before any rule runs. */
  public enum Sender { MEMBER, FACILITATOR }

  /** Reads one command's fields from a frame; every failure is a refusal naming the field. */
  @FunctionalInterface
  interface Parser<C extends Command> {
    C parse(FrameFields f);
  }

  public record Row<C extends Command>(String wireName, Class<C> type, Parser<C> parser) {
    public Sender sender() {
      return FacilitatorCommand.class.isAssignableFrom(type) ? Sender.FACILITATOR : Sender.MEMBER;
    }
  }

  public static final List<Row<?>> ROWS = List.of(
      row("leave", Leave.class, f -> new Leave()),
      row("rename", Rename.class, f -> new Rename(f.name("name"))),
      row("raiseHand", RaiseHand.class, f -> new RaiseHand(f.optionalRef("memberId"))),
      row("lowerHand", LowerHand.class, f -> new LowerHand(f.optionalRef("memberId"))),
      row("doneSpeaking", DoneSpeaking.class, f -> new DoneSpeaking(f.optionalRef("memberId"))),
      row("postIdea", PostIdea.class, f -> new PostIdea(f.text("text"), f.optionalRef("memberId"))),
      row("editIdea", EditIdea.class, f -> new EditIdea(
          f.ref("ideaId"),
          f.text("text"),
          f.optionalRef("memberId"))),
      row("deleteIdea", DeleteIdea.class, f -> new DeleteIdea(f.ref("ideaId"), f.optionalRef("memberId"))),
      row("vote", Vote.class, f -> new Vote(f.ref("ideaId"), f.optionalRef("memberId"))),
      row("unvote", Unvote.class, f -> new Unvote(f.ref("ideaId"), f.optionalRef("memberId"))),
      row("addCommitment", AddCommitment.class, f -> new AddCommitment(
          f.text("text"),
          f.optionalRef("memberId"))),
      row("editCommitment", EditCommitment.class, f -> new EditCommitment(
          f.ref("commitmentId"),
          f.text("text"))),
      row("removeCommitment", RemoveCommitment.class, f -> new RemoveCommitment(f.ref("commitmentId"))),
      row("setCommitmentStatus", SetCommitmentStatus.class, f -> new SetCommitmentStatus(
          f.ref("commitmentId"),
          f.enumValue("status", CommitmentStatus.class),
          f.optionalText("note", true))),
      row("addPracticeNote", AddPracticeNote.class, f -> new AddPracticeNote(
          f.ref("commitmentId"),
          f.practiceNote("text", false),
          f.bool("shared"))),
      row("editPracticeNote", EditPracticeNote.class, f -> new EditPracticeNote(
          f.ref("noteId"),
          f.practiceNote("text", true),
          f.optionalBool("shared"))),
      row("removePracticeNote", RemovePracticeNote.class, f -> new RemovePracticeNote(f.ref("noteId"))),
      row("nextSpeaker", NextSpeaker.class, f -> new NextSpeaker(f.optionalRef("speakerId"))),
      row("endTurn", EndTurn.class, f -> new EndTurn(f.optionalRef("speakerId"))),
      row("addRoomMember", AddRoomMember.class, f -> new AddRoomMember(f.name("name"))),
      row("setFairnessVisible", SetFairnessVisible.class, f -> new SetFairnessVisible(f.bool("visible"))),
      row("startRound", StartRound.class, f -> new StartRound()),
      row("setQueuePolicy", SetQueuePolicy.class, f -> new SetQueuePolicy(
          f.enumValue("policy", QueuePolicy.class))),
      row("setTurnLimit", SetTurnLimit.class, f -> new SetTurnLimit(f.integer("seconds"))),
      row("startTimer", StartTimer.class, f -> new StartTimer(f.integer("seconds"))),
      row("pauseTimer", PauseTimer.class, f -> new PauseTimer()),
      row("resumeTimer", ResumeTimer.class, f -> new ResumeTimer()),
      row("addTime", AddTime.class, f -> new AddTime(f.integer("seconds"))),
      row("resetTimer", ResetTimer.class, f -> new ResetTimer()),
      row("addAgendaItem", AddAgendaItem.class, f -> new AddAgendaItem(
          f.text("title"),
          f.integer("minutes"),
          f.optionalEnum("kind", ItemKind.class),
          f.optionalInteger("position"),
          f.optionalText("prompt", true))),
      row("updateAgendaItem", UpdateAgendaItem.class, f -> new UpdateAgendaItem(
          f.ref("itemId"),
          f.optionalText("title", false),
          f.optionalInteger("minutes"),
          f.optionalEnum("kind", ItemKind.class),
          f.optionalText("prompt", true))),
      row("removeAgendaItem", RemoveAgendaItem.class, f -> new RemoveAgendaItem(f.ref("itemId"))),
      row("moveAgendaItem", MoveAgendaItem.class, f -> new MoveAgendaItem(
          f.ref("itemId"),
          f.integer("position"))),
      row("startAgendaItem", StartAgendaItem.class, f -> new StartAgendaItem(f.ref("itemId"))),
      row("nextAgendaItem", NextAgendaItem.class, f -> new NextAgendaItem()),
      row("setBoardPhase", SetBoardPhase.class, f -> new SetBoardPhase(
          f.enumValue("phase", BoardPhase.class))),
      row("clearBoard", ClearBoard.class, f -> new ClearBoard()),
      row("setBoardPrompt", SetBoardPrompt.class, f -> new SetBoardPrompt(f.textMayBeBlank("prompt"))),
      row("setVotesPerMember", SetVotesPerMember.class, f -> new SetVotesPerMember(f.integer("votes"))),
      row("groupIdea", GroupIdea.class, f -> new GroupIdea(f.ref("ideaId"), f.optionalGroup("group"))),
      row("setGroundRules", SetGroundRules.class, f -> new SetGroundRules(f.textList("rules"))),
      row("handOff", HandOff.class, f -> new HandOff(f.ref("memberId"))),
      row("removeMember", RemoveMember.class, f -> new RemoveMember(f.ref("memberId"))),
      // Issue 21: the room protects itself (a display removed, the room locked to new joins).
      row("removeDisplay", RemoveDisplay.class, f -> new RemoveDisplay(f.ref("displayId"))),
      row("lockRoom", LockRoom.class, f -> new LockRoom(f.bool("locked"))),
      row("endSession", EndSession.class, f -> new EndSession()),
      row("deleteSession", DeleteSession.class, f -> new DeleteSession()),
      // v1.2: requests answered to the asker alone (Command.Request), and the schedule.
      row("getSummary", GetSummary.class, f -> new GetSummary(f.optionalEnum("format", SummaryFormat.class))),
      row("createFollowUp", CreateFollowUp.class, f -> new CreateFollowUp(
          f.optionalText("title", false),
          f.optionalTime("at"),
          f.optionalInteger("minutes"))),
      row("setSchedule", SetSchedule.class, f -> new SetSchedule(f.time("at"), f.integer("minutes"))));

  /**
   * Commands that no meter counts, not even by type: how often someone writes in their practice
   * log, and when, is theirs (PROTOCOL.md v1.2: nothing about practice notes in logs or metrics).
   */
  public static final java.util.Set<String> UNCOUNTED =
      java.util.Set.of("addPracticeNote", "editPracticeNote", "removePracticeNote");

  /**
   * The label a command type is counted under in metrics: its wire name, except that a vote and
   * taking one back are one label. A scraper watching a small session's counters must not see who
   * changed their mind, nor how the votes moved.
   */
  public static String meterLabel(String wireName) {
    return "vote".equals(wireName) || "unvote".equals(wireName) ? "vote_or_unvote" : wireName;
  }

  private static <C extends MemberCommand> Row<C> row(String wireName, Class<C> type, Parser<C> parser) {
    return new Row<>(wireName, type, parser);
  }
}

package app.roundtable.domain;

import java.util.List;

/**
 * Everything that can change a session, as data. The protocol edge builds these from validated
 * frames (text lengths and field types are already checked there); {@link Rules} decides whether
 * each one is allowed in the current state. Wire names live only in the protocol package.
 */
public sealed interface Command {

  /** Commands a display may not send and only a member may. All wire commands but ping/sync are these. */
  sealed interface MemberCommand extends Command {}

  /** Facilitator-only commands: anyone else gets {@link Refusal.Reason#FORBIDDEN}. */
  sealed interface FacilitatorCommand extends MemberCommand {}

  /** Connection lifecycle, issued by the server edge itself, never decoded from a client frame. */
  sealed interface ConnectionCommand extends Command {}

  /**
   * A member asks for something only they receive (the session's record, a new follow-up's key).
   * The rule checks that they may and changes nothing; the server edge then does the work and
   * answers the asking connection with a message of its own instead of an ack. One table still
   * holds them (a row each in the protocol's command table, a rule each in {@link RuleBook}), so
   * the decoder, the role checks and the metrics treat them like every other command.
   */
  sealed interface Request extends MemberCommand {}

  /**
   * News about the session's series, issued by the server edge (its follow-up was created, or
   * moved), never decoded from a client frame. These apply to an ended session too: its pages keep
   * leading the group to its next meeting.
   */
  sealed interface SeriesCommand extends Command {}

  // --- connection lifecycle -------------------------------------------------------------------

  /**
   * A new member. {@code keyHash} non-null means the joiner claims the facilitator key.
   * {@code seriesHash} is the joiner's identity within the session's series (see
   * {@link Member#seriesHash}), or null for a client that brought none.
   */
  record Join(String memberId, String name, String keyHash, String resumeHash, String nodeId,
      String seriesHash) implements ConnectionCommand {
    public Join(String memberId, String name, String keyHash, String resumeHash, String nodeId) {
      this(memberId, name, keyHash, resumeHash, nodeId, null);
    }
  }

  /** A known member (the action's actor) opened a connection on a node: resume. */
  record Connect(String nodeId) implements ConnectionCommand {}

  /** One of the actor's connections on a node closed without {@code leave}: offline if it was the last. */
  record Disconnect(String nodeId) implements ConnectionCommand {}

  /**
   * A projector connection, {@code displayId} minted by the edge. {@code keyHash} non-null: the
   * display was opened with the facilitator key (in the facilitator's browser), which lets it into
   * a locked room.
   */
  record DisplayJoin(String nodeId, String displayId, String keyHash) implements ConnectionCommand {}

  /** The display's socket closed (or it was removed already, and then nothing changes). */
  record DisplayLeave(String nodeId, String displayId) implements ConnectionCommand {}

  /** A node died: forget every connection it held. */
  record NodeGone(String nodeId) implements ConnectionCommand {}

  // --- any member -----------------------------------------------------------------------------

  record Leave() implements MemberCommand {}

  record Rename(String name) implements MemberCommand {}

  /** {@code memberId} null (or the sender's own) raises the sender's hand; another's is the facilitator's to raise. */
  record RaiseHand(String memberId) implements MemberCommand {
    public RaiseHand() {
      this(null);
    }
  }

  /** {@code memberId} as for {@link RaiseHand}: the facilitator may lower any hand. */
  record LowerHand(String memberId) implements MemberCommand {
    public LowerHand() {
      this(null);
    }
  }

  /** {@code memberId} as for {@link RaiseHand}: the facilitator may end anyone's turn. */
  record DoneSpeaking(String memberId) implements MemberCommand {
    public DoneSpeaking() {
      this(null);
    }
  }

  /**
   * {@code memberId} null (or the sender's own): the sender's idea; a room member's: the facilitator
   * writes it for them, as on a paper note, and so knows it (PROTOCOL.md v1.2, see {@link ActingFor}).
   */
  record PostIdea(String text, String memberId) implements MemberCommand {
    public PostIdea(String text) {
      this(text, null);
    }
  }

  /** {@code memberId} as for {@link PostIdea}: a room member's idea the same facilitator wrote. */
  record EditIdea(String ideaId, String text, String memberId) implements MemberCommand {
    public EditIdea(String ideaId, String text) {
      this(ideaId, text, null);
    }
  }

  /** {@code memberId} as for {@link EditIdea}. */
  record DeleteIdea(String ideaId, String memberId) implements MemberCommand {
    public DeleteIdea(String ideaId) {
      this(ideaId, null);
    }
  }

  /** {@code memberId} as for {@link PostIdea}: the facilitator places a room member's dot. */
  record Vote(String ideaId, String memberId) implements MemberCommand {
    public Vote(String ideaId) {
      this(ideaId, null);
    }
  }

  /** {@code memberId} as for {@link Vote}: only a dot this facilitator placed for them. */
  record Unvote(String ideaId, String memberId) implements MemberCommand {
    public Unvote(String ideaId) {
      this(ideaId, null);
    }
  }

  /** {@code memberId} null (or the sender's own): the sender's; a room member's: the facilitator writes it for them. */
  record AddCommitment(String text, String memberId) implements MemberCommand {
    public AddCommitment(String text) {
      this(text, null);
    }
  }

  record EditCommitment(String commitmentId, String text) implements MemberCommand {}

  record RemoveCommitment(String commitmentId) implements MemberCommand {}

  /** {@code note} null leaves the note as it is. */
  record SetCommitmentStatus(String commitmentId, CommitmentStatus status, String note)
      implements MemberCommand {}

  /** A practice note on one of the sender's own earlier commitments (a follow-up's {@code previous}). */
  record AddPracticeNote(String commitmentId, String text, boolean shared) implements MemberCommand {}

  /** Null fields are left as they are. Own notes only, the facilitator included. */
  record EditPracticeNote(String noteId, String text, Boolean shared) implements MemberCommand {}

  record RemovePracticeNote(String noteId) implements MemberCommand {}

  // --- facilitator ----------------------------------------------------------------------------

  /**
   * {@code speakerId}: the speaker the facilitator saw when they tapped (null: whoever speaks). A
   * turn that has passed to someone else since then is left alone, so a tap meant for the last
   * speaker never cuts off the one who just got the floor.
   */
  record NextSpeaker(String speakerId) implements FacilitatorCommand {
    public NextSpeaker() {
      this(null);
    }
  }

  /** Moderation: ends the current turn; the queue's order decides who is next. {@code speakerId} as for {@link NextSpeaker}. */
  record EndTurn(String speakerId) implements FacilitatorCommand {
    public EndTurn() {
      this(null);
    }
  }

  /** Someone in the room without a device joins the session through the facilitator. */
  record AddRoomMember(String name) implements FacilitatorCommand {}

  /** Whether pages and the projector show the speaking record live. */
  record SetFairnessVisible(boolean visible) implements FacilitatorCommand {}

  record StartRound() implements FacilitatorCommand {}

  record SetQueuePolicy(QueuePolicy policy) implements FacilitatorCommand {}

  record SetTurnLimit(int seconds) implements FacilitatorCommand {}

  record StartTimer(int seconds) implements FacilitatorCommand {}

  record PauseTimer() implements FacilitatorCommand {}

  record ResumeTimer() implements FacilitatorCommand {}

  record AddTime(int seconds) implements FacilitatorCommand {}

  record ResetTimer() implements FacilitatorCommand {}

  /**
   * {@code kind} null means discussion; {@code position} null means at the end; {@code prompt} null
   * means none.
   */
  record AddAgendaItem(String title, int minutes, ItemKind kind, Integer position, String prompt)
      implements FacilitatorCommand {
    /** An item without a prompt, as a v1 client adds one. */
    public AddAgendaItem(String title, int minutes, ItemKind kind, Integer position) {
      this(title, minutes, kind, position, null);
    }
  }

  /** Null fields are left as they are; an empty {@code prompt} removes the prompt. */
  record UpdateAgendaItem(String itemId, String title, Integer minutes, ItemKind kind, String prompt)
      implements FacilitatorCommand {
    /** An update that leaves the prompt alone, as a v1 client sends one. */
    public UpdateAgendaItem(String itemId, String title, Integer minutes, ItemKind kind) {
      this(itemId, title, minutes, kind, null);
    }
  }

  record RemoveAgendaItem(String itemId) implements FacilitatorCommand {}

  record MoveAgendaItem(String itemId, int position) implements FacilitatorCommand {}

  record StartAgendaItem(String itemId) implements FacilitatorCommand {}

  record NextAgendaItem() implements FacilitatorCommand {}

  record SetBoardPhase(BoardPhase phase) implements FacilitatorCommand {}

  /** Closes the board and starts a new round of it: no ideas, no votes; a revealed round goes to the record. */
  record ClearBoard() implements FacilitatorCommand {}

  record SetBoardPrompt(String prompt) implements FacilitatorCommand {}

  record SetVotesPerMember(int votes) implements FacilitatorCommand {}

  /**
   * {@code group} empty or null removes the idea from its group. A label another idea already has
   * (trimmed, case-insensitive) joins that group under the spelling it already has.
   */
  record GroupIdea(String ideaId, String group) implements FacilitatorCommand {}

  record SetGroundRules(List<String> rules) implements FacilitatorCommand {}

  record HandOff(String memberId) implements FacilitatorCommand {}

  record RemoveMember(String memberId) implements FacilitatorCommand {}

  /** Closes that display's sockets and frees its slot (a display without the key does not get in while the room is locked). */
  record RemoveDisplay(String displayId) implements FacilitatorCommand {}

  /** Locked: nobody new joins by the link (names or displays); resumes and the key holder still do. */
  record LockRoom(boolean locked) implements FacilitatorCommand {}

  record EndSession() implements FacilitatorCommand {}

  /**
   * Deletes the session and everything of it, now. The rules only check who may: the session is
   * not changed but removed, by the store ({@code SessionStore.delete}), once the rules allowed it.
   */
  record DeleteSession() implements FacilitatorCommand {}

  // --- facilitator requests and the series (PROTOCOL.md v1.2) ------------------------------------

  /** The session's record, as the HTTP summary gives the key holder; {@code format} null means JSON. */
  record GetSummary(SummaryFormat format) implements FacilitatorCommand, Request {}

  /**
   * The next session of this group, planned for {@code at} (null: not yet) lasting {@code minutes}
   * (null: the follow-up agenda's length); {@code title} null: the earlier title with "follow-up".
   */
  record CreateFollowUp(String title, Long at, Integer minutes) implements FacilitatorCommand, Request {}

  /** Plans or moves this session's meeting. */
  record SetSchedule(long at, int minutes) implements FacilitatorCommand {}

  /** The follow-up of this session was created: its pages now lead there. */
  record LinkFollowUp(String code, String joinUrl, String displayUrl, Long at) implements SeriesCommand {}

  /** The follow-up {@code code} of this session was planned anew for {@code at}. */
  record FollowUpMoved(String code, Long at) implements SeriesCommand {}
}

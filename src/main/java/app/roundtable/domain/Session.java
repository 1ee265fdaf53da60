package app.roundtable.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole state of one session, private parts included (idea authors, votes, token hashes).
 *
 * <p>Mutable so that {@link Rules} can work on a {@link #copy()} and hand the copy back only when a
 * command is accepted: a refused command never touches the original. Plain public fields and no-arg
 * constructors keep the store codec (Jackson, outside this package) free of annotations here.
 * Never sent to a client as is: the protocol package projects the public state and each member's view.
 */
public final class Session {
  public String code;
  public String title;
  /** What the session's own words are written in; null in sessions stored before it existed (English). */
  public Language language = Language.EN;
  public SessionStatus status = SessionStatus.OPEN;
  public long createdAt;
  /** Server time of the last accepted change; the store expires the session a set time after it. */
  public long updatedAt;
  /** Increases by exactly one per accepted change. */
  public long version;
  /** SHA-256 (hex) of the facilitator key; the key itself is only ever known to its holder. */
  public String facilitatorKeyHash;
  /**
   * Random id shared by a first session and all its follow-ups; it salts members' series
   * identities. Null in sessions stored before it existed: {@link #series()} falls back to the code.
   */
  public String seriesId;
  public List<String> groundRules = new ArrayList<>();
  /** Members in the order they joined; removed members stay here (flagged) so their tokens stay dead. */
  public LinkedHashMap<String, Member> members = new LinkedHashMap<>();
  /**
   * Display connections by display id, in the order they joined. (Sessions stored before displays
   * had ids kept a {@code displays} count per node; it is not read: those connections are counted
   * again when they reconnect.)
   */
  public LinkedHashMap<String, Display> connectedDisplays = new LinkedHashMap<>();
  /**
   * The facilitator closed the room: nobody new joins by the link, neither a name nor a display
   * (the key holder still does); members who are in it resume as before.
   */
  public boolean locked;
  public Agenda agenda = new Agenda();
  public Timer timer = new Timer();
  public SpeakingQueue queue = new SpeakingQueue();
  public Board board = new Board();
  public List<Commitment> commitments = new ArrayList<>();
  /** The earlier session's title and commitments, for a follow-up session; null otherwise. */
  public Previous previous;
  /** Counts raised hands so that equal raise times still order deterministically. */
  public long raiseSeq;
  /** Who facilitated this session and the earlier ones of its series (the rota). */
  public Facilitation facilitation = new Facilitation();
  /** Whether pages and the projector show the speaking record live; the summary always has it. */
  public boolean fairnessVisible = true;
  /** This session's follow-up once it was created (its pages lead there); null before. */
  public FollowUp followUp;
  /** When this session is planned to meet; null when nobody planned it ahead. */
  public Schedule scheduled;
  /** The code of the session this one follows up; null for a first session. */
  public String earlierCode;
  /**
   * Hashes of the facilitator keys of the earlier sessions of the series, newest first and at most
   * {@link #EARLIER_KEYS}: each opens this session as facilitator too (PROTOCOL.md v1.2).
   */
  public List<String> earlierKeyHashes = new ArrayList<>();

  /** How many earlier sessions' keys a follow-up still accepts: a group's recent history, bounded. */
  public static final int EARLIER_KEYS = 8;

  public Session copy() {
    Session s = new Session();
    s.code = code;
    s.title = title;
    s.language = language;
    s.status = status;
    s.createdAt = createdAt;
    s.updatedAt = updatedAt;
    s.version = version;
    s.facilitatorKeyHash = facilitatorKeyHash;
    s.seriesId = seriesId;
    s.groundRules = new ArrayList<>(groundRules);
    for (Map.Entry<String, Member> e : members.entrySet()) s.members.put(e.getKey(), e.getValue().copy());
    s.connectedDisplays = new LinkedHashMap<>(connectedDisplays);
    s.locked = locked;
    s.agenda = agenda.copy();
    s.timer = timer.copy();
    s.queue = queue.copy();
    s.board = board.copy();
    for (Commitment c : commitments) s.commitments.add(c.copy());
    s.previous = previous == null ? null : previous.copy();
    s.raiseSeq = raiseSeq;
    s.facilitation = facilitation.copy();
    s.fairnessVisible = fairnessVisible;
    s.followUp = followUp; // a value: shared, never changed in place
    s.scheduled = scheduled == null ? null : scheduled.copy();
    s.earlierCode = earlierCode;
    s.earlierKeyHashes = new ArrayList<>(earlierKeyHashes);
    return s;
  }

  /** The series this session belongs to, for salting member identities. */
  public String series() {
    return seriesId != null ? seriesId : code;
  }

  /** Whether a key with this hash opens the session as facilitator: its own, or an earlier session's. */
  public boolean opensAsFacilitator(String keyHash) {
    if (keyHash == null) return false;
    return keyHash.equals(facilitatorKeyHash) || earlierKeyHashes.contains(keyHash);
  }

  /** The member who joined with the key of this hash and was not removed, or null. */
  public Member keyHolder(String keyHash) {
    if (keyHash == null) return null;
    for (Member m : members.values()) if (!m.removed && keyHash.equals(m.keyHash)) return m;
    return null;
  }

  public Member member(String id) {
    Member m = id == null ? null : members.get(id);
    return m == null || m.removed ? null : m;
  }

  public int displayCount() {
    return connectedDisplays.size();
  }

  /**
   * Total dot votes per idea, in board order: the one place totals are counted (the public state,
   * the summary and the rules' tests all read these). Removed members' votes count too: dropping
   * theirs would hint at what they voted for.
   */
  public int[] voteTotals() {
    List<Idea> ideas = board.ideas;
    int[] totals = new int[ideas.size()];
    for (Member m : members.values()) {
      if (m.votes.isEmpty()) continue;
      for (int k = 0; k < ideas.size(); k++) totals[k] += m.votes.getOrDefault(ideas.get(k).id, 0);
    }
    return totals;
  }

  /** Total dot votes on one idea (0 for an unknown idea); see {@link #voteTotals}. */
  public int votes(String ideaId) {
    int k = board.ideas.indexOf(board.idea(ideaId));
    return k < 0 ? 0 : voteTotals()[k];
  }

  /**
   * How many members have placed at least one dot in this round: the public {@code board.voted}, a
   * count and never who. Removed members who voted still count, as their dots do in the totals:
   * a count that dropped when someone was removed would tell whether they had voted.
   */
  public int voted() {
    int n = 0;
    for (Member m : members.values()) if (!m.votes.isEmpty()) n++;
    return n;
  }

  /** Votes the member may still cast; never negative, even if the allowance was lowered after voting. */
  public int votesLeft(Member m) {
    return Math.max(0, board.votesPerMember - m.votesCast());
  }

  public boolean isEnded() {
    return status == SessionStatus.ENDED;
  }
}

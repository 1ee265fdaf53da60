package app.roundtable.protocol;

import app.roundtable.domain.Action;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command;
import app.roundtable.domain.Command.*;
import app.roundtable.domain.Context;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A session's board driven by a script of steps through the real rules, recording what observers
 * get: the public state of every version (as the server writes it) and every member's private view.
 * Steps pick their idea by index among what the actor could know, so a script stays meaningful
 * whatever the ids turn out to be, and the same script can be replayed with two members' roles
 * swapped: {@code authors} relabels who posts, edits and deletes; {@code voters} who votes.
 *
 * <p>One member, {@link #ROOM}, is in the room without a device: the facilitator posts and votes
 * for them (PROTOCOL.md v1.2), so swapping them with a member who has a device checks that what the
 * facilitator enters for someone is as anonymous as what anyone enters for themself.
 */
final class BoardScript {
  enum Kind { POST, EDIT, DELETE, VOTE, UNVOTE, PHASE, CLEAR, RENAME, JOIN, LEAVE, CONNECT, GROUP, VOTES }

  record Step(Kind kind, int who, int arg) {}

  /** Ids no random idea id can contain ('-' and '0' are outside the id alphabet). */
  static final String FAC = "fac-0";
  static final String A = "member-0";
  static final String B = "member-1";
  /** Stands for the room member in scripts and swaps; their real id is random. */
  static final String ROOM = "room-0";
  static final int FIRST_MEMBERS = 4;
  static final int MAX_MEMBERS = 7;
  static final List<String> TEXTS = List.of("ask first", "walk and talk", "shadow a peer", "no-meeting day",
      "praise in public", "write it down");

  /**
   * One version as observers got it: the public frame and each member's private view; and how many
   * members had a dot on the board by the script's own count, for {@code board.voted}.
   */
  record Version(String publicFrame, List<String> privateViews, int voters) {}

  static final UnaryOperator<String> SAME = UnaryOperator.identity();
  static final UnaryOperator<String> SWAP_A_B = id -> A.equals(id) ? B : B.equals(id) ? A : id;
  static final UnaryOperator<String> SWAP_A_ROOM = id -> A.equals(id) ? ROOM : ROOM.equals(id) ? A : id;

  private final Random random;
  private final UnaryOperator<String> authors;
  private final UnaryOperator<String> voters;
  private final List<String> members = new ArrayList<>();
  private final List<Version> versions = new ArrayList<>();
  private Session session;
  private String roomId;
  /** Dots each member has on the board, kept by the script from what was applied. */
  private final java.util.Map<String, Integer> dots = new java.util.HashMap<>();
  private long now = 1_700_000_000_000L;

  private BoardScript(long seed, UnaryOperator<String> authors, UnaryOperator<String> voters) {
    this.random = new Random(seed);
    this.authors = authors;
    this.voters = voters;
  }

  static List<Version> replay(List<Step> steps, long seed, UnaryOperator<String> authors, UnaryOperator<String> voters) {
    BoardScript s = new BoardScript(seed, authors, voters);
    s.session = Sessions.create("code", "Title", Template.BLANK, "key", s.now, s.random);
    s.apply(null, new Join(FAC, "Fay", "key", "r", "node1"));
    s.members.add(FAC);
    for (int i = 0; i < FIRST_MEMBERS; i++) s.join();
    Set<String> before = Set.copyOf(s.session.members.keySet());
    s.apply(FAC, new AddRoomMember("In the room"));
    for (String id : s.session.members.keySet()) if (!before.contains(id)) s.roomId = id;
    s.members.add(ROOM);
    s.apply(FAC, new SetBoardPhase(BoardPhase.WRITING));
    for (Step step : steps) s.step(step);
    return s.versions;
  }

  static List<String> publicFrames(List<Version> versions) {
    return versions.stream().map(Version::publicFrame).toList();
  }

  private void join() {
    String id = "member-" + (members.size() - 1);
    if (apply(null, new Join(id, "Name " + members.size(), null, "r", "node1"))) members.add(id);
  }

  private void step(Step st) {
    String actor = members.get(st.who() % members.size());
    String text = TEXTS.get(st.arg() % TEXTS.size());
    switch (st.kind()) {
      case POST -> onBoard(authors.apply(actor), m -> new PostIdea(text, m));
      case EDIT -> onBoard(authors.apply(actor), m -> new EditIdea(ownIdea(authors.apply(actor), st.arg()), text + " (edited)", m));
      case DELETE -> onBoard(authors.apply(actor), m -> new DeleteIdea(ownIdea(authors.apply(actor), st.arg()), m));
      case VOTE -> onBoard(voters.apply(actor), m -> new Vote(boardIdea(st.arg()), m));
      case UNVOTE -> onBoard(voters.apply(actor), m -> new Unvote(boardIdea(st.arg()), m));
      case PHASE -> apply(FAC, new SetBoardPhase(phase(st.arg())));
      case CLEAR -> {
        // Mostly once a round is over, as a facilitator would; sometimes mid-round.
        if (session.board.phase == BoardPhase.RESULTS || st.arg() >= 85) apply(FAC, new ClearBoard());
      }
      case RENAME -> apply(actor, new Rename("Name " + st.arg() % 5));
      case JOIN -> {
        if (members.size() < MAX_MEMBERS) join();
      }
      case LEAVE -> apply(actor, new Leave());
      case CONNECT -> apply(actor, new Connect("node1"));
      case GROUP -> apply(FAC, new GroupIdea(boardIdea(st.arg()), "group " + st.arg() % 3));
      case VOTES -> apply(FAC, new SetVotesPerMember(1 + st.arg() % 4));
    }
  }

  /** A board command for {@code who}: their own, or the facilitator's for the room member. */
  private boolean onBoard(String who, java.util.function.Function<String, Command> command) {
    return ROOM.equals(who) ? apply(FAC, command.apply(roomId)) : apply(who, command.apply(null));
  }

  /** Mostly the natural next phase, so scripts get through whole rounds; otherwise any phase. */
  private BoardPhase phase(int arg) {
    BoardPhase[] all = BoardPhase.values();
    if (arg >= 85) return all[arg % all.length];
    return all[(session.board.phase.ordinal() + 1) % all.length];
  }

  /** The author's own idea number {@code k}, as their private view lists them; a stale id if none. */
  private String ownIdea(String author, int k) {
    if (ROOM.equals(author)) author = roomId;
    List<String> mine = new ArrayList<>();
    for (Idea i : session.board.ideas) if (author.equals(i.authorId)) mine.add(i.id);
    return mine.isEmpty() ? "gone-0" : mine.get(k % mine.size());
  }

  /** Idea number {@code k} in board order (the public order once revealed); a stale id if none. */
  private String boardIdea(int k) {
    List<Idea> ideas = session.board.ideas;
    return ideas.isEmpty() ? "gone-0" : ideas.get(k % ideas.size()).id;
  }

  /** The script's own count of dots per member, from the commands that were applied. */
  private void countDots(String actor, Command c) {
    if (c instanceof Vote v) dots.merge(who(v.memberId(), actor), 1, Integer::sum);
    if (c instanceof Unvote u) dots.merge(who(u.memberId(), actor), -1, Integer::sum);
    if (c instanceof ClearBoard || c instanceof SetBoardPhase p && !p.phase().ideasVisible()) dots.clear();
  }

  /** The member a board command is for, in the script's labels. */
  private String who(String memberId, String actor) {
    return memberId == null ? actor : memberId.equals(roomId) ? ROOM : memberId;
  }

  private boolean apply(String actor, Command c) {
    now += 1000;
    Outcome out = Rules.apply(session, Action.of(actor, c), new Context(now, random, Limits.DEFAULTS));
    if (!(out instanceof Outcome.Applied applied)) return false;
    session = applied.session();
    List<String> views = new ArrayList<>();
    for (String m : members) views.add(YouView.json(session, m));
    if (c instanceof Join j) views.add(YouView.json(session, j.memberId()));
    countDots(actor, c);
    int voters = 0;
    for (int n : dots.values()) if (n > 0) voters++;
    versions.add(new Version(Frames.state(session), views, voters));
    return true;
  }
}

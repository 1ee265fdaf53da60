package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.roundtable.domain.Action;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command;
import app.roundtable.domain.Context;
import app.roundtable.domain.Idea;
import app.roundtable.domain.ItemKind;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.testsupport.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The outbound views as every client sees them, against golden files (see {@link Golden} for how
 * to regenerate them): the public state, one member's private view, the summary, and the public
 * board of a board whose authors are known, phase by phase (the anonymity golden).
 */
class GoldenViewsTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final List<String> TEXTS = List.of("Ask before advising", "Walk the floor", "Weekly one-to-ones", "Write it down");

  @Test
  void publicStateAtResults() {
    Meeting m = Meeting.throughResults(List.of("m-ana", "m-ana", "m-ben", "m-fac"));
    Golden.assertMatches("state-results.json", Frames.state(m.session));
  }

  @Test
  void privateViewOfAMemberWhoPostedAndVoted() {
    Meeting m = Meeting.throughResults(List.of("m-ana", "m-ana", "m-ben", "m-fac"));
    Golden.assertMatches("you-ana.json", YouView.json(m.session, "m-ana"));
    Golden.assertMatches("you-ben.json", YouView.json(m.session, "m-ben"));
  }

  @Test
  void summaryOfTheSession() {
    Meeting m = Meeting.throughResults(List.of("m-ana", "m-ana", "m-ben", "m-fac"));
    m.ok("m-ana", new Command.AddCommitment("Ask one question before advising, every one-to-one"));
    Golden.assertMatches("summary.json", SummaryView.json(m.session, T0 + 3_600_000));
  }

  /**
   * The public board at every phase, for a board whose authors are known. The same texts posted in
   * the same order by other people must give the very same public frames: nothing public depends on
   * who wrote what.
   */
  @Test
  void publicBoardDoesNotDependOnWhoWroteWhat() {
    List<String> known = List.of("m-ana", "m-ana", "m-ben", "m-fac");
    List<String> boards = Meeting.publicBoards(known);
    Golden.assertMatches("anonymity-board.json", "[" + String.join(",", boards) + "]");
    assertEquals(boards, Meeting.publicBoards(List.of("m-fac", "m-ben", "m-ana", "m-ana")), "authors moved the public board");
    assertEquals(boards, Meeting.publicBoards(List.of("m-ben", "m-ben", "m-ben", "m-ben")), "authors moved the public board");
    for (String board : boards) assertFalse(board.contains("m-"), "a member id in the public board: " + board);
  }

  /** A blank session run through the board with a fixed clock and seed, so every id is reproducible. */
  private static final class Meeting {
    Session session = Sessions.create("golden1234abcd", "Leading without authority", Template.BLANK, "key-hash", T0, new Random(1));
    final Random random = new Random(7);
    long now = T0;

    static Meeting throughResults(List<String> authors) {
      Meeting m = new Meeting();
      m.toVoting(authors);
      // Two duplicates grouped (v1.2): the results rank the group by its ideas' summed votes.
      m.ok("m-fac", new Command.GroupIdea(m.idea(TEXTS.get(2)), "Habits"));
      m.ok("m-fac", new Command.GroupIdea(m.idea(TEXTS.get(3)), " habits "));
      m.ok("m-fac", new Command.SetBoardPhase(BoardPhase.RESULTS));
      return m;
    }

    static List<String> publicBoards(List<String> authors) {
      Meeting m = new Meeting();
      List<String> boards = new ArrayList<>();
      m.toWriting(authors, boards);
      for (BoardPhase p : List.of(BoardPhase.REVEALED, BoardPhase.VOTING, BoardPhase.RESULTS)) {
        if (p == BoardPhase.RESULTS) m.votes();
        m.ok("m-fac", new Command.SetBoardPhase(p));
        boards.add(m.publicBoard());
      }
      return boards;
    }

    void toVoting(List<String> authors) {
      toWriting(authors, new ArrayList<>());
      ok("m-fac", new Command.SetBoardPhase(BoardPhase.REVEALED));
      ok("m-fac", new Command.SetBoardPhase(BoardPhase.VOTING));
      votes();
    }

    private void toWriting(List<String> authors, List<String> boards) {
      ok(null, new Command.Join("m-fac", "Fae", "key-hash", "resume-fac", "node1"));
      ok(null, new Command.Join("m-ana", "Ana", null, "resume-ana", "node1"));
      ok(null, new Command.Join("m-ben", "Ben", null, "resume-ben", "node1"));
      ok("m-fac", new Command.AddAgendaItem("Idea board: approaches to try", 20, ItemKind.BOARD, null));
      ok("m-fac", new Command.StartAgendaItem(session.agenda.items.get(0).id));
      ok("m-ana", new Command.RaiseHand());
      ok("m-ben", new Command.RaiseHand());
      ok("m-fac", new Command.SetBoardPrompt("What could we try before the next session?"));
      // Starting a board item opens the board (v1.1); the explicit phase is for a board run by hand.
      if (session.board.phase != BoardPhase.WRITING) ok("m-fac", new Command.SetBoardPhase(BoardPhase.WRITING));
      boards.add(publicBoard());
      for (int i = 0; i < TEXTS.size(); i++) {
        ok(authors.get(i), new Command.PostIdea(TEXTS.get(i)));
        boards.add(publicBoard());
      }
    }

    /** Ana puts two votes on the first idea by text, Ben one each on two others. */
    private void votes() {
      ok("m-ana", new Command.Vote(idea(TEXTS.get(0))));
      ok("m-ana", new Command.Vote(idea(TEXTS.get(0))));
      ok("m-ben", new Command.Vote(idea(TEXTS.get(2))));
      ok("m-ben", new Command.Vote(idea(TEXTS.get(3))));
    }

    private String idea(String text) {
      for (Idea i : session.board.ideas) if (i.text.equals(text)) return i.id;
      throw new AssertionError("no idea " + text);
    }

    private String publicBoard() {
      return Golden.text(Golden.parse(Frames.state(session)).get("state").get("board"));
    }

    void ok(String actor, Command c) {
      now += 1000;
      Outcome out = Rules.apply(session, new Action(actor, null, c), new Context(now, random, Limits.DEFAULTS));
      session = assertInstanceOf(Outcome.Applied.class, out, () -> c + " not applied: " + out).session();
    }
  }
}

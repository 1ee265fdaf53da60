package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The record keeps every finished board round, ranked, and never an author. */
class SummaryViewTest {

  private static Drive twoRounds() {
    Drive d = new Drive()
        .ok(null, new Join("fac-0", "Fay", "key", "r", "n"))
        .ok(null, new Join("member-0", "Ana", null, "r", "n"))
        .ok("fac-0", new SetBoardPrompt("What could we try?"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.WRITING))
        .ok("member-0", new PostIdea("ask first"))
        .ok("fac-0", new PostIdea("walk and talk"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.VOTING));
    d.ok("member-0", new Vote(d.idOf("walk and talk"))).ok("fac-0", new Vote(d.idOf("walk and talk")))
        .ok("fac-0", new SetBoardPhase(BoardPhase.RESULTS))
        .ok("fac-0", new ClearBoard())
        .ok("fac-0", new SetBoardPrompt("What did we learn?"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.WRITING))
        .ok("member-0", new PostIdea("write it down"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.REVEALED));
    return d;
  }

  @Test
  void jsonKeepsFinishedRoundsWithTheirTotals() throws Exception {
    Drive d = twoRounds();
    JsonNode board = new ObjectMapper().readTree(SummaryView.json(d.session, d.now)).get("board");
    assertEquals("What did we learn?", board.get("prompt").asText());
    assertEquals("write it down", board.get("ideas").get(0).get("text").asText());
    assertFalse(board.get("ideas").get(0).has("votes"), "the current round has no results yet");
    JsonNode round = board.get("rounds").get(0);
    assertEquals(1, board.get("rounds").size());
    assertEquals("What could we try?", round.get("prompt").asText());
    assertEquals("walk and talk", round.get("ideas").get(0).get("text").asText());
    assertEquals(2, round.get("ideas").get(0).get("votes").asInt());
    assertEquals(0, round.get("ideas").get(1).get("votes").asInt());
    String all = board.toString();
    assertFalse(all.contains("member-0") || all.contains("fac-0"), "no author in the record");
  }

  @Test
  void markdownListsEveryRound() {
    Drive d = twoRounds();
    String md = SummaryView.markdown(d.session, d.now);
    int first = md.indexOf("### Round 1");
    int second = md.indexOf("### Round 2 (current)");
    assertTrue(first > 0 && second > first, md);
    assertTrue(md.indexOf("walk and talk — 2 votes") > first && md.indexOf("walk and talk — 2 votes") < second, md);
    assertTrue(md.indexOf("ask first — 0 votes") > first, md);
    assertTrue(md.indexOf("write it down") > second, md);
  }

  @Test
  void withoutFinishedRoundsTheBoardReadsAsBefore() {
    Drive d = new Drive().ok(null, new Join("fac-0", "Fay", "key", "r", "n"));
    String md = SummaryView.markdown(d.session, d.now);
    assertTrue(md.contains("## Idea board\n\nNo revealed ideas.\n"), md);
    assertFalse(md.contains("### Round"));
  }

  @Test
  void bareLinksInMembersTextAreNotLiveInTheMarkdown() {
    Drive d = new Drive()
        .ok(null, new Join("fac-0", "Fay", "key", "r", "n"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.WRITING))
        .ok("fac-0", new PostIdea("see https://evil.example/login?next=1 or www.evil.example, mail ana@evil.example"))
        .ok("fac-0", new PostIdea("ftp://files.example mailto:bo@evil.example ratio 3:1 at 10:30"))
        .ok("fac-0", new AddCommitment("Read http://evil.example/(x)", null))
        .ok("fac-0", new SetBoardPhase(BoardPhase.REVEALED));
    String md = SummaryView.markdown(d.session, d.now);
    for (String link : new String[] {"https://evil.example/login?next=1", "www.evil.example,", "ana@evil.example",
        "ftp://files.example", "mailto:bo@evil.example", "http://evil.example/(x)"}) {
      assertTrue(md.contains("`" + link + "`"), () -> link + " not in a code span: " + md);
    }
    String outsideCode = md.replaceAll("`[^`]*`", "");
    assertFalse(outsideCode.matches("(?s).*(://|www\\.|@evil).*"), () -> "a live link: " + outsideCode);
    assertTrue(md.contains("ratio 3:1 at 10:30"), "ordinary colons stay as they are");
  }
}

package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command.*;
import app.roundtable.domain.Language;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import java.util.List;
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

  /** Three 1:1s ideas grouped, splitting 3 votes; a lone idea with 2 beats each but not the group. */
  private static Drive grouped(Language language) {
    Drive d = new Drive();
    d.session = Sessions.create("code", "Führung & Team", Template.FIRST, language, "key", d.now, d.random);
    d.ok(null, new Join("fac-0", "Fay", "key", "r", "n"))
        .ok(null, new Join("member-0", "Ana", null, "r", "n"))
        .ok("fac-0", new StartAgendaItem(d.session.agenda.items.get(0).id))
        .ok("fac-0", new SetBoardPhase(BoardPhase.WRITING));
    for (String t : List.of("weekly 1:1s", "1:1s every week", "one-on-ones", "walk and talk")) d.ok("member-0", new PostIdea(t));
    d.ok("fac-0", new SetBoardPhase(BoardPhase.VOTING))
        .ok("fac-0", new GroupIdea(d.idOf("weekly 1:1s"), "1:1s"))
        .ok("fac-0", new GroupIdea(d.idOf("1:1s every week"), "1:1S"))
        .ok("fac-0", new GroupIdea(d.idOf("one-on-ones"), "1:1s"))
        .ok("member-0", new Vote(d.idOf("walk and talk"))).ok("fac-0", new Vote(d.idOf("walk and talk")))
        .ok("member-0", new Vote(d.idOf("weekly 1:1s"))).ok("member-0", new Vote(d.idOf("1:1s every week")))
        .ok("fac-0", new Vote(d.idOf("one-on-ones")))
        .ok("fac-0", new SetBoardPhase(BoardPhase.RESULTS));
    return d;
  }

  @Test
  void groupsAreRankedByTheirSummedVotesWithTheirIdeasInside() throws Exception {
    Drive d = grouped(Language.EN);
    String md = SummaryView.markdown(d.session, d.now);
    int group = md.indexOf("1. **1:1s** (group) — 3 votes\n");
    int lone = md.indexOf("2. walk and talk — 2 votes\n");
    assertTrue(group > 0 && lone > group, md);
    assertTrue(md.indexOf("   - weekly 1:1s — 1 vote\n") > group && md.indexOf("   - one-on-ones — 1 vote\n") < lone, md);
    JsonNode groups = new ObjectMapper().readTree(SummaryView.json(d.session, d.now)).get("board").get("groups");
    assertEquals(1, groups.size());
    assertEquals("1:1s", groups.get(0).get("label").asText());
    assertEquals(3, groups.get(0).get("votes").asInt());
  }

  @Test
  void aGermanRecordHasGermanHeadingsAndTheDayItWasHeld() {
    Drive d = grouped(Language.DE);
    String md = SummaryView.markdown(d.session, d.now, Language.DE);
    for (String heading : List.of("## Agenda", "## Redebilanz", "## Moderation", "## Ideenwand", "## Vorhaben",
        "| Punkt | Geplant | Tatsächlich | Status |", "Datum: 14. November 2023", "1. **1:1s** (Gruppe) — 3 Stimmen")) {
      assertTrue(md.contains(heading), heading + " in\n" + md);
    }
    // The template's own words are German too; the members' words are as they wrote them.
    assertTrue(md.contains("| Begrüßung und Gesprächsregeln | 5 Min. |"), md);
    assertTrue(md.startsWith("# Führung & Team\n"), md);
    // The reader's language wins over the session's for the headings.
    String es = SummaryView.markdown(d.session, d.now, Language.ES);
    assertTrue(es.contains("## Muro de ideas") && es.contains("Fecha: 14 de noviembre de 2023"), es);
    assertTrue(SummaryView.markdown(d.session, d.now, Language.EN).contains("Date: 14 November 2023"));
  }

  @Test
  void theChartIsItsOwnDownloadNotABlobInTheRecord() {
    Drive d = grouped(Language.DE);
    String md = SummaryView.markdown(d.session, d.now);
    assertFalse(md.contains("data:image") || md.contains("base64") || md.contains("!["), md);
    String svg = SpeakingChart.svg(d.session, Language.DE);
    assertTrue(svg.contains("<title id=\"t\">Redebilanz: Redezeit und Beiträge pro Person</title>"), svg);
  }

  @Test
  void theDateIsTheDayOfTheFirstItemInTheReadersZone() throws Exception {
    Drive d = grouped(Language.EN);
    long started = d.session.agenda.items.get(0).startedAt;
    assertEquals(started, SummaryView.heldAt(d.session));
    JsonNode json = new ObjectMapper().readTree(SummaryView.json(d.session, d.now, java.time.ZoneId.of("Pacific/Kiritimati")));
    assertEquals("2023-11-15", json.get("date").asText(), "14 Nov 22:13 UTC is the 15th at UTC+14");
    assertEquals("en", json.get("language").asText());
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

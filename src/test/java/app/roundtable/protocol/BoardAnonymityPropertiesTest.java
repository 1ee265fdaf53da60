package app.roundtable.protocol;

import static app.roundtable.protocol.BoardScript.SAME;
import static app.roundtable.protocol.BoardScript.SWAP_A_B;
import static app.roundtable.protocol.BoardScript.SWAP_A_ROOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Action;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command.Join;
import app.roundtable.domain.Command.PostIdea;
import app.roundtable.domain.Command.SetBoardPhase;
import app.roundtable.domain.Context;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.protocol.BoardScript.Kind;
import app.roundtable.protocol.BoardScript.Step;
import app.roundtable.protocol.BoardScript.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import app.roundtable.testsupport.Scripts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Model-based check of the board's anonymity: any script of member and facilitator commands, and
 * what observers get (the public state of every version) never links an idea or a vote to a
 * person beyond what the results themselves show.
 *
 * <p>What is checkable, and checked:
 * <ul>
 *   <li>Shape: ideas carry only id, text, group and (in results only) votes; nothing in the board
 *       is a member id; hidden phases show no idea. {@code voted} is the number of members with a
 *       dot (by the script's own count), and {@code groups} (results only) hold exactly the
 *       grouped ideas, each group summing its ideas' votes, most first.
 *   <li>Fresh ids: every reveal shows only ids nobody has seen before, in any frame or private view,
 *       so an idea posted after an earlier reveal can't be picked out by its id.
 *   <li>Results are final: a round shows one set of totals, so no single vote can be isolated by
 *       going back to voting and comparing totals.
 *   <li>Exchangeability: replaying the same script with the same randomness but two members'
 *       authorship (or votes) swapped gives byte-identical public frames. So for any two people,
 *       "A wrote x and B wrote y" and "B wrote x and A wrote y" look the same to everyone else:
 *       the frames are identically distributed, which is what anonymity means here. The same holds
 *       between a member with a device and a room member whose ideas and dots the facilitator
 *       enters (v1.2).
 *   <li>Order: over many seeds, where the first-posted (or last-posted) idea lands after a reveal
 *       is spread out, not tied to posting order.
 * </ul>
 */
class BoardAnonymityPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
        Tuple.of(14, Arbitraries.just(Kind.POST)), Tuple.of(3, Arbitraries.just(Kind.EDIT)),
        Tuple.of(2, Arbitraries.just(Kind.DELETE)), Tuple.of(10, Arbitraries.just(Kind.VOTE)),
        Tuple.of(3, Arbitraries.just(Kind.UNVOTE)), Tuple.of(6, Arbitraries.just(Kind.PHASE)),
        Tuple.of(3, Arbitraries.just(Kind.CLEAR)), Tuple.of(1, Arbitraries.just(Kind.RENAME)),
        Tuple.of(1, Arbitraries.just(Kind.JOIN)), Tuple.of(1, Arbitraries.just(Kind.LEAVE)),
        Tuple.of(1, Arbitraries.just(Kind.CONNECT)), Tuple.of(2, Arbitraries.just(Kind.GROUP)),
        Tuple.of(1, Arbitraries.just(Kind.VOTES)));
    return Scripts.of(kinds, Step::new, 40, 150);
  }

  @Property(tries = 200)
  void publicFramesNeverLinkAnIdeaOrAVoteToAPerson(@ForAll("scripts") List<Step> script, @ForAll long seed) {
    List<Version> run = BoardScript.replay(script, seed, SAME, SAME);
    for (Version v : run) checkShape(v.publicFrame(), v.voters());
    int reveals = checkFreshIdsOnEveryReveal(run);
    boolean votesShown = checkResultsAreFinal(run);
    // The scripts must reach what matters often enough, or the checks would pass vacuously. The
    // generator reaches about 57% and 35%; the floors sit some six standard deviations below.
    Statistics.label("a reveal of two or more ideas").collect(reveals > 0);
    Statistics.label("results with votes").collect(votesShown);
    Statistics.label("a reveal of two or more ideas").coverage(c -> c.check(true).percentage(p -> p > 35));
    Statistics.label("results with votes").coverage(c -> c.check(true).percentage(p -> p > 15));
    List<String> frames = BoardScript.publicFrames(run);
    assertSameFrames(frames, BoardScript.replay(script, seed, SWAP_A_B, SAME), "who wrote which ideas");
    assertSameFrames(frames, BoardScript.replay(script, seed, SAME, SWAP_A_B), "who cast which votes");
    assertSameFrames(frames, BoardScript.replay(script, seed, SWAP_A_ROOM, SAME), "a room member's ideas and someone's own");
    assertSameFrames(frames, BoardScript.replay(script, seed, SAME, SWAP_A_ROOM), "a room member's votes and someone's own");
  }

  /** Names the first version whose public frame differs, showing only the boards. */
  private static void assertSameFrames(List<String> expected, List<Version> swapped, String what) {
    List<String> actual = BoardScript.publicFrames(swapped);
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        throw new AssertionError("swapping " + what + " changed what observers see at frame " + i
            + ":\n  " + board(expected.get(i)) + "\n  " + board(actual.get(i)));
      }
    }
    assertEquals(expected.size(), actual.size(), "swapping " + what + " changed how many versions there were");
  }

  /** Where the first idea posted lands, and where an idea posted after a reveal lands at the next. */
  @Property(tries = 60)
  void revealOrderTellsNothingAboutPostingOrder(
      @ForAll @IntRange(min = 2, max = 12) int ideas, @ForAll @IntRange(min = 1, max = 3) int authors) {
    int seeds = 64;
    int firstShownFirst = 0;
    int lateShownLast = 0;
    for (int seed = 0; seed < seeds; seed++) {
      Random random = new Random(seed);
      long now = 1_700_000_000_000L;
      Session s = Sessions.create("code", "Title", Template.BLANK, "key", now, random);
      s = apply(s, null, new Join("fac-0", "Fay", "key", "r", "n"), random);
      for (int a = 0; a < authors; a++) s = apply(s, null, new Join("member-" + a, "M" + a, null, "r", "n"), random);
      s = apply(s, "fac-0", new SetBoardPhase(BoardPhase.WRITING), random);
      for (int i = 0; i < ideas; i++) s = apply(s, "member-" + i % authors, new PostIdea("idea " + i), random);
      s = apply(s, "fac-0", new SetBoardPhase(BoardPhase.REVEALED), random);
      if (texts(s).get(0).equals("idea 0")) firstShownFirst++;
      s = apply(s, "fac-0", new SetBoardPhase(BoardPhase.WRITING), random);
      s = apply(s, "member-0", new PostIdea("late"), random);
      s = apply(s, "fac-0", new SetBoardPhase(BoardPhase.REVEALED), random);
      if (texts(s).get(ideas).equals("late")) lateShownLast++;
    }
    // A fair shuffle puts a given idea in a given place 1/n of the time. Hoeffding: exceeding the
    // mean by 26 in 64 draws has probability below 1e-9, so this never fails by chance, while
    // posting order (64 of 64) always fails it.
    assertTrue(firstShownFirst <= seeds / (double) ideas + 26, "first posted shown first " + firstShownFirst + "/" + seeds);
    assertTrue(lateShownLast <= seeds / (double) (ideas + 1) + 26, "late idea shown last " + lateShownLast + "/" + seeds);
  }

  private static Session apply(Session s, String actor, app.roundtable.domain.Command c, Random random) {
    Outcome out = Rules.apply(s, Action.of(actor, c), new Context(s.updatedAt + 1000, random, Limits.DEFAULTS));
    assertTrue(out instanceof Outcome.Applied, () -> c + " was not applied: " + out);
    return ((Outcome.Applied) out).session();
  }

  private static List<String> texts(Session s) {
    return s.board.ideas.stream().map((Idea i) -> i.text).toList();
  }

  // --- checks on what observers got -------------------------------------------------------

  private static JsonNode board(String frame) {
    try {
      return JSON.readTree(frame).get("state").get("board");
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + frame, e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static boolean visible(String phase) {
    return phase.equals("revealed") || phase.equals("voting") || phase.equals("results");
  }

  private static void checkShape(String frame, int voters) {
    JsonNode board = board(frame);
    String phase = board.get("phase").asText();
    JsonNode ideas = board.get("ideas");
    if (!visible(phase)) assertEquals(0, ideas.size(), "ideas shown while " + phase);
    Map<String, Integer> grouped = new HashMap<>();
    for (JsonNode idea : ideas) {
      Set<String> keys = new HashSet<>();
      idea.fieldNames().forEachRemaining(keys::add);
      assertTrue(Set.of("id", "text", "group", "votes").containsAll(keys), "idea fields " + keys);
      assertEquals(phase.equals("results"), keys.contains("votes"), "votes shown while " + phase);
      if (idea.has("group")) grouped.put(idea.get("id").asText(), idea.path("votes").asInt());
    }
    assertTrue(board.get("voted").isInt(), "voted is a count");
    assertEquals(voters, board.get("voted").asInt(), "voted");
    assertEquals(phase.equals("results"), board.has("groups"), "groups shown while " + phase);
    if (board.has("groups")) checkGroups(board, grouped);
    String text = board.toString();
    assertFalse(text.contains(BoardScript.FAC) || text.contains("member-"), "a member id in the board: " + text);
  }

  /** Every grouped idea in exactly one group of its own label; sums right; most votes first. */
  private static void checkGroups(JsonNode board, Map<String, Integer> grouped) {
    Map<String, String> labels = new HashMap<>();
    for (JsonNode idea : board.get("ideas")) if (idea.has("group")) labels.put(idea.get("id").asText(), idea.get("group").asText());
    Set<String> listed = new HashSet<>();
    int previous = Integer.MAX_VALUE;
    for (JsonNode group : board.get("groups")) {
      Set<String> keys = new HashSet<>();
      group.fieldNames().forEachRemaining(keys::add);
      assertEquals(Set.of("label", "votes", "ideaIds"), keys, "group fields");
      int sum = 0;
      for (JsonNode id : group.get("ideaIds")) {
        assertTrue(listed.add(id.asText()), "an idea in two groups");
        assertEquals(group.get("label").asText().toLowerCase(), labels.get(id.asText()).toLowerCase(), "an idea in another's group");
        sum += grouped.get(id.asText());
      }
      assertEquals(sum, group.get("votes").asInt(), "a group's votes are its ideas' votes");
      assertTrue(sum <= previous, "groups ranked by votes");
      previous = sum;
    }
    assertEquals(grouped.keySet(), listed, "every grouped idea is in a group, and no other");
  }

  /**
   * Each reveal shows only ids never seen before by anyone, in public or in a private view.
   * Returns how many reveals showed two or more ideas.
   */
  private static int checkFreshIdsOnEveryReveal(List<Version> run) {
    int reveals = 0;
    Set<String> seen = new HashSet<>();
    String before = "closed";
    for (Version v : run) {
      JsonNode board = board(v.publicFrame());
      String phase = board.get("phase").asText();
      Set<String> shown = new HashSet<>();
      for (JsonNode idea : board.get("ideas")) shown.add(idea.get("id").asText());
      boolean reveal = visible(phase) && (!visible(before) || phase.equals("revealed") && !before.equals("revealed"));
      if (reveal) {
        if (shown.size() >= 2) reveals++;
        for (String id : shown) assertFalse(seen.contains(id), "a reveal showed an id seen before: " + id);
      }
      seen.addAll(shown);
      for (String view : v.privateViews()) {
        if (view == null) continue;
        JsonNode you = tree(view);
        for (JsonNode i : you.get("myIdeas")) seen.add(i.get("id").asText());
        you.get("myVotes").fieldNames().forEachRemaining(seen::add);
        for (JsonNode room : you.path("roomMembers")) {
          for (JsonNode i : room.get("myIdeas")) seen.add(i.get("id").asText());
          room.get("myVotes").fieldNames().forEachRemaining(seen::add);
        }
      }
      before = phase;
    }
    return reveals;
  }

  /**
   * Once a round's totals are shown, nothing but a cleared board follows: one set of totals per
   * round. Returns whether any results showed a vote.
   */
  private static boolean checkResultsAreFinal(List<Version> run) {
    boolean votes = false;
    Map<String, Integer> shown = null;
    for (Version v : run) {
      JsonNode board = board(v.publicFrame());
      String phase = board.get("phase").asText();
      Map<String, Integer> totals = new HashMap<>();
      for (Iterator<JsonNode> it = board.get("ideas").elements(); it.hasNext(); ) {
        JsonNode idea = it.next();
        if (idea.has("votes")) totals.put(idea.get("id").asText(), idea.get("votes").asInt());
      }
      if (shown != null) {
        if (phase.equals("closed") && board.get("ideaCount").asInt() == 0) {
          shown = null;
        } else {
          assertEquals("results", phase, "left results without clearing the board");
          assertEquals(shown, totals, "a round's totals changed after they were shown");
        }
      }
      if (phase.equals("results") && shown == null) shown = totals;
      votes |= totals.values().stream().anyMatch(n -> n > 0);
    }
    return votes;
  }
}

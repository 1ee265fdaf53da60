package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertServes;
import static app.roundtable.testsupport.Edge.assertUnchanged;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.domain.Limits;
import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands that are well formed but not allowed now, not allowed to this member, or over a limit:
 * each gets its documented error, changes nothing, and the socket stays.
 */
class PhaseAndOwnershipTest extends InMemoryNodeTest {
  /** Few ideas per board so that filling one is quick; everything else as the contract says. */
  static final int MAX_IDEAS = 6;

  String code;
  String key;
  WsClient fac;
  WsClient ana;
  WsClient ben;
  final List<WsClient> extra = new ArrayList<>();

  static Config nodeConfig() {
    Limits d = Limits.DEFAULTS;
    Limits limits = new Limits(d.maxMembers(), d.maxDisplays(), d.maxAgendaItems(), MAX_IDEAS,
        d.maxCommitmentsPerMember(), d.maxNameLength(), d.maxTextLength(), d.maxGroundRules(),
        d.maxGroupLength(), d.maxVotesPerMember(), d.maxItemMinutes(), d.maxTimerSeconds(),
        d.maxTurnLimitSec(), d.frameBytes(), d.commandsPerSecond());
    Config c = TestConfig.of(Map.of("VERTICLES", "2", "NODE_ID", "edge-node"));
    Config.Sessions s = c.sessions();
    return new Config(c.http(), c.node(), new Config.Sessions(s.ttlDays(), s.createToken(), limits, s.edge()), c.store());
  }

  @BeforeEach
  void session() {
    JsonObject created = http.createSession("Phases", "first");
    code = created.getString("code");
    fac = WsClient.connect(clients, node.port());
    key = created.getString("facilitatorKey");
    fac.joinWithKey(code, "Fay", key);
    ana = WsClient.connect(clients, node.port());
    ana.join(code, "Ana");
    ben = WsClient.connect(clients, node.port());
    ben.join(code, "Ben");
  }

  @AfterEach
  void close() {
    for (WsClient c : extra) c.close();
    extra.clear();
    fac.close();
    ana.close();
    ben.close();
  }

  @Test
  void boardCommandsOutOfPhaseAreInvalidPhase() {
    Snapshot before = snapshot(ana);
    assertEquals("invalid_phase", ana.refused("postIdea", "text", "too early").getString("code"));
    assertUnchanged(ana, before);

    fac.command("setBoardPhase", "phase", "writing");
    ana.command("postIdea", "text", "Swap notes weekly");
    String idea = myIdeas(ana).getJsonObject(0).getString("id");
    before = snapshot(ana);
    assertEquals("invalid_phase", ana.refused("vote", "ideaId", idea).getString("code"));
    assertEquals("invalid_phase", ana.refused("unvote", "ideaId", idea).getString("code"));
    assertEquals("invalid_phase", fac.refused("groupIdea", "ideaId", idea, "group", "Habits").getString("code"));
    assertUnchanged(ana, before);

    fac.command("setBoardPhase", "phase", "revealed");
    // The reveal gave the idea a fresh id; the author's private view follows it.
    assertEquals("not_found", fac.refused("groupIdea", "ideaId", idea, "group", "x").getString("code"));
    idea = myIdeas(ana).getJsonObject(0).getString("id");
    before = snapshot(ana);
    assertEquals("invalid_phase", ana.refused("postIdea", "text", "too late").getString("code"));
    assertEquals("invalid_phase", ana.refused("editIdea", "ideaId", idea, "text", "changed").getString("code"));
    assertEquals("invalid_phase", ana.refused("deleteIdea", "ideaId", idea).getString("code"));
    assertEquals("invalid_phase", ana.refused("vote", "ideaId", idea).getString("code"));
    assertUnchanged(ana, before);

    fac.command("setBoardPhase", "phase", "voting");
    before = snapshot(ana);
    assertEquals("invalid_phase", fac.refused("setVotesPerMember", "votes", 5).getString("code"));
    assertEquals("invalid_phase", ana.refused("postIdea", "text", "during the vote").getString("code"));
    assertUnchanged(ana, before);
    assertAlive(ana);
    assertAlive(fac);
    ana.command("vote", "ideaId", idea);
  }

  @Test
  void facilitatorCommandsFromAMemberAreForbidden() {
    fac.command("setBoardPhase", "phase", "writing");
    ana.command("postIdea", "text", "Shadow a colleague");
    String idea = myIdeas(ana).getJsonObject(0).getString("id");
    JsonArray items = snapshot(ben).state().getJsonObject("agenda").getJsonArray("items");
    String item = items.getJsonObject(1).getString("id");
    Snapshot before = snapshot(ben);
    Object[][] commands = {
        {"nextSpeaker"}, {"startRound"}, {"setQueuePolicy", "policy", "fifo"}, {"setTurnLimit", "seconds", 60},
        {"startTimer", "seconds", 60}, {"pauseTimer"}, {"resumeTimer"}, {"addTime", "seconds", 60}, {"resetTimer"},
        {"addAgendaItem", "title", "Mine", "minutes", 5}, {"updateAgendaItem", "itemId", item, "title", "Mine"},
        {"removeAgendaItem", "itemId", item}, {"moveAgendaItem", "itemId", item, "position", 0},
        {"startAgendaItem", "itemId", item}, {"nextAgendaItem"}, {"setBoardPhase", "phase", "revealed"},
        {"setBoardPrompt", "prompt", "Mine"}, {"setVotesPerMember", "votes", 3},
        {"groupIdea", "ideaId", idea, "group", "Mine"}, {"setGroundRules", "rules", new JsonArray().add("Mine")},
        {"handOff", "memberId", ben.memberId}, {"removeMember", "memberId", ana.memberId},
        {"removeMember", "memberId", fac.memberId}, {"endSession"},
    };
    for (Object[] c : commands) {
      JsonObject e = ben.refused((String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals("forbidden", e.getString("code"), (String) c[0]);
    }
    assertUnchanged(ben, before);
    assertAlive(ben);
    ben.command("raiseHand");
  }

  @Test
  void someoneElsesIdeaIsNotFoundAndStaysAsItWas() {
    fac.command("setBoardPhase", "phase", "writing");
    ana.command("postIdea", "text", "Keep a learning log");
    String idea = myIdeas(ana).getJsonObject(0).getString("id");
    Snapshot anaBefore = snapshot(ana);
    Snapshot benBefore = snapshot(ben);
    JsonObject edit = ben.refused("editIdea", "ideaId", idea, "text", "Hijacked");
    JsonObject delete = ben.refused("deleteIdea", "ideaId", idea);
    assertEquals("not_found", edit.getString("code"));
    assertEquals("not_found", delete.getString("code"));
    // Indistinguishable from an idea that doesn't exist: nothing confirms that someone wrote it.
    JsonObject missing = ben.refused("deleteIdea", "ideaId", "no-such-idea");
    assertEquals(missing.getString("code"), delete.getString("code"));
    assertEquals(missing.getString("message"), delete.getString("message"));
    assertEquals(missing.getString("message"), ben.refused("editIdea", "ideaId", "no-such-idea", "text", "x").getString("message"));
    assertUnchanged(ana, anaBefore);
    assertUnchanged(ben, benBefore);
    assertEquals("Keep a learning log", myIdeas(ana).getJsonObject(0).getString("text"));
    assertAlive(ben);
    // The author still can.
    ana.command("editIdea", "ideaId", idea, "text", "Keep a learning journal");
  }

  @Test
  void someoneElsesCommitmentIsForbiddenAndStaysAsItWas() {
    ana.command("addCommitment", "text", "Ask before advising");
    JsonObject mine = snapshot(ana).state().getJsonArray("commitments").getJsonObject(0);
    String id = mine.getString("id");
    Snapshot before = snapshot(ben);
    assertEquals("forbidden", ben.refused("editCommitment", "commitmentId", id, "text", "Hijacked").getString("code"));
    assertEquals("forbidden", ben.refused("removeCommitment", "commitmentId", id).getString("code"));
    assertEquals("forbidden", ben.refused("setCommitmentStatus", "commitmentId", id, "status", "done").getString("code"));
    // The facilitator holds no one else's commitments either.
    assertEquals("forbidden", fac.refused("removeCommitment", "commitmentId", id).getString("code"));
    assertEquals("not_found", ben.refused("removeCommitment", "commitmentId", "no-such-commitment").getString("code"));
    assertUnchanged(ben, before);
    assertEquals(mine, snapshot(ana).state().getJsonArray("commitments").getJsonObject(0));
    assertAlive(ben);
    ana.command("setCommitmentStatus", "commitmentId", id, "status", "tried");
  }

  @Test
  void theBoardHoldsAtMostItsLimitOfIdeas() {
    fac.command("setBoardPhase", "phase", "writing");
    for (int i = 0; i < MAX_IDEAS; i++) (i % 2 == 0 ? ana : ben).command("postIdea", "text", "Idea " + i);
    Snapshot before = snapshot(ana);
    assertEquals(MAX_IDEAS, before.state().getJsonObject("board").getInteger("ideaCount"));
    assertEquals("limit_exceeded", ana.refused("postIdea", "text", "one too many").getString("code"));
    assertEquals("limit_exceeded", fac.refused("postIdea", "text", "one too many").getString("code"));
    assertUnchanged(ana, before);
    assertAlive(ana);
    // Room again once one goes.
    ana.command("deleteIdea", "ideaId", myIdeas(ana).getJsonObject(0).getString("id"));
    ana.command("postIdea", "text", "now it fits");
  }

  @Test
  void votesAndCommitmentsStopAtTheirLimits() {
    Snapshot before = snapshot(fac);
    assertEquals("limit_exceeded", fac.refused("setVotesPerMember", "votes", 11).getString("code"));
    assertEquals("limit_exceeded", fac.refused("setVotesPerMember", "votes", 0).getString("code"));
    assertUnchanged(fac, before);

    for (int i = 1; i <= 5; i++) ana.command("addCommitment", "text", "Commitment " + i);
    before = snapshot(ana);
    assertEquals("limit_exceeded", ana.refused("addCommitment", "text", "Commitment 6").getString("code"));
    assertUnchanged(ana, before);
    assertAlive(ana);
    ben.command("addCommitment", "text", "Ben's first");
  }

  @Test
  void aThirteenthMemberAndAFifthDisplayFindTheSessionFull() {
    for (int i = 4; i <= 12; i++) {
      WsClient c = WsClient.connect(clients, node.port());
      extra.add(c);
      c.join(code, "Member " + i);
    }
    for (int i = 1; i <= 4; i++) {
      WsClient d = WsClient.connect(clients, node.port());
      extra.add(d);
      d.joinDisplay(code);
    }
    fac.state(s -> s.getJsonArray("members").size() == 12 && s.getInteger("displays") == 4);
    Snapshot before = snapshot(fac);
    WsClient thirteenth = WsClient.connect(clients, node.port());
    extra.add(thirteenth);
    assertEquals("session_full", thirteenth.refused("join", "code", code, "name", "Thirteen").getString("code"));
    WsClient fifth = WsClient.connect(clients, node.port());
    extra.add(fifth);
    assertEquals("session_full", fifth.refused("join", "code", code, "role", "display").getString("code"));
    assertUnchanged(fac, before);
    // A member who is only offline still holds a place: coming back works, a newcomer still doesn't.
    String token = ana.resume;
    ana.drop();
    fac.state(s -> !online(s, ana.memberId));
    assertEquals("session_full", thirteenth.refused("join", "code", code, "name", "Thirteen").getString("code"));
    WsClient back = WsClient.connect(clients, node.port());
    extra.add(back);
    back.resume(code, token);
    assertAlive(back);
    // The key holder on a new device always gets in, and takes the role with them (v1.1); since v1.2
    // they continue the member who joined with the key, so the session still has twelve.
    WsClient laptop = WsClient.connect(clients, node.port());
    extra.add(laptop);
    JsonObject w = laptop.joinWithKey(code, "Fay", key);
    assertEquals(true, w.getJsonObject("you").getBoolean("facilitator"));
    assertEquals(12, w.getJsonObject("state").getJsonArray("members").size());
    assertEquals(fac.memberId, w.getString("memberId"));
    assertServes(clients, node.port(), http.createSession("Another", "blank").getString("code"));
  }

  private static JsonArray myIdeas(WsClient c) {
    JsonObject you = snapshot(c).you();
    return you.getJsonArray("myIdeas");
  }

  private static boolean online(JsonObject state, String memberId) {
    for (Object m : state.getJsonArray("members")) {
      JsonObject member = (JsonObject) m;
      if (member.getString("id").equals(memberId)) return member.getBoolean("online");
    }
    return false;
  }
}

package app.roundtable.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docs/asyncapi.yaml against the wire contract (PROTOCOL.md v1 and its v1.1 amendments):
 * every command, with its fields and their JSON types, and every server message.
 */
class AsyncApiDocumentTest {

  private static final Path DOC =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("docs/asyncapi.yaml");

  /** PROTOCOL.md "Commands": command -> fields ({@code ?} suffix = optional). */
  private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

  static {
    // anyone joined
    cmd("ping", "t");
    cmd("sync");
    cmd("leave");
    cmd("rename", "name");
    cmd("raiseHand", "memberId?");
    cmd("lowerHand", "memberId?");
    cmd("doneSpeaking", "memberId?");
    cmd("postIdea", "text");
    cmd("editIdea", "ideaId", "text");
    cmd("deleteIdea", "ideaId");
    cmd("vote", "ideaId");
    cmd("unvote", "ideaId");
    cmd("addCommitment", "text", "memberId?");
    cmd("editCommitment", "commitmentId", "text");
    cmd("removeCommitment", "commitmentId");
    cmd("setCommitmentStatus", "commitmentId", "status", "note?");
    cmd("addPracticeNote", "commitmentId", "text", "shared");
    cmd("editPracticeNote", "noteId", "text?", "shared?");
    cmd("removePracticeNote", "noteId");
    // facilitator only
    cmd("nextSpeaker");
    cmd("startRound");
    cmd("setQueuePolicy", "policy");
    cmd("setTurnLimit", "seconds");
    cmd("startTimer", "seconds");
    cmd("pauseTimer");
    cmd("resumeTimer");
    cmd("addTime", "seconds");
    cmd("resetTimer");
    cmd("addAgendaItem", "title", "minutes", "kind?", "position?", "prompt?");
    cmd("updateAgendaItem", "itemId", "title?", "minutes?", "kind?", "prompt?");
    cmd("removeAgendaItem", "itemId");
    cmd("moveAgendaItem", "itemId", "position");
    cmd("startAgendaItem", "itemId");
    cmd("nextAgendaItem");
    cmd("setBoardPhase", "phase");
    cmd("clearBoard"); // v1.1
    cmd("setBoardPrompt", "prompt");
    cmd("setVotesPerMember", "votes");
    cmd("groupIdea", "ideaId", "group");
    cmd("setGroundRules", "rules");
    cmd("handOff", "memberId");
    cmd("removeMember", "memberId");
    cmd("endSession");
    // v1.1 amendments
    cmd("addRoomMember", "name");
    cmd("endTurn");
    cmd("setFairnessVisible", "visible");
    // v1.2 amendments
    cmd("getSummary", "format?");
    cmd("createFollowUp", "title?", "at?", "minutes?");
    cmd("setSchedule", "at", "minutes");
    // issue 21's extension: deletion
    cmd("deleteSession");
    // issue 21: the room protects itself
    cmd("removeDisplay", "displayId");
    cmd("lockRoom", "locked");
  }

  private static final Set<String> FACILITATOR =
      Set.of(
          "nextSpeaker", "startRound", "setQueuePolicy", "setTurnLimit", "startTimer", "pauseTimer",
          "resumeTimer", "addTime", "resetTimer", "addAgendaItem", "updateAgendaItem",
          "removeAgendaItem", "moveAgendaItem", "startAgendaItem", "nextAgendaItem", "setBoardPhase", "clearBoard",
          "setBoardPrompt", "setVotesPerMember", "groupIdea", "setGroundRules", "handOff",
          "removeMember", "endSession", "addRoomMember", "endTurn", "setFairnessVisible",
          "getSummary", "createFollowUp", "setSchedule", "deleteSession", "removeDisplay", "lockRoom");

  /** JSON type of every command field in the contract. */
  private static final Map<String, String> FIELD_TYPES =
      Map.ofEntries(
          Map.entry("t", "integer"),
          Map.entry("name", "string"),
          Map.entry("text", "string"),
          Map.entry("ideaId", "string"),
          Map.entry("commitmentId", "string"),
          Map.entry("status", "string"),
          Map.entry("note", "string"),
          Map.entry("policy", "string"),
          Map.entry("seconds", "integer"),
          Map.entry("title", "string"),
          Map.entry("minutes", "integer"),
          Map.entry("kind", "string"),
          Map.entry("position", "integer"),
          Map.entry("itemId", "string"),
          Map.entry("phase", "string"),
          Map.entry("prompt", "string"),
          Map.entry("votes", "integer"),
          Map.entry("group", "string"),
          Map.entry("rules", "array"),
          Map.entry("memberId", "string"),
          Map.entry("visible", "boolean"),
          Map.entry("format", "string"),
          Map.entry("at", "integer"),
          Map.entry("noteId", "string"),
          Map.entry("shared", "boolean"),
          Map.entry("displayId", "string"),
          Map.entry("locked", "boolean"));

  /** Server -> client messages and their fields ({@code ?} = optional). */
  private static final Map<String, List<String>> SERVER =
      Map.of(
          "welcome", List.of("memberId", "displayId?", "resume", "serverTime", "v", "state", "you"),
          "state", List.of("v", "state"),
          "you", List.of("v", "you"),
          "ack", List.of("id", "v"),
          "error", List.of("id?", "code", "message"),
          "pong", List.of("t", "serverTime"),
          "closed", List.of("reason"),
          "summary", List.of("id", "format", "body"),
          "followUp", List.of("id", "code", "joinUrl", "displayUrl", "facilitatorKey"));

  private static final List<String> ERROR_CODES =
      List.of(
          "bad_request", "not_joined", "unknown_session", "session_full", "session_ended", "forbidden",
          "not_found", "invalid_phase", "limit_exceeded", "rate_limited", "unavailable", "internal", "room_locked");

  private static void cmd(String type, String... fields) {
    COMMANDS.put(type, List.of(fields));
  }

  private static JsonNode doc;
  private static JsonNode channel;

  @BeforeAll
  static void load() throws IOException {
    doc = new YAMLMapper().readTree(DOC.toFile());
    channel = null;
    for (JsonNode c : doc.path("channels")) {
      if ("/ws".equals(c.path("address").asText())) channel = c;
    }
  }

  @Test
  void isAnAsyncApi3DocumentWithTheWsChannel() {
    assertEquals("3.0.0", doc.path("asyncapi").asText());
    assertFalse(doc.at("/info/title").asText().isEmpty(), "info.title");
    assertFalse(doc.at("/info/version").asText().isEmpty(), "info.version");
    assertNotNull(channel, "a channel with address /ws");
    assertEquals("GET", channel.at("/bindings/ws/method").asText("GET"));
  }

  @Test
  void everyRefResolves() {
    List<String> broken = new ArrayList<>();
    collectRefs(doc, broken);
    assertTrue(broken.isEmpty(), "unresolved $ref: " + broken);
  }

  @Test
  void everyCommandOfTheContractIsAClientMessageWithItsTypedFields() {
    Map<String, List<JsonNode>> byType = clientMessagesByType();
    for (Map.Entry<String, List<String>> e : COMMANDS.entrySet()) {
      String type = e.getKey();
      List<JsonNode> msgs = byType.get(type);
      assertNotNull(msgs, "no client message with type const '" + type + "'");
      assertEquals(1, msgs.size(), type + " is described once");
      JsonNode payload = resolve(msgs.get(0).path("payload"));
      Set<String> required = texts(payload.path("required"));
      assertTrue(required.contains("type"), type + ": type is required");
      assertEquals("string", resolve(payload.at("/properties/id")).path("type").asText(), type + ": optional string id");
      assertFalse(required.contains("id"), type + ": id is optional");
      Set<String> expectedRequired = new TreeSet<>(Set.of("type"));
      for (String f : e.getValue()) {
        boolean optional = f.endsWith("?");
        String name = optional ? f.substring(0, f.length() - 1) : f;
        JsonNode prop = resolve(payload.path("properties").path(name));
        assertFalse(prop.isMissingNode(), type + "." + name + " is not described");
        assertEquals(FIELD_TYPES.get(name), prop.path("type").asText(), type + "." + name + " type");
        if (!optional) expectedRequired.add(name);
      }
      assertEquals(expectedRequired, new TreeSet<>(required), type + ": required fields");
      Set<String> tags = new HashSet<>();
      msgs.get(0).path("tags").forEach(t -> tags.add(t.path("name").asText()));
      if (FACILITATOR.contains(type)) assertTrue(tags.contains("facilitator"), type + " tagged facilitator");
    }
    // Nothing beyond the contract (plus join) is described as a client command.
    Set<String> expected = new TreeSet<>(COMMANDS.keySet());
    expected.add("join");
    assertEquals(expected, new TreeSet<>(byType.keySet()), "client message types");
  }

  @Test
  void allFourJoinVariantsAreDescribed() {
    List<JsonNode> joins = clientMessagesByType().get("join");
    assertNotNull(joins, "join messages");
    Set<Set<String>> variants = new HashSet<>();
    for (JsonNode m : joins) variants.add(texts(resolve(m.path("payload")).path("required")));
    assertEquals(
        Set.of(
            Set.of("type", "code", "name"),
            Set.of("type", "code", "resume"),
            Set.of("type", "code", "name", "key"),
            Set.of("type", "code", "role")),
        variants);
    for (JsonNode m : joins) {
      JsonNode role = resolve(m.path("payload")).at("/properties/role");
      if (!role.isMissingNode()) assertEquals("display", role.path("const").asText());
    }
    // v1.1: joins by name may carry the client's series identity, never required.
    for (JsonNode m : joins) {
      JsonNode payload = resolve(m.path("payload"));
      if (!texts(payload.path("required")).contains("name")) continue;
      assertEquals("string", resolve(payload.at("/properties/identity")).path("type").asText(), "identity on a name join");
    }
  }

  @Test
  void serverMessagesAndSchemasMatchTheContract() {
    Map<String, JsonNode> sent = serverMessagesByType();
    assertEquals(new TreeSet<>(SERVER.keySet()), new TreeSet<>(sent.keySet()), "server message types");
    SERVER.forEach(
        (type, fields) -> {
          JsonNode payload = resolve(sent.get(type).path("payload"));
          Set<String> required = texts(payload.path("required"));
          for (String f : fields) {
            String name = f.replace("?", "");
            assertFalse(payload.path("properties").path(name).isMissingNode(), type + "." + name);
            assertEquals(!f.endsWith("?"), required.contains(name), type + "." + name + " required?");
          }
        });

    JsonNode error = resolve(sent.get("error").path("payload"));
    List<String> codes = new ArrayList<>();
    resolve(error.at("/properties/code")).path("enum").forEach(c -> codes.add(c.asText()));
    assertEquals(ERROR_CODES, codes, "error code enum");

    List<String> reasons = new ArrayList<>();
    resolve(sent.get("closed").path("payload")).at("/properties/reason/enum").forEach(r -> reasons.add(r.asText()));
    assertEquals(List.of("ended", "removed", "deleted", "display-removed"), reasons,
        "deleted and display-removed: extensions (issue 21)");

    JsonNode state = resolve(resolve(sent.get("state").path("payload")).at("/properties/state"));
    assertEquals(
        Set.of("code", "title", "status", "createdAt", "groundRules", "members", "displays", "agenda",
            "timer", "queue", "board", "commitments", "facilitation", "fairness", "previous", "followUp", "scheduled",
            "displayList", "locked"),
        texts(state.path("required")),
        "public state fields");
    JsonNode member = resolve(resolve(state.at("/properties/members")).path("items"));
    assertEquals(
        Set.of("id", "name", "facilitator", "online", "turns", "spokenMs", "handRaised", "inRoom"),
        texts(member.path("required")));
    JsonNode idea = resolve(resolve(resolve(state.at("/properties/board")).at("/properties/ideas")).path("items"));
    assertFalse(idea.path("properties").has("memberId") || idea.path("properties").has("author"),
        "ideas carry no author");

    JsonNode you = resolve(resolve(sent.get("you").path("payload")).at("/properties/you"));
    assertEquals(Set.of("memberId", "facilitator", "votesLeft", "myVotes", "myIdeas", "myPrevious", "myPracticeNotes"),
        texts(you.path("required")));
  }

  @Test
  void clientMessagesAreReceivedAndServerMessagesSentByOperations() {
    Set<String> received = new HashSet<>();
    Set<String> sent = new HashSet<>();
    for (JsonNode op : doc.path("operations")) {
      assertEquals(channel, resolve(op.path("channel")), "operations use the /ws channel");
      String action = op.path("action").asText();
      for (JsonNode m : op.path("messages")) {
        (action.equals("receive") ? received : sent).add(typeOf(resolve(m)));
      }
      for (JsonNode m : op.at("/reply/messages")) sent.add(typeOf(resolve(m)));
    }
    Set<String> clientTypes = new TreeSet<>(COMMANDS.keySet());
    clientTypes.add("join");
    assertTrue(received.containsAll(clientTypes), "not received by any operation: " + minus(clientTypes, received));
    assertTrue(sent.containsAll(SERVER.keySet()), "not sent by any operation: " + minus(SERVER.keySet(), sent));
  }

  // --- helpers --------------------------------------------------------------------------------

  private static Map<String, List<JsonNode>> clientMessagesByType() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (JsonNode m : channel.path("messages")) {
      JsonNode msg = resolve(m);
      if (SERVER.containsKey(typeOf(msg)) && isServer(msg)) continue;
      out.computeIfAbsent(typeOf(msg), k -> new ArrayList<>()).add(msg);
    }
    return out;
  }

  private static Map<String, JsonNode> serverMessagesByType() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode m : channel.path("messages")) {
      JsonNode msg = resolve(m);
      if (isServer(msg)) out.put(typeOf(msg), msg);
    }
    return out;
  }

  private static boolean isServer(JsonNode msg) {
    for (JsonNode t : msg.path("tags")) {
      if ("server".equals(t.path("name").asText())) return true;
    }
    return false;
  }

  private static String typeOf(JsonNode msg) {
    return resolve(resolve(msg.path("payload")).at("/properties/type")).path("const").asText();
  }

  /** Follows local {@code $ref}s ("#/a/b") until a node without one. */
  private static JsonNode resolve(JsonNode node) {
    for (int i = 0; i < 20 && node.has("$ref"); i++) {
      String ref = node.path("$ref").asText();
      assertTrue(ref.startsWith("#/"), "only local refs: " + ref);
      node = doc.at(ref.substring(1));
      assertFalse(node.isMissingNode(), "unresolved $ref " + ref);
    }
    return node;
  }

  private static void collectRefs(JsonNode node, List<String> broken) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        String ref = node.path("$ref").asText();
        if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) broken.add(ref);
      }
      node.forEach(n -> collectRefs(n, broken));
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, broken));
    }
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}

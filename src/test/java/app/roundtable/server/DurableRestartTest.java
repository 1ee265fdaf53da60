package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.ServerProcess;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default store is durable: a real server process with SQLite in DATA_DIR, used over
 * WebSockets, stopped with SIGTERM and with SIGKILL and started again on the same directory. Every
 * acknowledged change is there, versions continue above the last one a client saw, and the resume
 * token and the facilitator key still work.
 */
class DurableRestartTest {
  @TempDir Path dataDir;
  private Vertx clients;
  private final List<ServerProcess> servers = new ArrayList<>();

  @BeforeEach
  void clients() {
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    for (ServerProcess s : servers) s.close();
    clients.close().await();
  }

  private ServerProcess start() throws Exception {
    // No STORE: the default a new user gets, in a directory of the test's own.
    ServerProcess s = ServerProcess.start("durable-restart", Map.of("DATA_DIR", dataDir.toString(), "DRAIN_SECONDS", "2"));
    servers.add(s);
    return s;
  }

  @Test
  void everyAcknowledgedChangeOutlivesSigtermAndSigkill() throws Exception {
    ServerProcess first = start();
    JsonObject created = first.http.createSession("Leading through change", "first");
    String code = created.getString("code");
    String key = created.getString("facilitatorKey");
    WsClient ana = WsClient.connect(clients, first.port);
    JsonArray items = ana.joinWithKey(code, "Ana", key).getJsonObject("state").getJsonObject("agenda").getJsonArray("items");
    WsClient ben = WsClient.connect(clients, first.port);
    ben.join(code, "Ben");
    String benToken = ben.resume;

    // Agenda, ideas, votes, commitments: every command acknowledged before the stop.
    long seen = ana.command("startAgendaItem", "itemId", items.getJsonObject(4).getString("id"));
    ana.command("setBoardPhase", "phase", "writing");
    ana.command("postIdea", "text", "Ask before advising");
    ben.command("postIdea", "text", "Pair on the hard call");
    ana.command("setBoardPhase", "phase", "revealed");
    ana.command("setBoardPhase", "phase", "voting");
    String idea = ana.latest.getJsonObject("board").getJsonArray("ideas").getJsonObject(0).getString("id");
    ben.command("vote", "ideaId", idea);
    ana.command("vote", "ideaId", idea);
    ana.command("startAgendaItem", "itemId", items.getJsonObject(5).getString("id"));
    ana.command("addCommitment", "text", "Ask one question first");
    seen = Math.max(seen, ben.command("addCommitment", "text", "Call Dana before Friday"));

    assertEquals(143, first.terminate(Duration.ofSeconds(10)), "SIGTERM: the drain ran and the JVM exited by the signal");

    ServerProcess second = start();
    assertEquals(200, second.http.get("/api/sessions/" + code).status());
    WsClient benAgain = WsClient.connect(clients, second.port);
    JsonObject resumed = benAgain.resume(code, benToken);
    JsonObject state = resumed.getJsonObject("state");
    assertTrue(resumed.getLong("v") > seen, "versions continue above " + seen + ": " + resumed.getLong("v"));
    assertEquals(List.of("Ask one question first", "Call Dana before Friday"), texts(state.getJsonArray("commitments")));
    assertEquals(2, state.getJsonObject("board").getJsonArray("ideas").size());
    assertEquals(items.getJsonObject(5).getString("id"), state.getJsonObject("agenda").getString("currentId"));
    WsClient anaAgain = WsClient.connect(clients, second.port);
    assertTrue(anaAgain.joinWithKey(code, "Ana", key).getJsonObject("you").getBoolean("facilitator"), "the key still works");
    anaAgain.command("setBoardPhase", "phase", "results");
    int votes = 0;
    for (Object i : anaAgain.latest.getJsonObject("board").getJsonArray("ideas")) votes += ((JsonObject) i).getInteger("votes");
    assertEquals(2, votes, "both votes were kept");

    // SIGKILL while changes are in flight: every one acknowledged before the kill is there after.
    Set<String> acked = addItemsUntilKilled(anaAgain, second, 8);

    ServerProcess third = start();
    WsClient anaThird = WsClient.connect(clients, third.port);
    JsonObject afterKill = anaThird.joinWithKey(code, "Ana", key).getJsonObject("state");
    List<String> titles = texts(afterKill.getJsonObject("agenda").getJsonArray("items"), "title");
    assertTrue(titles.containsAll(acked), "acknowledged " + acked + ", kept " + titles);
    assertEquals("results", afterKill.getJsonObject("board").getString("phase"));
    JsonObject benThird = WsClient.connect(clients, third.port).resume(code, benToken);
    assertEquals(2, benThird.getJsonObject("state").getJsonArray("commitments").size(), "the resume token still works");

    // The summary and the follow-up read what was saved; the follow-up itself survives a SIGKILL.
    Http.Response md = third.http.get("/api/sessions/" + code + "/summary",
        Map.of("X-Facilitator-Key", key, "Accept", "text/markdown"));
    assertEquals(200, md.status());
    assertTrue(md.body().contains("Call Dana before Friday"), md.body());
    Http.Response fu = third.http.post("/api/sessions/" + code + "/follow-up", "{}", Map.of("X-Facilitator-Key", key));
    assertEquals(201, fu.status(), fu.body());
    third.kill();

    ServerProcess fourth = start();
    WsClient next = WsClient.connect(clients, fourth.port);
    JsonObject followUp = next.joinWithKey(fu.json().getString("code"), "Ana", fu.json().getString("facilitatorKey"));
    assertEquals(List.of("Ask one question first", "Call Dana before Friday"),
        texts(followUp.getJsonObject("state").getJsonObject("previous").getJsonArray("commitments")));
  }

  @Test
  void aDirectoryItCannotWriteStopsTheStartWithWhatToDo() throws Exception {
    Path dir = java.nio.file.Files.createDirectories(dataDir.resolve("read-only"));
    try (app.roundtable.testsupport.ReadOnlyDir ro = app.roundtable.testsupport.ReadOnlyDir.of(dir)) {
      ProcessBuilder pb = new ProcessBuilder(
          System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
          "app.roundtable.server.Main").redirectErrorStream(true);
      pb.environment().remove("REDIS_URL");
      pb.environment().remove("STORE");
      pb.environment().put("PORT", Integer.toString(ServerProcess.freePort()));
      pb.environment().put("DATA_DIR", dir.toString());
      pb.environment().put("LOG_FORMAT", "text"); // read as at a terminal (JSON would escape the path's slashes)
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, p.exitValue(), out);
      assertTrue(out.contains("Roundtable could not start: DATA_DIR " + dir.toAbsolutePath()), out);
      assertTrue(out.contains("mount a volume there"), out);
    }
  }

  /** Sends agenda items without waiting; SIGKILLs the server once {@code n} are acknowledged. */
  private static Set<String> addItemsUntilKilled(WsClient ana, ServerProcess server, int n) throws Exception {
    Map<String, String> titleById = new ConcurrentHashMap<>();
    Thread sender = new Thread(() -> {
      for (int i = 0; i < 20 && !ana.isClosed(); i++) {
        String title = "Added " + i;
        String id = "add-" + i;
        titleById.put(id, title);
        ana.send(new JsonObject().put("type", "addAgendaItem").put("id", id).put("title", title).put("minutes", 5));
      }
    });
    sender.start();
    Set<String> acked = new java.util.HashSet<>();
    while (acked.size() < n) {
      JsonObject reply = ana.next(m -> m.getString("id", "").startsWith("add-"));
      assertEquals("ack", reply.getString("type"), reply.encode());
      acked.add(titleById.get(reply.getString("id")));
    }
    server.kill();
    sender.join(10_000);
    return acked;
  }

  private static List<String> texts(JsonArray a) {
    return texts(a, "text");
  }

  private static List<String> texts(JsonArray a, String field) {
    return a.stream().map(o -> ((JsonObject) o).getString(field)).collect(Collectors.toList());
  }
}

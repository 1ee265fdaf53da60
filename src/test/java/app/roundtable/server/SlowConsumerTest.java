package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertServes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.RawWebSocket;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A member whose device stops reading while the session changes a lot: the server closes that one
 * socket instead of buffering for it, and everyone else keeps getting every version promptly.
 */
class SlowConsumerTest extends InMemoryNodeTest {
  /**
   * The byte budgets lifted: this test is about a reader that stops, with everyone else as fast as
   * they like (FloodedRoomTest is the one about budgets).
   */
  static Config nodeConfig() {
    return TestConfig.of(Map.of("VERTICLES", "2", "MEMBER_BYTES_PER_SECOND", "1000000000",
        "SESSION_BYTES_PER_SECOND", "1000000000"));
  }

  @Test
  void aClientThatStopsReadingIsDroppedShownOfflineWithinSecondsAndTheOthersNeverWait() throws Exception {
    JsonObject created = http.createSession("Slow", "first");
    String code = created.getString("code");
    WsClient fac = WsClient.connect(clients, node.port());
    fac.joinWithKey(code, "Fay", created.getString("facilitatorKey"));
    WsClient watcher = WsClient.connect(clients, node.port());
    watcher.join(code, "Wes");

    // The slow one: joins, reads its welcome, then never reads again (a tiny receive window too).
    RawWebSocket slow = RawWebSocket.open(node.port(), Map.of(), 4096);
    assertEquals(101, slow.status);
    slow.sendText(new JsonObject().put("type", "join").put("code", code).put("name", "Sid").encode());
    JsonObject welcome = new JsonObject(slow.readFrame(5000).text());
    assertEquals("welcome", welcome.getString("type"));
    String slowId = welcome.getString("memberId");

    // A big board: 200 ideas of 280 characters, written by eight members at once.
    fac.command("setBoardPhase", "phase", "writing");
    List<WsClient> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      WsClient w = WsClient.connect(clients, node.port());
      w.join(code, "Writer " + i);
      writers.add(w);
    }
    inParallel(writers, (w, n) -> {
      for (int k = 0; k < 25; k++) {
        String prefix = "Writer " + n + " idea " + k + " ";
        w.command("postIdea", "text", prefix + "x".repeat(280 - prefix.length()));
      }
    });

    // Every version from now on carries every idea: some 70 KB for every socket. The writers vote
    // and take votes back, all at once, until the slow socket is found out.
    fac.command("setVotesPerMember", "votes", 10);
    fac.command("setBoardPhase", "phase", "revealed");
    fac.command("setBoardPhase", "phase", "voting");
    List<String> ideas = new ArrayList<>();
    for (Object i : watcher.latest.getJsonObject("board").getJsonArray("ideas")) ideas.add(((JsonObject) i).getString("id"));
    AtomicLong slowest = new AtomicLong();
    AtomicInteger versions = new AtomicInteger();
    long deadline = System.currentTimeMillis() + 12_000;
    while (slowConsumersClosed() == 0) {
      assertTrue(System.currentTimeMillis() < deadline, "the slow client was never closed after " + versions + " versions");
      inParallel(writers, (w, n) -> {
        for (String type : List.of("vote", "unvote")) {
          for (int k = 0; k < 10; k++) {
            long sent = System.nanoTime();
            long v = w.command(type, "ideaId", ideas.get(n * 10 + k));
            watcher.awaitVersion(v);
            slowest.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
            versions.incrementAndGet();
          }
        }
      });
    }
    // Generous for a loaded CI machine: waiting on the slow one would mean never.
    assertTrue(slowest.get() < 2000, "a healthy client waited " + slowest + " ms for a version");

    // The others see it offline within seconds (not at the idle timeout, a minute later): the
    // server ended its TCP connection at once rather than queue a close frame behind a full
    // buffer. It is only marked offline: still a member, free to resume.
    app.roundtable.testsupport.Await.until("the others see the slow member offline", java.time.Duration.ofSeconds(5),
        () -> !online(watcher.latest, slowId));
    assertNotNull(WsClient.member(watcher.latest, slowId));
    assertConnectionEnded(slow);
    assertEquals(2 + writers.size(), gauge("roundtable_connections\\{kind=\"member\"\\}"), "member connections counted");

    // Everyone else saw every version, in order, and goes on.
    fac.command("setBoardPhase", "phase", "closed");
    for (WsClient c : List.of(fac, watcher)) FirstSessionFlowTest.assertVersionsInOrder(c);
    assertAlive(watcher);
    assertServes(clients, node.port(), code);
    slow.close();
    fac.close();
    watcher.close();
    for (WsClient w : writers) w.close();
  }

  private interface WriterTask {
    void run(WsClient writer, int index) throws Exception;
  }

  /** Runs {@code task} for every writer at once, each on its own thread; waits for all. */
  private static void inParallel(List<WsClient> writers, WriterTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < writers.size(); i++) {
        WsClient w = writers.get(i);
        int n = i;
        all.add(pool.submit(() -> {
          task.run(w, n);
          return null;
        }));
      }
      for (Future<?> f : all) f.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reading again finds at most what was delivered before, then the end of the connection. */
  private static void assertConnectionEnded(RawWebSocket slow) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      RawWebSocket.Frame f = slow.readFrame(5000);
      if (f == null) return;
      assertTrue(f.opcode() != 0x8, "a reset connection carries no close frame");
    }
    throw new AssertionError("the connection did not end within 10 s");
  }

  private long slowConsumersClosed() {
    return gauge("roundtable_slow_consumers_closed_total");
  }

  /** A sample's value from GET /metrics; {@code series} is a regex for the name and labels. */
  private static long gauge(String series) {
    String metrics = new Http(node.metricsPort()).get("/metrics").body();
    Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+]+)$").matcher(metrics);
    assertTrue(m.find(), series + " is exported");
    return (long) Double.parseDouble(m.group(1));
  }

  private static boolean online(JsonObject state, String id) {
    JsonObject m = WsClient.member(state, id);
    return m != null && m.getBoolean("online");
  }
}

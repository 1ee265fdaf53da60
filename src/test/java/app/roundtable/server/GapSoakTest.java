package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.GapWatcher;
import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.TestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short soak of the contract's version promise on two nodes sharing a real Redis: many sessions,
 * seven clients each spread over both nodes, every client changing its session from the moment it
 * is welcomed (so joins, subscriptions on new event loops and changes all overlap). Every client
 * must see every version in order, a jump only after it asked for {@code sync}, and all must end on
 * the same last version. It caught a node's new subscriber on a session making the node re-read the
 * state and hand that to its other listeners, ahead of versions still on their way (a silent jump).
 */
class GapSoakTest {
  private static final int SESSIONS = 40;
  private static final int CLIENTS = 7;
  /** Each client changes its session about this often: 5 changes per second per session. */
  private static final long PERIOD_MS = 1_400;
  private static final long RUN_MS = 8_000;

  @Test
  void everyClientSeesEveryVersionInOrderOrAskedForSync() throws Exception {
    try (RedisServer redis = RedisServer.startOrConnect()) {
      Vertx clients = Vertx.vertx();
      RoundtableNode a = Nodes.start(config(redis, "soak-a"));
      RoundtableNode b = Nodes.start(config(redis, "soak-b"));
      try {
        GapWatcher.Totals totals = new GapWatcher.Totals();
        List<List<GapWatcher>> sessions = new ArrayList<>();
        List<Future<Void>> started = new ArrayList<>();
        Http http = new Http(a.port());
        List<JsonObject> created = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) created.add(http.createSession("Soak " + s, "blank"));
        long begun = System.nanoTime();
        for (int s = 0; s < SESSIONS; s++) {
          List<GapWatcher> watchers = new ArrayList<>();
          for (int c = 0; c < CLIENTS; c++) {
            GapWatcher w = new GapWatcher(clients, totals, "s" + s + "c" + c);
            JsonObject join = new JsonObject().put("type", "join").put("code", created.get(s).getString("code"))
                .put("name", "Member " + c);
            if (c == 0) join.put("key", created.get(s).getString("facilitatorKey"));
            int port = (s + c) % 2 == 0 ? a.port() : b.port();
            started.add(w.start("127.91." + s + "." + (c + 1), port, join, PERIOD_MS));
            watchers.add(w);
          }
          sessions.add(watchers);
        }
        Await.result(Future.all(started), Duration.ofSeconds(20));
        List<GapWatcher> all = sessions.stream().flatMap(List::stream).toList();
        try {
          Await.until("every client welcomed", Duration.ofSeconds(20), () -> all.stream().allMatch(w -> w.welcomed));
        } catch (AssertionError e) {
          throw new AssertionError(all.stream().filter(w -> !w.welcomed).count() + " clients not welcomed; "
              + totals.firstProblems, e);
        }
        double joinSeconds = (System.nanoTime() - begun) / 1e9;
        Thread.sleep(RUN_MS);
        all.forEach(GapWatcher::stopChanging);
        // Every client of a session ends on the same, last version: nothing is missing at the end.
        Await.until("every client has its session's last version", Duration.ofSeconds(10), () -> sessions.stream()
            .allMatch(ws -> ws.stream().mapToLong(w -> w.last).distinct().count() == 1));
        double seconds = (System.nanoTime() - begun) / 1e9;
        System.out.printf("gap soak: %d sessions x %d clients on two nodes with Redis, %.1f changes/s per session,"
                + " joined in %.1f s, then %.1f s: %d changes acked, %d states delivered, %d silent gaps, %d backwards, %d errors,"
                + " %d unavailable (retried or synced)%n",
            SESSIONS, CLIENTS, CLIENTS * 1000.0 / PERIOD_MS, joinSeconds, seconds - joinSeconds, totals.acks.get(), totals.states.get(),
            totals.gaps.get(), totals.backwards.get(), totals.errors.get(), totals.unavailable.get());
        String problems = totals.firstProblems.toString();
        assertEquals(0, totals.gaps.get(), problems);
        assertEquals(0, totals.backwards.get(), problems);
        assertEquals(0, totals.errors.get(), problems);
      } finally {
        Nodes.await(clients.close());
        Nodes.await(a.close());
        Nodes.await(b.close());
      }
    }
  }

  private static Config config(RedisServer redis, String id) {
    // The test creates all its sessions from one address, well past one person's creation limit.
    return TestConfig.redis(redis.url(), Map.of("NODE_ID", id, "VERTICLES", "2", "HEARTBEAT_MS", "500",
        "CREATES_PER_MINUTE", Integer.toString(SESSIONS)));
  }
}

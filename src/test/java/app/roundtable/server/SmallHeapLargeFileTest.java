package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.FinishedRound;
import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import app.roundtable.store.SessionSize;
import app.roundtable.store.sqlite.SqliteSessionStore;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.ServerProcess;
import app.roundtable.testsupport.Sessions;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's crash loop: the SQLite store read every session at start, so a server with
 * {@code -Xmx128m} over a file of large sessions died of {@code OutOfMemoryError} before it
 * served anything, and would again on every restart. Here a real server process with that heap
 * starts over a file of 300 sessions near the size cap (about 70 MB of sessions, several times
 * its heap) and serves: look-ups of every one of them (far more than memory holds at once, so
 * sessions are read from the file and evicted again), joins and changes, and new sessions.
 */
class SmallHeapLargeFileTest {
  private static final int SESSIONS = 300;
  @TempDir Path dataDir;

  @Test
  void aServerWithA128MegabyteHeapStartsOverAFileOf300LargeSessionsAndServes() throws Exception {
    List<String> codes = writeLargeSessions();
    long fileBytes = Files.size(dataDir.resolve("roundtable.db"));
    System.out.printf("file of %d sessions: %d MB%n", SESSIONS, fileBytes >> 20);
    assertTrue(fileBytes > 64L << 20, "the file alone is half the heap: " + fileBytes);

    Vertx clients = Vertx.vertx();
    // Look-ups come from many addresses (through a trusted proxy): one address is limited to 2 a second.
    try (ServerProcess server = ServerProcess.start("small-heap", Map.of("STORE", "sqlite", "DATA_DIR", dataDir.toString(),
        "TRUSTED_PROXIES", "127.0.0.1/32"), List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), Duration.ofSeconds(60))) {
      for (int i = 0; i < codes.size(); i++) {
        assertEquals(200, server.http.get("/api/sessions/" + codes.get(i), from(i)).status(), "session " + i + " answers");
      }
      // Sessions in use stay in memory while others come and go.
      List<WsClient> members = new ArrayList<>();
      for (int i = 0; i < 5; i++) members.add(joined(clients, server.port, codes.get(i * 50), "Member " + i));
      for (int i = 200; i < 300; i++) assertEquals(200, server.http.get("/api/sessions/" + codes.get(i), from(1000 + i)).status());
      for (WsClient m : members) m.command("raiseHand");
      JsonObject created = server.http.createSession("After the restart", "first");
      assertEquals(200, server.http.get("/api/sessions/" + created.getString("code")).status());
      assertTrue(server.isAlive(), "no OutOfMemoryError: it still runs");
      for (WsClient m : members) m.close();
    } finally {
      Await.result(clients.close());
    }
  }

  /** As a client does, trying again when the connect or the join did not get through in time (a loaded machine). */
  private static WsClient joined(Vertx clients, int port, String code, String name) {
    for (int attempt = 1; ; attempt++) {
      try {
        WsClient m = WsClient.connect(clients, port);
        m.join(code, name + (attempt > 1 ? " " + attempt : ""));
        return m;
      } catch (IllegalStateException | AssertionError notInTime) {
        if (attempt == 3) throw notInTime;
      }
    }
  }

  private static Map<String, String> from(int client) {
    return Map.of("X-Forwarded-For", "10.1." + client / 250 + "." + (client % 250 + 1));
  }

  /** Through the store itself (fast), as a long-running server would have left them. */
  private List<String> writeLargeSessions() {
    Vertx vertx = Vertx.vertx();
    long now = System.currentTimeMillis();
    SqliteSessionStore store = SqliteSessionStore.open(vertx, new SqliteSessionStore.Options(dataDir,
        Duration.ofDays(30).toMillis(), false, 0, 10_000, SessionSize.DEFAULT, 8L << 20), () -> now);
    List<String> codes = new ArrayList<>();
    try {
      for (int n = 0; n < SESSIONS; n++) {
        Session s = Sessions.fresh(SessionCodes.generate(), now);
        FinishedRound round = new FinishedRound();
        round.prompt = "What did we learn?";
        for (int i = 0; i < 850; i++) {
          round.ideas.add(new FinishedRound.Entry(("Idea " + n + "/" + i + " ").repeat(40).substring(0, 250), null, 0));
        }
        s.board.rounds.add(round);
        if (n == 0) {
          int bytes = SessionCodec.encode(s).length;
          assertTrue(bytes > 200_000 && bytes <= SessionSize.DEFAULT_MAX_BYTES, "near the cap: " + bytes);
        }
        assertTrue(Await.result(store.create(s)));
        codes.add(s.code);
      }
    } finally {
      Await.result(store.close());
      Await.result(vertx.close());
    }
    return codes;
  }
}

package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RawWebSocket;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review's flood, against a real server: one link holder joined as ten names, each with five
 * commitments of maximum length (emoji, so four bytes a character) and a maximum-length note,
 * then renaming in a loop. Before, everyone received 64 state frames a second (7.5 MB/s), a member
 * on a 1 MB/s line was reset, and the facilitator's commands took up to 660 ms. Now the byte
 * budgets refuse the flood, the member on the slow line stays connected, and the facilitator's
 * commands are answered throughout (their latency is measured in the benchmark, not here).
 */
class FloodedRoomTest {
  private static final String EMOJI_280 = "\uD83D\uDE00".repeat(280);
  private RoundtableNode node;
  private Vertx clients;

  @BeforeEach
  void start() {
    node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1")));
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Nodes.await(clients.close());
    Nodes.await(node.close());
  }

  @Test
  void aMemberOnAOneMegabyteLineStaysAndTheFacilitatorIsAnsweredWhileTenNamesFlood() throws Exception {
    JsonObject created = new Http(node.port()).createSession("Flooded", "blank");
    String code = created.getString("code");
    WsClient fac = WsClient.connect(clients, node.port());
    fac.joinWithKey(code, "Fae", created.getString("facilitatorKey"));

    List<WsClient> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      WsClient c = WsClient.connect(clients, node.port());
      c.joinWithIdentity(code, "Name " + i, "flood-identity-" + i + "-0123456789");
      names.add(c);
    }
    for (WsClient c : names) {
      for (int k = 0; k < 5; k++) {
        long v = acked(c, "addCommitment", "text", EMOJI_280);
        String id = lastCommitmentOf(c, v);
        acked(c, "setCommitmentStatus", "commitmentId", id, "status", "tried", "note", EMOJI_280);
      }
    }
    int stateBytes = fac.latest.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(stateBytes > 100_000, "the public state is large: " + stateBytes);

    // The member on a 1 MB/s line: a small receive window, read no faster than 1 MB/s.
    RawWebSocket slow = RawWebSocket.open(node.port(), Map.of(), 16 * 1024);
    slow.sendText(new JsonObject().put("type", "join").put("code", code).put("name", "Sam").encode());
    StringBuilder welcome = new StringBuilder(); // over 16 KiB: in fragments
    JsonObject w = null;
    while (w == null) {
      welcome.append(slow.readFrame(5000).text());
      try {
        w = new JsonObject(welcome.toString());
      } catch (io.vertx.core.json.DecodeException notYet) {
        // the next fragment
      }
    }
    String slowId = w.getString("memberId");
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicLong slowBytes = new AtomicLong();
    AtomicBoolean slowCut = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      long began = System.nanoTime();
      while (flooding.get()) {
        RawWebSocket.Frame f;
        try {
          f = slow.readFrame(10_000);
        } catch (AssertionError quiet) {
          continue;
        }
        if (f == null || f.opcode() == 0x8) {
          slowCut.set(true);
          return;
        }
        long total = slowBytes.addAndGet(f.payload().length + 4);
        long dueMs = total / 1000 - (System.nanoTime() - began) / 1_000_000; // 1 MB/s = 1000 bytes per ms
        if (dueMs > 0) sleep(dueMs);
      }
    }, "one-megabyte-line");
    reader.start();

    // Ten names rename in a loop, as fast as a socket may send, for eight seconds: raw sockets that
    // read and drop what comes (the attacker does not parse it, and the test's own loop stays free).
    List<RawWebSocket> raw = new ArrayList<>();
    for (WsClient c : names) {
      RawWebSocket r = RawWebSocket.open(node.port(), Map.of(), 0);
      r.sendText(new JsonObject().put("type", "join").put("code", code).put("resume", c.resume).encode());
      raw.add(r);
      c.close();
    }
    AtomicLong refusedRenames = new AtomicLong();
    List<Thread> floods = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      RawWebSocket r = raw.get(i);
      String tag = "N" + i;
      Thread sender = new Thread(() -> {
        int n = 0;
        while (flooding.get()) {
          r.sendText(new JsonObject().put("type", "rename").put("id", tag + "-" + n).put("name", tag + (n++ % 2 == 0 ? " A" : " B")).encode());
          sleep(50);
        }
      }, "flood");
      Thread drain = new Thread(() -> {
        while (flooding.get()) {
          RawWebSocket.Frame f;
          try {
            f = r.readFrame(1000);
          } catch (AssertionError quiet) {
            continue;
          }
          if (f == null) return;
          if (f.payload().length < 300 && new String(f.payload(), java.nio.charset.StandardCharsets.UTF_8).contains("rate_limited")) {
            refusedRenames.incrementAndGet();
          }
        }
      }, "flood-drain");
      floods.add(sender);
      floods.add(drain);
      sender.start();
      drain.start();
    }
    long floodEnds = System.currentTimeMillis() + 8_000;
    int answered = 0;
    while (System.currentTimeMillis() < floodEnds) {
      // Each of the facilitator's commands gets its ack, never a refusal, under the flood.
      fac.command("setBoardPrompt", "prompt", "Prompt " + answered);
      answered++;
      sleep(400);
    }
    flooding.set(false);
    for (Thread t : floods) t.join();
    reader.join(15_000);

    assertTrue(answered >= 3, "every command of the facilitator was acked (" + answered + "), none refused");
    assertFalse(slowCut.get(), "the member on the 1 MB/s line was cut off");
    long refused = refusedRenames.get();
    assertTrue(refused > 0, "the flood was refused");
    fac.command("setBoardPrompt", "prompt", "after");
    JsonObject sam = WsClient.member(fac.latest, slowId);
    assertTrue(sam != null && sam.getBoolean("online"), "the slow member is still in the room: " + sam);
    System.out.printf("flood: state %d bytes, facilitator answered %d times, slow line read %d bytes in ~8 s, %d renames refused%n",
        stateBytes, answered, slowBytes.get(), refused);
    slow.close();
    for (RawWebSocket r : raw) r.close();
  }

  /** Sends until acked, waiting out rate_limited: building the room spends the budgets too. */
  private static long acked(WsClient c, String type, Object... fields) {
    for (int tries = 0; tries < 100; tries++) {
      String id = c.send(type, fields);
      JsonObject reply = c.next(m -> id.equals(m.getString("id")));
      if ("ack".equals(reply.getString("type"))) return reply.getLong("v");
      assertEquals("rate_limited", reply.getString("code"), reply.encode());
      sleep(500);
    }
    throw new AssertionError(type + " never got through");
  }

  private static String lastCommitmentOf(WsClient c, long v) {
    c.awaitVersion(v);
    String last = null;
    for (Object o : c.latest.getJsonArray("commitments")) {
      JsonObject j = (JsonObject) o;
      if (c.memberId.equals(j.getString("memberId")) && j.getString("note").isEmpty()) last = j.getString("id");
    }
    return last;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}

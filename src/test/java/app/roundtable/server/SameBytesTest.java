package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A version's state frame is written once for the node and the same buffer goes to every connection:
 * with 13 sockets, 10 versions cost 10 writes of the frame (per-socket encoding would cost 130), 130
 * sends of a shared buffer and none of a socket's own (a per-socket copy or encoding would show
 * there), and every socket receives the identical text, and nothing else it did not ask for.
 */
class SameBytesTest extends InMemoryNodeTest {
  private static final Pattern WRITTEN = Pattern.compile("(?m)^roundtable_state_frames_written_total (\\S+)$");
  private static final Pattern SHARED = Pattern.compile("(?m)^roundtable_frames_sent_total\\{kind=\"shared\"} (\\S+)$");
  private static final Pattern OWN = Pattern.compile("(?m)^roundtable_frames_sent_total\\{kind=\"own\"} (\\S+)$");

  /** One event loop: two loops could both write a version they receive at the same moment. */
  static Config nodeConfig() {
    return TestConfig.of(Map.of("VERTICLES", "1", "NODE_ID", "same-bytes"));
  }

  @Test
  void eachVersionIsWrittenOnceAndEveryConnectionGetsTheSameBytes() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Bytes", "first");
    List<WsClient> all = new ArrayList<>(List.of(fac));
    for (int i = 0; i < 11; i++) {
      WsClient c = WsClient.connect(clients, node.port());
      c.join(fac.code, "M" + i);
      all.add(c);
    }
    WsClient display = WsClient.connect(clients, node.port());
    long joined = display.joinDisplay(fac.code).getLong("v");
    for (WsClient c : all) c.awaitVersion(joined);
    all.add(display);
    for (WsClient c : all) c.drain();
    double before = metric(WRITTEN);
    double sharedBefore = metric(SHARED);
    double ownBefore = metric(OWN);

    List<String> reference = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = fac.send("addAgendaItem", "title", "Item " + i, "minutes", 5);
      reference.add(fac.expect("state").encode());
      assertEquals(id, fac.expect("ack").getString("id"));
    }
    fac.assertExhausted();
    for (WsClient c : all.subList(1, all.size())) {
      for (String expected : reference) assertEquals(expected, c.expect("state").encode());
      c.assertExhausted();
    }
    assertEquals(10, metric(WRITTEN) - before, "state frames written for 10 versions to 13 sockets");
    assertEquals(130, metric(SHARED) - sharedBefore, "every socket was handed the one shared buffer of each version");
    assertEquals(10, metric(OWN) - ownBefore, "nothing but the facilitator's 10 acks was written for one socket");
    for (WsClient c : all) c.close();
  }

  private static double metric(Pattern p) {
    Matcher m = p.matcher(node.metrics());
    if (!m.find()) throw new AssertionError("no " + p + " in /metrics");
    return Double.parseDouble(m.group(1));
  }
}

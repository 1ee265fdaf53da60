package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Review finding: one resume token opened 100 joined sockets. Now a member, and an address, hold a bounded number. */
class SocketCapsTest {
  private RoundtableNode node;
  private Vertx clients;
  private final List<WsClient> open = new ArrayList<>();

  @BeforeEach
  void start() {
    node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1", "MAX_JOINED_SOCKETS_PER_ADDRESS", "9")));
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    for (WsClient c : open) c.close();
    Nodes.await(clients.close());
    Nodes.await(node.close());
  }

  private WsClient connect() {
    WsClient c = WsClient.connect(clients, node.port());
    open.add(c);
    return c;
  }

  @Test
  void oneResumeTokenOpensFiveSocketsNotAHundred() {
    String code = new Http(node.port()).createSession("Caps", "blank").getString("code");
    WsClient first = connect();
    first.join(code, "Ana");
    for (int i = 0; i < 4; i++) connect().resume(code, first.resume);
    JsonObject refused = connect().refused("join", "code", code, "resume", first.resume);
    assertEquals("rate_limited", refused.getString("code"), "the sixth socket of one member");
    open.remove(1).close(); // one device goes: its place is free again, once the server saw it go
    app.roundtable.testsupport.Await.until("the member may open a socket again", java.time.Duration.ofSeconds(5), () -> {
      WsClient again = connect();
      again.send(new JsonObject().put("type", "join").put("code", code).put("resume", first.resume));
      if ("welcome".equals(again.next().getString("type"))) return true;
      open.remove(again);
      again.close();
      return false;
    });
  }

  @Test
  void oneAddressHoldsABoundedNumberOfJoinedSockets() {
    String code = new Http(node.port()).createSession("Caps", "blank").getString("code");
    for (int i = 0; i < 9; i++) connect().join(code, "Person " + i);
    assertEquals("rate_limited", connect().refused("join", "code", code, "name", "One too many").getString("code"));
  }
}

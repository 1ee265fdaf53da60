package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RawWebSocket;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge as the internet meets it, over real sockets: forwarding headers only from trusted
 * proxies, creation limits, the session bound, the metrics port, headers on every response,
 * JSON-only POSTs, unjoined sockets, change budgets and emoji on the wire.
 */
class ExposedEdgeTest {
  private Vertx clients;
  private final List<RoundtableNode> nodes = new ArrayList<>();

  @BeforeEach
  void start() {
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Nodes.await(clients.close());
    for (RoundtableNode n : nodes) Nodes.await(n.close());
  }

  private RoundtableNode node(Map<String, String> vars) {
    Map<String, String> all = new java.util.HashMap<>(vars);
    all.put("VERTICLES", "1");
    RoundtableNode n = Nodes.start(TestConfig.of(all));
    nodes.add(n);
    return n;
  }

  // --- client address -------------------------------------------------------------------------

  @Test
  void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
    Http h = new Http(node(Map.of()).port());
    Http.Response r = null;
    int lookups = 0;
    // Each guess claims to come from a new address; the server must still see one guesser.
    while (lookups < 100) {
      r = h.get("/api/sessions/" + String.format("%013d", lookups), Map.of("X-Forwarded-For", "198.51.100." + lookups));
      lookups++;
      if (r.status() != 404) break;
    }
    assertEquals(429, r.status(), "blocked after " + lookups);
    assertTrue(lookups <= 20);
    assertEquals(429, h.get("/api/sessions/0000000000000", Map.of("X-Forwarded-For", "203.0.113.77")).status());
    assertEquals(429, h.get("/api/sessions/0000000000000", Map.of("Forwarded", "for=203.0.113.78")).status());
  }

  @Test
  void behindATrustedGatewayOneGuesserDoesNotLockOthersOut() {
    Http h = new Http(node(Map.of("TRUSTED_PROXIES", "127.0.0.1/32, ::1/128")).port());
    String real = h.createSession("Real", "blank").getString("code");
    Map<String, String> guesser = Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.1");
    int lookups = 0;
    while (h.get("/api/sessions/" + String.format("%013d", lookups), guesser).status() == 404 && lookups < 100) lookups++;
    assertTrue(lookups <= 20, "the guesser is held back: " + lookups);
    assertEquals(429, h.get("/api/sessions/" + real, guesser).status());
    // Everyone else behind the same gateway still gets in, over HTTP and WebSocket alike.
    assertEquals(200, h.get("/api/sessions/" + real, Map.of("X-Forwarded-For", "198.51.100.2")).status());
    assertEquals(200, h.get("/api/sessions/" + real, Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.3")).status(),
        "the part the guesser could write is not believed");
  }

  // --- creation -------------------------------------------------------------------------------

  @Test
  void creationIsLimitedPerClientWith429AndRetryAfter() {
    Http h = new Http(node(Map.of("CREATES_PER_MINUTE", "1", "MAX_SESSIONS", "1000")).port());
    for (int i = 0; i < 3; i++) h.createSession("Burst " + i, "blank");
    Http.Response r = h.post("/api/sessions", json("One too many"), Map.of());
    assertEquals(429, r.status(), r.body());
    assertEquals("rate_limited", r.json().getString("error"));
    long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
    // A made-up X-Forwarded-For from an untrusted peer buys nothing.
    assertEquals(429, h.post("/api/sessions", json("Spoofed"), Map.of("X-Forwarded-For", "203.0.113.5")).status());
  }

  @Test
  void aFullInMemoryServerSays503WithAClearError() {
    Http h = new Http(node(Map.of("CREATES_PER_MINUTE", "100", "MAX_SESSIONS", "2")).port());
    h.createSession("One", "blank");
    h.createSession("Two", "blank");
    Http.Response r = h.post("/api/sessions", json("Three"), Map.of());
    assertEquals(503, r.status(), r.body());
    assertEquals("unavailable", r.json().getString("error"));
    assertTrue(r.json().getString("message").contains("as many sessions"), r.body());
    assertTrue(r.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void postBodiesMustBeJson() {
    RoundtableNode n = node(Map.of());
    Http h = new Http(n.port());
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
      Http.Response r = h.post("/api/sessions", json("Cross-site"), Map.of("Content-Type", type));
      assertEquals(415, r.status(), type + ": " + r.body());
      assertEquals("bad_request", r.json().getString("error"));
    }
    assertEquals(201, h.post("/api/sessions", json("Charset"), Map.of("Content-Type", "application/json; charset=utf-8")).status());
    JsonObject created = h.createSession("Follow", "blank");
    assertEquals(415, h.post("/api/sessions/" + created.getString("code") + "/follow-up", "{}",
        Map.of("Content-Type", "text/plain", "X-Facilitator-Key", created.getString("facilitatorKey"))).status());
  }

  // --- metrics port ---------------------------------------------------------------------------

  @Test
  void metricsAreOffThePublicPortUnlessAskedFor() {
    RoundtableNode n = node(Map.of()); // TestConfig's METRICS_PORT=0 stands for the default 9090
    assertTrue(n.metricsPort() != n.port());
    Http.Response pub = new Http(n.port()).get("/metrics");
    assertEquals(404, pub.status());
    assertFalse(pub.body().contains("roundtable_"), pub.body());
    Http.Response internal = new Http(n.metricsPort()).get("/metrics");
    assertEquals(200, internal.status());
    assertTrue(internal.body().contains("roundtable_sockets_open"));
    assertEquals(404, new Http(n.metricsPort()).get("/").status(), "the metrics port serves nothing else");
    RoundtableNode asked = node(Map.of("METRICS_PUBLIC", "true"));
    assertEquals(200, new Http(asked.port()).get("/metrics").status(), "METRICS_PUBLIC=true: on the public port");
    assertEquals(asked.port(), asked.metricsPort());
  }

  @Test
  void theMetricsPortListensOnLoopbackByDefaultAt9090() throws Exception {
    Config.Http http = Config.fromEnv(Map.of("STORE", "memory")).http();
    assertEquals(9090, http.metricsPort());
    assertEquals("127.0.0.1", http.metricsHost());
    RoundtableNode n = node(Map.of());
    java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
    if (other != null) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress(other, n.metricsPort()), 1000);
        throw new AssertionError("the metrics port answered on " + other);
      } catch (java.io.IOException refused) {
        // not listening there: only on loopback
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("STORE", "memory", "METRICS_PUBLIC", "true", "METRICS_PORT", "9090")));
  }

  // --- headers --------------------------------------------------------------------------------

  @Test
  void behindHttpsSocketsGoOnlyToThePublicOriginAndHstsIsOn() {
    RoundtableNode n = node(Map.of("PUBLIC_URL", "https://rt.example.org/"));
    Http h = new Http(n.port());
    for (String path : List.of("/", "/nowhere", "/api/sessions/zzzzzzzzzzzzz", "/health/live")) {
      Http.Response r = h.get(path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertTrue(csp.contains("connect-src 'self' https://rt.example.org wss://rt.example.org;"), path + ": " + csp);
      assertFalse(csp.contains(" ws: ") || csp.contains(" wss: ") || csp.contains("wss:;"), "no scheme-wide sources: " + csp);
      long maxAge = Long.parseLong(r.headers().firstValue("Strict-Transport-Security").orElseThrow().replaceAll("\\D", ""));
      assertTrue(maxAge >= 180L * 24 * 3600, "HSTS max-age " + maxAge);
    }
    Http.Response plain = new Http(node(Map.of()).port()).get("/");
    assertTrue(plain.headers().firstValue("Content-Security-Policy").orElseThrow().contains("connect-src 'self';"));
    assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS without https");
  }

  @Test
  void errorsAndABadHostCarryTheSecurityHeadersToo() throws Exception {
    RoundtableNode n = node(Map.of("PUBLIC_URL", "https://rt.example.org"));
    String response = raw(n.port(), "GET / HTTP/1.1\r\nHost: bad host name\r\nConnection: close\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 400"), response);
    assertSecurityHeaders(response);
    assertSecurityHeaders(raw(n.port(), "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"));
    try (RawWebSocket ws = RawWebSocket.open(n.port(), Map.of("Origin", "https://evil.example"), 0)) {
      assertEquals(403, ws.status);
      assertTrue(ws.headers.containsKey("content-security-policy") && ws.headers.containsKey("strict-transport-security"));
    }
  }

  // --- sockets and budgets --------------------------------------------------------------------

  @Test
  void socketsThatNeverJoinAreBoundedPerClient() {
    RoundtableNode n = node(Map.of("CREATES_PER_MINUTE", "100", "MAX_SESSIONS", "1000", "MAX_UNJOINED_SOCKETS", "3"));
    String code = new Http(n.port()).createSession("Bound", "blank").getString("code");
    List<RawWebSocket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        idle.add(RawWebSocket.open(n.port(), Map.of(), 0));
        assertEquals(101, idle.get(i).status);
      }
      try (RawWebSocket extra = RawWebSocket.open(n.port(), Map.of(), 0)) {
        assertEquals(429, extra.status, "the fourth unjoined socket is refused");
      }
      idle.get(0).close();
      // A socket that joins stops counting: the client can open another and that one joins too.
      try (WsClient c = awaitOpen(n.port())) {
        c.join(code, "Joins");
        try (WsClient d = WsClient.connect(clients, n.port())) {
          d.join(code, "Also joins");
        }
      }
    } finally {
      idle.forEach(RawWebSocket::close);
    }
  }

  @Test
  void aSocketThatLeftCountsAsUnjoinedAgain() {
    RoundtableNode n = node(Map.of("CREATES_PER_MINUTE", "100", "MAX_SESSIONS", "1000", "MAX_UNJOINED_SOCKETS", "1"));
    String code = new Http(n.port()).createSession("Leave", "blank").getString("code");
    try (WsClient left = WsClient.connect(clients, n.port())) {
      left.join(code, "Leaves");
      try (WsClient other = awaitOpen(n.port())) {
        other.join(code, "Stays");
        left.command("leave");
        // `left` is unjoined again and holds the one place: a new socket is refused.
        try (RawWebSocket extra = RawWebSocket.open(n.port(), Map.of(), 0)) {
          assertEquals(429, extra.status);
        }
      }
    }
  }

  @Test
  void oneMemberFloodingGetsRateLimitedWithTheCommandsIdAndStaysConnected() {
    // The clock stands still: budgets do not refill while the test runs, however slow the machine.
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());
    RoundtableNode n = Nodes.await(RoundtableNode.start(TestConfig.of(Map.of("VERTICLES", "1")), clock::get));
    nodes.add(n);
    JsonObject created = new Http(n.port()).createSession("Budget", "blank");
    try (WsClient a = WsClient.connect(clients, n.port()); WsClient b = WsClient.connect(clients, n.port())) {
      a.joinWithKey(created.getString("code"), "Flo", created.getString("facilitatorKey"));
      b.resume(created.getString("code"), a.resume);
      // Two sockets of one member, 19 changes each at once (under each socket's own limit of 20
      // with the join): the member's burst is 30.
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 19; i++) {
        ids.add(a.send(i % 2 == 0 ? "raiseHand" : "lowerHand"));
        ids.add(b.send(i % 2 == 0 ? "raiseHand" : "lowerHand"));
      }
      List<JsonObject> refusals = new ArrayList<>();
      for (WsClient c : List.of(a, b)) {
        for (int seen = 0; seen < 19; ) {
          JsonObject f = c.next(m -> "ack".equals(m.getString("type")) || "error".equals(m.getString("type")));
          seen++;
          if ("error".equals(f.getString("type"))) refusals.add(f);
        }
      }
      assertFalse(refusals.isEmpty(), "38 changes at once exceed the member's burst of 30");
      assertEquals(8, refusals.size(), "30 get through");
      for (JsonObject e : refusals) {
        assertEquals("rate_limited", e.getString("code"));
        assertTrue(ids.contains(e.getString("id")), "the refusal names its command: " + e);
      }
      assertFalse(a.isClosed() || b.isClosed());
      clock.addAndGet(1_000);
      a.send("ping", "t", 1);
      assertEquals(1, a.nextOfType("pong").getLong("t"), "still answering");
      a.command("raiseHand");
      b.command("lowerHand");
    }
  }

  @Test
  void anEmojiCrossesTheWireAsItsFourUtf8Bytes() {
    RoundtableNode n = node(Map.of());
    JsonObject created = new Http(n.port()).createSession("Emoji", "blank");
    try (RawWebSocket ws = RawWebSocket.open(n.port(), Map.of(), 0)) {
      ws.sendText(new JsonObject().put("type", "join").put("id", "j").put("code", created.getString("code"))
          .put("name", "Zoë \uD83D\uDE00").put("key", created.getString("facilitatorKey")).encode());
      RawWebSocket.Frame welcome = ws.readFrame(5000);
      // The payload is decoded as UTF-8: the emoji is in it only if its 4 bytes were (F0 9F 98 80).
      assertTrue(welcome.text().contains("\uD83D\uDE00"), welcome.text());
      assertFalse(welcome.text().contains("\\uD83D"), welcome.text());
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The unjoined count drops when the server sees the close: retry the open until it has. */
  private WsClient awaitOpen(int port) {
    for (int i = 0; i < 50; i++) {
      try {
        return WsClient.connect(clients, port);
      } catch (IllegalStateException refused) {
        sleep(50);
      }
    }
    throw new AssertionError("the closed socket never stopped counting");
  }

  private static void assertSecurityHeaders(String response) {
    String lower = response.toLowerCase(java.util.Locale.ROOT);
    for (String h : List.of("content-security-policy:", "x-content-type-options: nosniff", "x-frame-options:",
        "referrer-policy:", "strict-transport-security:")) {
      assertTrue(lower.contains(h), h + " in\n" + response);
    }
  }

  private static String raw(int port, String request) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int r; (r = in.read(buf)) > 0; ) {
        out.write(buf, 0, r);
        if (out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) break;
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static String json(String title) {
    return new JsonObject().put("title", title).put("template", "blank").encode();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

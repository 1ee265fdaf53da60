package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RawWebSocket;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The HTTP edge: Origin checks on the upgrade, page headers, the create API's refusals, codes, probes, metrics. */
class EdgeHttpTest extends InMemoryNodeTest {

  // --- WebSocket Origin -----------------------------------------------------------------------

  @Test
  void anUpgradeFromAForeignOriginIsRefused() {
    int port = node.port();
    assertEquals(403, upgrade(port, "https://evil.example"));
    assertEquals(403, upgrade(port, "http://127.0.0.1.evil.example:" + port));
    assertEquals(403, upgrade(port, "http://127.0.0.1:" + (port + 1)));
    assertEquals(403, upgrade(port, "http://localhost:" + port), "another host name is another origin");
    assertEquals(403, upgrade(port, "null"));
    assertEquals(403, upgrade(port, "not a url at all"));
    assertEquals(403, upgrade(port, "https://127.0.0.1:" + port), "the same host and port over another scheme is another origin");
    assertEquals(403, upgrade(port, "ftp://127.0.0.1:" + port));
    // The server's own origin, and clients that are not browsers (no Origin), are let in.
    assertEquals(101, upgrade(port, "http://127.0.0.1:" + port));
    assertEquals(101, upgrade(port, "HTTP://127.0.0.1:" + port));
    assertEquals(101, upgrade(port, null));
    // And an accepted socket works.
    try (WsClient c = WsClient.connect(clients, port, "http://127.0.0.1:" + port)) {
      c.join(http.createSession("Origin", "blank").getString("code"), "Ola");
    }
  }

  @Test
  void withAllowedOriginsOnlyThoseAreAccepted() {
    RoundtableNode listed = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1",
        "ALLOWED_ORIGINS", "https://club.example, https://club.example:8443")));
    try {
      int port = listed.port();
      assertEquals(101, upgrade(port, "https://club.example"));
      assertEquals(101, upgrade(port, "https://club.example:8443"));
      assertEquals(403, upgrade(port, "http://club.example"));
      assertEquals(403, upgrade(port, "https://evil.example"));
      assertEquals(403, upgrade(port, "http://127.0.0.1:" + port), "only the listed origins, not the own host");
    } finally {
      Nodes.await(listed.close());
    }
  }

  @Test
  void withAPublicUrlTheOriginMustHaveItsSchemeToo() {
    RoundtableNode behind = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1", "PUBLIC_URL", "https://rt.example.org")));
    try {
      int port = behind.port();
      assertEquals(101, upgrade(port, "https://rt.example.org"));
      assertEquals(101, upgrade(port, "https://rt.example.org:443"));
      assertEquals(403, upgrade(port, "http://rt.example.org"), "a plain-HTTP page of the same name");
      assertEquals(403, upgrade(port, "http://rt.example.org:443"));
      assertEquals(403, upgrade(port, "wss://rt.example.org"));
    } finally {
      Nodes.await(behind.close());
    }
  }

  // --- pages ----------------------------------------------------------------------------------

  @Test
  void pagesCarrySecurityHeaders() {
    String code = http.createSession("Headers", "blank").getString("code");
    for (String path : List.of("/", "/s/x", "/s/" + code, "/d/" + code, "/api/sessions/" + code, "/nowhere")) {
      Http.Response r = http.get(path);
      String csp = header(r, "Content-Security-Policy");
      assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
      assertFalse(csp.contains("unsafe-eval"), path + ": " + csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
      assertTrue(csp.matches(".*(script-src|default-src) 'self'.*"), path + ": " + csp);
      assertEquals("nosniff", header(r, "X-Content-Type-Options"), path);
      assertFalse(header(r, "Referrer-Policy").isBlank(), path);
    }
    assertEquals(200, http.get("/").status());
    assertEquals(200, http.get("/s/" + code).status());
  }

  // --- create API -----------------------------------------------------------------------------

  @Test
  void malformedOrOversizedCreateRequestsAreRefused() {
    assertError(http.post("/api/sessions", "{\"title\":", Map.of()), 400);
    assertError(http.post("/api/sessions", "not json", Map.of()), 400);
    assertError(http.post("/api/sessions", "[\"title\"]", Map.of()), 400);
    assertError(http.post("/api/sessions", "{}", Map.of()), 400);
    assertError(http.post("/api/sessions", "{\"title\":42}", Map.of()), 400);
    assertError(http.post("/api/sessions", "{\"title\":\"  \"}", Map.of()), 400);
    assertError(http.post("/api/sessions", json("x".repeat(281), "first"), Map.of()), 400);
    assertError(http.post("/api/sessions", json("Bad template", "second"), Map.of()), 400);
    assertError(http.post("/api/sessions", "{\"title\":\"T\",\"template\":3}", Map.of()), 400);
    String big = new JsonObject().put("title", "Big").put("pad", "x".repeat(5000)).encode();
    assertError(http.post("/api/sessions", big, Map.of()), 413);
    // Just under the body limit is fine.
    String fits = new JsonObject().put("title", "Fits").put("pad", "x".repeat(3900)).encode();
    assertEquals(201, http.post("/api/sessions", fits, Map.of()).status());
  }

  @Test
  void aConfiguredCreateTokenIsRequired() {
    RoundtableNode locked = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1", "CREATE_TOKEN", "s3cret-token")));
    try {
      Http h = new Http(locked.port());
      String body = json("Locked", "first");
      assertError(h.post("/api/sessions", body, Map.of()), 401);
      assertError(h.post("/api/sessions", body, Map.of("Authorization", "Bearer wrong")), 401);
      assertError(h.post("/api/sessions", body, Map.of("Authorization", "s3cret-token")), 401);
      assertError(h.post("/api/sessions", body, Map.of("Authorization", "Bearer s3cret-token-and-more")), 401);
      Http.Response ok = h.post("/api/sessions", body, Map.of("Authorization", "Bearer s3cret-token"));
      assertEquals(201, ok.status(), ok.body());
      assertEquals(200, h.get("/api/sessions/" + ok.json().getString("code")).status(), "reading needs no token");
    } finally {
      Nodes.await(locked.close());
    }
  }

  // --- codes and look-ups ---------------------------------------------------------------------

  @Test
  void anUnknownSessionIsA404WithTheContractsCode() {
    Http.Response r = http.get("/api/sessions/zzzzzzzzzzzzz");
    assertEquals(404, r.status());
    assertEquals("unknown_session", r.json().getString("error"));
    assertEquals(404, http.get("/api/sessions/not-a-code/qr.svg").status());
  }

  @Test
  void repeatedUnknownCodesFromOneAddressAreRefusedEventually() {
    RoundtableNode guarded = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1")));
    try {
      Http h = new Http(guarded.port());
      String real = h.createSession("Real", "blank").getString("code");
      int lookups = 0;
      Http.Response r;
      do {
        r = h.get("/api/sessions/" + String.format("%013d", lookups));
        lookups++;
      } while (r.status() == 404 && lookups < 100);
      assertEquals(429, r.status(), "after " + lookups + " unknown codes");
      assertEquals("rate_limited", r.json().getString("error"));
      assertTrue(lookups <= 20, "refused after " + lookups + " guesses");
      // The guesser is held back from joining by code too, and real codes don't help it.
      assertEquals(429, h.get("/api/sessions/" + real).status());
      try (WsClient c = WsClient.connect(clients, guarded.port())) {
        assertEquals("rate_limited", c.refused("join", "code", real, "name", "Guess").getString("code"));
      }
    } finally {
      Nodes.await(guarded.close());
    }
  }

  @Test
  void codesAreLongRandomAndCaseInsensitive() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String code = http.createSession("Code " + i, "blank").getString("code");
      // 13 characters of Crockford base32 (no i, l, o, u): 65 bits.
      assertTrue(code.matches("[0-9a-hjkmnp-tv-z]{13}"), code);
      assertTrue(seen.add(code), "codes repeat");
    }
    String code = seen.iterator().next();
    Http.Response upper = http.get("/api/sessions/" + code.toUpperCase(Locale.ROOT));
    assertEquals(200, upper.status());
    assertEquals(code, upper.json().getString("code"));
    try (WsClient c = WsClient.connect(clients, node.port())) {
      assertEquals(code, c.join(code.toUpperCase(Locale.ROOT), "Upper").getJsonObject("state").getString("code"));
    }
  }

  @Test
  void theQrCodeIsAnSvg() {
    String code = http.createSession("QR", "blank").getString("code");
    Http.Response r = http.get("/api/sessions/" + code + "/qr.svg");
    assertEquals(200, r.status());
    assertTrue(header(r, "Content-Type").startsWith("image/svg+xml"), header(r, "Content-Type"));
    assertTrue(r.body().contains("<svg"), r.body().substring(0, Math.min(200, r.body().length())));
  }

  // --- probes and metrics ---------------------------------------------------------------------

  @Test
  void probesAnswer() {
    assertEquals(200, http.get("/health/live").status());
    assertEquals(200, http.get("/health/ready").status());
  }

  @Test
  void metricsCountCommandsByTypeAndNameNoSession() {
    JsonObject created = http.createSession("Metrics", "first");
    String code = created.getString("code");
    try (WsClient c = WsClient.connect(clients, node.port())) {
      c.joinWithKey(code, "Quentin Metric", created.getString("facilitatorKey"));
      c.command("setBoardPhase", "phase", "writing");
      c.command("postIdea", "text", "A secret idea about metrics");
      c.refused("launchRocket");
      String metrics = new Http(node.metricsPort()).get("/metrics").body();
      assertTrue(metrics.matches("(?s).*\\nroundtable_commands_total\\{[^}]*type=\"postIdea\"[^}]*\\} [1-9].*"),
          "roundtable_commands_total by type");
      assertTrue(metrics.contains("type=\"unknown\""), "unknown types are one label, not what the client sent");
      assertFalse(metrics.contains("launchRocket"));
      String lower = metrics.toLowerCase(Locale.ROOT);
      for (String secret : List.of(code, c.memberId, "quentin", "secret idea", created.getString("facilitatorKey"))) {
        assertFalse(lower.contains(secret.toLowerCase(Locale.ROOT)), "metrics mention " + secret);
      }
    }
  }

  @Test
  void httpResponsesAreTimedByMethodAndStatusClassOnlyAndSocketsReportNoBytes() {
    JsonObject created = http.createSession("Counted", "first");
    String code = created.getString("code");
    assertEquals(404, http.get("/api/sessions/ZZZZZZ").status());
    http.get("/api/sessions/" + code);
    String metrics = new Http(node.metricsPort()).get("/metrics").body();
    assertTrue(metrics.matches("(?s).*\\nroundtable_http_responses_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"2xx\"[^}]*\\} [1-9].*"),
        "the create counted as POST 2xx");
    assertTrue(metrics.matches("(?s).*\\nroundtable_http_responses_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"4xx\"[^}]*\\} [1-9].*"),
        "the unknown code counted as GET 4xx");
    assertFalse(metrics.contains(code), "no path or session code in any label");
    // Vert.x's own network metrics sat on every socket read (docs/benchmarks.md): switched off.
    assertFalse(metrics.contains("vertx_http_server_bytes_read"), "per-connection byte counts are off");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static int upgrade(int port, String origin) {
    try (RawWebSocket ws = RawWebSocket.open(port, origin == null ? Map.of() : Map.of("Origin", origin), 0)) {
      return ws.status;
    }
  }

  private static String header(Http.Response r, String name) {
    return r.headers().firstValue(name).orElseGet(() -> fail(name + " missing"));
  }

  private static void assertError(Http.Response r, int status) {
    assertEquals(status, r.status(), r.body());
    assertTrue(header(r, "Content-Type").startsWith("application/json"), header(r, "Content-Type"));
    JsonObject body = r.json();
    assertFalse(body.getString("error", "").isBlank(), r.body());
    assertFalse(body.getString("message", "").isBlank(), r.body());
  }

  private static String json(String title, String template) {
    return new JsonObject().put("title", title).put("template", template).encode();
  }
}

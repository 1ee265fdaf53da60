package app.roundtable.store;

import static app.roundtable.testsupport.Sessions.fresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.server.RoundtableNode;
import app.roundtable.store.redis.RedisEndpoint;
import app.roundtable.store.redis.RedisSessionStore;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.TestConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis as it runs when others can reach it: a password (protected mode on), ACL users, TLS. A
 * wrong password is an outage like any other: readiness 503 and creates 503, promptly.
 */
class RedisAuthTest {
  private static final long TTL = 60_000;
  private static final long TIMEOUT_MS = 1_000;
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private static String code() {
    return UUID.randomUUID().toString().substring(0, 13).toUpperCase();
  }

  private SessionStore store(String url, String caFile) {
    return new RedisSessionStore(vertx, new RedisEndpoint(url, caFile), TTL, TIMEOUT_MS);
  }

  private static void worksWith(SessionStore store) {
    String code = code();
    assertTrue(Await.result(store.create(fresh(code, System.currentTimeMillis()))));
    assertNotNull(Await.result(store.load(code)));
    Await.result(store.ping());
    Await.result(store.close());
  }

  private static void refusedBy(SessionStore store) {
    assertInstanceOf(StoreUnavailableException.class, Await.failure(store.ping()));
    assertInstanceOf(StoreUnavailableException.class, Await.failure(store.create(fresh(code(), System.currentTimeMillis()))));
    Await.result(store.close());
  }

  @Test
  void aPasswordInTheUrlIsSentAndAWrongOrMissingOneIsAnOutage() {
    try (RedisServer redis = RedisServer.startWithPassword("s3cret-pw")) {
      worksWith(store(redis.url(), null));
      refusedBy(store(redis.urlWithPassword("wrong"), null));
      refusedBy(store(redis.urlWithPassword(null), null));
    }
  }

  @Test
  void aPasswordFromItsOwnVariableOverridesTheUrls() {
    try (RedisServer redis = RedisServer.startWithPassword("pw/with:odd@chars")) {
      SessionStore store = new RedisSessionStore(vertx, new RedisEndpoint(redis.urlWithPassword(null), null,
          "pw/with:odd@chars"), TTL, TIMEOUT_MS);
      worksWith(store);
    }
  }

  @Test
  void anAclUserAndPasswordWork() {
    try (RedisServer redis = RedisServer.startWithPassword("admin-pw")) {
      redis.command("ACL", "SETUSER", "roundtable", "on", ">app-pw", "~rt:*", "&rt:*", "+@all");
      String url = redis.url().replace(":admin-pw@", "roundtable:app-pw@");
      worksWith(store(url, null));
      refusedBy(store(url.replace("app-pw", "nope"), null));
    }
  }

  @Test
  void overTlsTheServerMustBeTrusted() {
    try (RedisServer redis = RedisServer.startWithTls("tls-pw")) {
      assertTrue(redis.url().startsWith("rediss://"), redis.url());
      worksWith(store(redis.url(), redis.caFile()));
      refusedBy(store(redis.url(), null)); // a self-signed certificate the JVM does not trust
    }
  }

  @Test
  void aNodeWithTheWrongPasswordIsNotReadyAndAnswersCreatesWith503Promptly() {
    try (RedisServer redis = RedisServer.startWithPassword("s3cret-pw")) {
      RoundtableNode node = Nodes.start(TestConfig.redis(redis.urlWithPassword("wrong"), Map.of("VERTICLES", "1")));
      try {
        Http http = new Http(node.port());
        long started = System.nanoTime();
        Http.Response ready = http.get("/health/ready");
        Http.Response create = http.post("/api/sessions", "{\"title\":\"Locked out\"}", Map.of());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, ready.status(), ready.body());
        assertEquals(503, create.status(), create.body());
        assertEquals("unavailable", create.json().getString("error"));
        // Not a performance figure: the bound that says "never hangs" (each has a 2 s deadline).
        assertTrue(tookMs < 8_000, "answered in " + tookMs + " ms");
      } finally {
        Nodes.await(node.close());
      }
    }
  }

  @Test
  void aNodeOverTlsWithItsCaServesSessions() {
    try (RedisServer redis = RedisServer.startWithTls("tls-pw")) {
      RoundtableNode node = Nodes.start(TestConfig.redis(redis.url(), Map.of("VERTICLES", "1", "REDIS_CA_FILE", redis.caFile())));
      try {
        Http http = new Http(node.port());
        assertEquals(200, http.get("/health/ready").status());
        String code = http.createSession("Over TLS", "blank").getString("code");
        assertEquals(200, http.get("/api/sessions/" + code).status());
      } finally {
        Nodes.await(node.close());
      }
    }
  }
}

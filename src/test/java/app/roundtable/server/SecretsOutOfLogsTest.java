package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.Vertx;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Review findings: a malformed REDIS_URL printed its password at start, and the warning that Redis
 * lost a session logged the session's code (the key to the room). Everything the server logs is
 * captured here, and neither appears.
 */
class SecretsOutOfLogsTest {
  private static final String PASSWORD = "S3cretPassw0rd";
  private final List<String> lines = new ArrayList<>();
  /** Every event any logger writes, as the line's text: logger, message, fields and stack trace. */
  private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      StringBuilder b = new StringBuilder(e.getLoggerName() + " " + e.getFormattedMessage());
      if (e.getKeyValuePairs() != null) for (KeyValuePair kv : e.getKeyValuePairs()) b.append(' ').append(kv);
      if (e.getThrowableProxy() != null) b.append(' ').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      synchronized (lines) {
        lines.add(b.toString());
      }
    }
  };

  @BeforeEach
  void captureLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.setLevel(Level.ALL);
    root.addAppender(capture);
  }

  @AfterEach
  void stopCapturing() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(capture);
    root.setLevel(Level.INFO);
  }

  @Test
  void aMalformedRedisUrlIsRefusedWithoutItsPassword() {
    for (String url : List.of(
        "redis://admin:" + PASSWORD + " x@localhost:6379",     // a space
        "redis://admin:" + PASSWORD + "@x@localhost:6379",     // an unescaped @
        "redis://admin:" + PASSWORD + "%zz@localhost:6379",    // a broken escape
        "redis://admin:" + PASSWORD + "@local host:6379",
        "redis://admin:" + PASSWORD + "@localhost:port",
        "redis://admin:" + PASSWORD + "#x@localhost:6379",
        "http://admin:" + PASSWORD + "@localhost:6379")) {
      Config config = Config.fromEnv(Map.of("PORT", "0", "HOST", "127.0.0.1", "REDIS_URL", url));
      assertFalse(config.toString().contains(PASSWORD), config.toString());
      Throwable e;
      try {
        RoundtableNode.start(config).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).close();
        throw new AssertionError("started with " + url);
      } catch (ExecutionException failed) {
        e = failed.getCause();
      } catch (Exception other) {
        e = other;
      }
      String printed = stackTrace(e);
      assertFalse(printed.contains(PASSWORD), () -> "the start-up error shows the password: " + printed);
      assertTrue(e.getMessage().contains("REDIS_URL"), () -> "the error names the setting: " + e.getMessage());
    }
    assertNoLineHolds(PASSWORD);
  }

  @Test
  void theServerProcessPrintsNoPasswordForAMalformedUrl() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", System.getProperty("java.class.path"), "app.roundtable.server.Main").redirectErrorStream(true);
    pb.environment().remove("STORE");
    pb.environment().put("PORT", "0");
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("REDIS_URL", "redis://default:" + PASSWORD + "@x@redis:6379");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("REDIS_URL"), out);
    assertFalse(out.contains(PASSWORD), out);
  }

  @Test
  void redisLosingASessionIsLoggedWithoutItsCode() {
    RedisServer redis = RedisServer.startOrConnect();
    Vertx clients = Vertx.vertx();
    RoundtableNode node = Nodes.start(TestConfig.redis(redis.url(), Map.of("VERTICLES", "1")));
    try {
      WsClient fac = WsClient.facilitator(clients, node.port(), "Amnesia", "blank");
      WsClient member = WsClient.connect(clients, node.port());
      member.join(fac.code, "Mia");
      long seen = fac.command("raiseHand");
      redis.restartFrom(null);
      Await.until("the session is back above v" + seen, Duration.ofSeconds(15), () -> fac.latestV > seen);
      synchronized (lines) {
        assertTrue(lines.stream().anyMatch(l -> l.contains("redis lost")), "the warning was written: " + lines);
      }
      for (String secret : List.of(fac.code, fac.code.toUpperCase(java.util.Locale.ROOT), fac.facilitatorKey,
          member.resume, fac.resume)) {
        assertNoLineHolds(secret);
      }
      fac.close();
      member.close();
    } finally {
      Nodes.await(clients.close());
      Nodes.await(node.close());
      redis.close();
    }
  }

  private void assertNoLineHolds(String secret) {
    synchronized (lines) {
      for (String line : lines) assertFalse(line.contains(secret), () -> "a secret in the log: " + line);
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}

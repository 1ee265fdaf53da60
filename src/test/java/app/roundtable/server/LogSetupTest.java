package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The node's log lines: one JSON object each, with its fields, and never a secret, a name, an idea or a code. */
class LogSetupTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNodesLinesAreOneJsonObjectEachAndCarryNoSecret() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(LogSetup.encoder(context, null));
    appender.setOutputStream(captured);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);

    String token = "tok-" + Secrets.token();
    List<String> secrets = new ArrayList<>(List.of(token, "Zebedee Quartermaine", "Zebedee Renamed"));
    Vertx clients = Vertx.vertx();
    RoundtableNode node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1", "CREATE_TOKEN", token, "NODE_ID", "logged")));
    try {
      Http http = new Http(node.port());
      JsonObject created = http.post("/api/sessions", new JsonObject().put("title", "Logged").put("template", "blank").encode(),
          Map.of("Authorization", "Bearer " + token)).json();
      secrets.add(created.getString("code"));
      secrets.add(created.getString("facilitatorKey"));
      WsClient member = WsClient.connect(clients, node.port());
      JsonObject welcome = member.join(created.getString("code"), "Zebedee Quartermaine");
      secrets.add(welcome.getString("resumeToken"));
      member.command("rename", "name", "Zebedee Renamed");
      member.command("raiseHand");
      Nodes.await(node.drain(Duration.ZERO));
    } finally {
      Nodes.await(clients.close());
      Nodes.await(node.close());
      root.detachAppender(appender);
      appender.stop();
    }

    String out = captured.toString(StandardCharsets.UTF_8);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) continue;
      JsonNode parsed = JSON.readTree(line);
      assertTrue(parsed.isObject(), "one JSON object per line: " + line);
      for (String field : List.of("timestamp", "level", "loggerName", "formattedMessage")) {
        assertTrue(parsed.has(field), field + " in " + line);
      }
      for (String secret : secrets) {
        if (secret != null) assertFalse(line.contains(secret), "a secret, name, idea or code in: " + line);
      }
      lines.add(parsed);
    }
    JsonNode listening = lines.stream().filter(l -> l.path("formattedMessage").asText().contains("listening"))
        .findFirst().orElseThrow(() -> new AssertionError("no listening line in:\n" + out));
    assertEquals("INFO", listening.path("level").asText());
    assertEquals(RoundtableNode.class.getName(), listening.path("loggerName").asText());
    String fields = listening.path("kvpList").toString();
    assertTrue(fields.contains("{\"event\":\"listening\"}") && fields.contains("\"node\":\"logged-"), fields);
    assertTrue(lines.stream().anyMatch(l -> l.path("kvpList").toString().contains("\"draining\"")), out);
  }

  @Test
  void textForATerminalIsOneLineWithItsFields() {
    LoggerContext context = new LoggerContext();
    LoggingEvent e = new LoggingEvent(LogSetupTest.class.getName(), context.getLogger("app.roundtable.server.X"),
        ch.qos.logback.classic.Level.WARN, "draining {}", null, new Object[] {"now"});
    e.addKeyValuePair(new KeyValuePair("event", "draining"));
    String line = new String(LogSetup.encoder(context, " Text ").encode(e), StandardCharsets.UTF_8);
    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
    assertFalse(line.startsWith("{"), line);
    assertTrue(line.contains("WARN") && line.contains("draining now") && line.contains("event=\"draining\""), line);
  }
}

package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Review finding (issue 21): without PUBLIC_URL, join links came from the {@code Host} header, so
 * a forged Host put a foreign origin into joinUrl, displayUrl, the QR code and a follow-up every
 * member is shown. Now a Host is used only when it cannot be a stranger's; otherwise the links are
 * relative, and what must be absolute (a calendar file, a QR code) carries the address the
 * connection reached.
 */
class JoinLinksTest {

  @Test
  void aForgedHostGetsRelativeLinksAndNeverAppearsAnywhere() throws IOException {
    RoundtableNode node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1")));
    Vertx clients = Vertx.vertx();
    try {
      int port = node.port();
      JsonObject forged = new JsonObject(body(request(port, "POST", "/api/sessions", "evil.example",
          Map.of("Content-Type", "application/json"), "{\"title\":\"Forged\",\"template\":\"blank\"}")));
      String code = forged.getString("code");
      assertEquals("/s/" + code, forged.getString("joinUrl"));
      assertEquals("/d/" + code, forged.getString("displayUrl"));

      // The session's own links, asked for with the server's own host: absolute as before.
      for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port}) {
        JsonObject own = new JsonObject(body(request(port, "POST", "/api/sessions", host,
            Map.of("Content-Type", "application/json"), "{\"title\":\"Own\",\"template\":\"blank\"}")));
        assertEquals("http://" + host + "/s/" + own.getString("code"), own.getString("joinUrl"));
      }

      // What must be absolute: the address the connection reached, not the forged name.
      WsClient fac = WsClient.connect(clients, port);
      fac.joinWithKey(code, "Fae", forged.getString("facilitatorKey"));
      fac.command("setSchedule", "at", System.currentTimeMillis() + 86_400_000L, "minutes", 60);
      String ics = body(request(port, "GET", "/api/sessions/" + code + "/calendar.ics", "evil.example", Map.of(), null));
      assertTrue(ics.contains("URL:http://127.0.0.1:" + port + "/s/" + code), ics);
      String qr = body(request(port, "GET", "/api/sessions/" + code + "/qr.svg", "evil.example", Map.of(), null));
      assertTrue(qr.startsWith("<svg") || qr.contains("<svg"), "still a QR code");

      // A follow-up made with the key but a forged Host: every member is shown its links.
      String followUp = body(request(port, "POST", "/api/sessions/" + code + "/follow-up", "evil.example",
          Map.of("Content-Type", "application/json", "X-Facilitator-Key", forged.getString("facilitatorKey")), "{}"));
      JsonObject next = new JsonObject(followUp);
      assertEquals("/s/" + next.getString("code"), next.getString("joinUrl"));
      JsonObject state = fac.state(s -> s.getValue("followUp") != null);
      assertEquals("/s/" + next.getString("code"), state.getJsonObject("followUp").getString("joinUrl"));
      assertFalse(state.encode().contains("evil.example"));
      fac.close();
    } finally {
      Nodes.await(clients.close());
      Nodes.await(node.close());
    }
  }

  @Test
  void behindAProxyAnAllowedOriginIsTheBaseWithItsOwnScheme() throws IOException {
    RoundtableNode node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1", "ALLOWED_ORIGINS", "https://club.example")));
    try {
      int port = node.port();
      String create = "{\"title\":\"Club\",\"template\":\"blank\"}";
      JsonObject proxied = new JsonObject(body(request(port, "POST", "/api/sessions", "club.example",
          Map.of("Content-Type", "application/json"), create)));
      assertEquals("https://club.example/s/" + proxied.getString("code"), proxied.getString("joinUrl"));
      JsonObject forged = new JsonObject(body(request(port, "POST", "/api/sessions", "club.example.evil.example",
          Map.of("Content-Type", "application/json"), create)));
      assertEquals("/s/" + forged.getString("code"), forged.getString("joinUrl"));
      JsonObject wrongPort = new JsonObject(body(request(port, "POST", "/api/sessions", "club.example:8443",
          Map.of("Content-Type", "application/json"), create)));
      assertEquals("/s/" + wrongPort.getString("code"), wrongPort.getString("joinUrl"));
    } finally {
      Nodes.await(node.close());
    }
  }

  /** One HTTP/1.1 exchange on a raw socket: the JDK's client will not send a Host of our choosing. */
  private static String request(int port, String method, String path, String host, Map<String, String> headers,
      String body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) head.append("Content-Length: ").append(bytes.length).append("\r\n");
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  /** The body of a 2xx answer (chunked or not); fails on any other status. */
  private static String body(String response) {
    String status = response.substring(0, response.indexOf("\r\n"));
    assertTrue(status.matches("HTTP/1\\.1 2\\d\\d .*"), response);
    int split = response.indexOf("\r\n\r\n");
    String head = response.substring(0, split).toLowerCase(java.util.Locale.ROOT);
    String rest = response.substring(split + 4);
    if (!head.contains("transfer-encoding: chunked")) return rest;
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (true) {
      int eol = rest.indexOf("\r\n", i);
      int size = Integer.parseInt(rest.substring(i, eol).trim(), 16);
      if (size == 0) return b.toString();
      b.append(rest, eol + 2, eol + 2 + size); // ASCII-safe for these answers (JSON, SVG, calendar)
      i = eol + 2 + size + 2;
    }
  }
}

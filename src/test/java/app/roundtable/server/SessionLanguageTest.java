package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md v1.2 "the language of what the server writes": a session created in German has a
 * German agenda and ground rules, keeps German in its follow-up, and its record is written in the
 * reader's language ({@code ?lang=}, then {@code Accept-Language}, then the session's own).
 */
class SessionLanguageTest extends InMemoryNodeTest {

  private JsonObject create(String language) {
    Http.Response r = http.post("/api/sessions",
        new JsonObject().put("title", "Führung im Wandel").put("template", "first").put("language", language).encode(), Map.of());
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  @Test
  void aGermanSessionIsWrittenInGermanAndItsFollowUpToo() {
    JsonObject created = create("de");
    WsClient fac = WsClient.connect(clients, node.port());
    JsonObject state = fac.joinWithKey(created.getString("code"), "Fae", created.getString("facilitatorKey")).getJsonObject("state");
    JsonObject first = state.getJsonObject("agenda").getJsonArray("items").getJsonObject(0);
    assertEquals("Begrüßung und Gesprächsregeln", first.getString("title"));
    assertEquals("Welche unserer Gesprächsregeln ist dir heute besonders wichtig?", first.getString("prompt"));
    assertEquals("Was hier gesagt wird, bleibt hier", state.getJsonArray("groundRules").getString(0));
    fac.close();

    Map<String, String> key = Map.of("X-Facilitator-Key", created.getString("facilitatorKey"));
    Http.Response fu = http.post("/api/sessions/" + created.getString("code") + "/follow-up", "{}", key);
    assertEquals(201, fu.status(), fu.body());
    WsClient next = WsClient.connect(clients, node.port());
    JsonObject later = next.joinWithKey(fu.json().getString("code"), "Fae", fu.json().getString("facilitatorKey")).getJsonObject("state");
    assertEquals("Führung im Wandel — Folgesitzung", later.getString("title"));
    assertEquals("Ankommensrunde", later.getJsonObject("agenda").getJsonArray("items").getJsonObject(1).getString("title"));
    next.close();
  }

  @Test
  void theRecordIsInTheReadersLanguageWithTheDate() {
    JsonObject created = create("de");
    String path = "/api/sessions/" + created.getString("code") + "/summary";
    String key = created.getString("facilitatorKey");
    Http.Response own = http.get(path, Map.of("X-Facilitator-Key", key, "Accept", "text/markdown"));
    assertEquals(200, own.status());
    assertTrue(own.body().contains("## Ideenwand") && own.body().contains("\nDatum: "), own.body());
    assertFalse(own.body().contains("data:image"), "the chart is its own download");
    Http.Response asked = http.get(path + "?lang=es", Map.of("X-Facilitator-Key", key, "Accept", "text/markdown", "Accept-Language", "en"));
    assertTrue(asked.body().contains("## Muro de ideas") && asked.body().contains("\nFecha: "), asked.body());
    Http.Response accepted = http.get(path, Map.of("X-Facilitator-Key", key, "Accept", "text/markdown",
        "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7"));
    assertTrue(accepted.body().contains("## Idea board") && accepted.body().contains("\nDate: "), accepted.body());
    // The template's words stay as the session was written: only the headings follow the reader.
    assertTrue(accepted.body().contains("| Begrüßung und Gesprächsregeln |"), accepted.body());
    Http.Response chart = http.get(path + "?lang=es", Map.of("X-Facilitator-Key", key, "Accept", "image/svg+xml"));
    assertEquals("image/svg+xml", chart.headers().firstValue("Content-Type").orElse(""));
    assertTrue(chart.headers().firstValue("Content-Disposition").orElse("").contains("-speaking.svg"));
    assertTrue(chart.body().contains("Registro de palabra"), chart.body());
    assertEquals("de", http.get(path, Map.of("X-Facilitator-Key", key)).json().getString("language"));
  }

  @Test
  void anUnknownLanguageIsRefused() {
    Http.Response r = http.post("/api/sessions", "{\"title\":\"T\",\"language\":\"fr\"}", Map.of());
    assertEquals(400, r.status());
    assertEquals("bad_request", r.json().getString("error"));
    assertEquals(400, http.post("/api/sessions", "{\"title\":\"T\",\"language\":7}", Map.of()).status());
    JsonObject created = create("es");
    String path = "/api/sessions/" + created.getString("code") + "/summary";
    Map<String, String> key = Map.of("X-Facilitator-Key", created.getString("facilitatorKey"));
    assertEquals(400, http.get(path + "?lang=fr", key).status());
    assertEquals(400, http.get(path + "?tz=Mars/Olympus", key).status());
    assertEquals(200, http.get(path + "?tz=Europe/Madrid", key).status());
    // Without a language, English.
    JsonObject plain = http.post("/api/sessions", "{\"title\":\"T\"}", Map.of()).json();
    assertEquals("en", http.get("/api/sessions/" + plain.getString("code") + "/summary",
        Map.of("X-Facilitator-Key", plain.getString("facilitatorKey"))).json().getString("language"));
  }
}

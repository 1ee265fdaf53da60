package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Calendars;
import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md v1.2 "Between the sessions" over real sockets and HTTP: the follow-up planned at the
 * close, its calendar file, and a move that every page (and the calendar) follows.
 */
class ScheduleTest extends InMemoryNodeTest {
  private static final long DAY = 86_400_000L;
  /** Whole minutes, as a date picker gives them; the .ics has second precision. */
  private static final long IN_TWO_WEEKS = (System.currentTimeMillis() + 14 * DAY) / 60_000 * 60_000;

  @Test
  void theFollowUpPlannedAtTheCloseHasACalendarFileThatFollowsAMove() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Peers", "first");
    WsClient ana = WsClient.connect(clients, node.port());
    ana.join(fac.code, "Ana");
    String id = fac.send("createFollowUp", "at", IN_TWO_WEEKS, "minutes", 75);
    JsonObject made = fac.next(m -> id.equals(m.getString("id")));
    String next = made.getString("code");

    assertEquals(404, http.get("/api/sessions/" + fac.code + "/calendar.ics").status(), "the first session has no date");
    Http.Response file = http.get("/api/sessions/" + next + "/calendar.ics");
    assertEquals(200, file.status());
    assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
    VEvent event = Calendars.onlyEvent(file.body());
    assertEquals(Instant.ofEpochMilli(IN_TWO_WEEKS), Calendars.instant(event, Property.DTSTART));
    assertEquals(Instant.ofEpochMilli(IN_TWO_WEEKS + 75 * 60_000), Calendars.instant(event, Property.DTEND));
    assertEquals(made.getString("joinUrl"), Calendars.value(event, Property.URL));
    assertTrue(Calendars.value(event, Property.DESCRIPTION).contains(made.getString("joinUrl")));
    assertEquals("Peers — follow-up", Calendars.value(event, Property.SUMMARY));
    assertEquals(List.of("-P1D", "-PT15M"), Calendars.alarmTriggers(event));

    // The follow-up's facilitator moves it: its state, the earlier session's link, and the file follow.
    WsClient host = WsClient.connect(clients, node.port());
    host.joinWithKey(next, "Fae", made.getString("facilitatorKey"));
    WsClient bo = WsClient.connect(clients, node.port());
    bo.join(next, "Bo");
    long moved = IN_TWO_WEEKS + DAY;
    assertEquals("forbidden", bo.refused("setSchedule", "at", moved, "minutes", 60).getString("code"));
    assertEquals("limit_exceeded", host.refused("setSchedule", "at", moved, "minutes", 600).getString("code"));
    assertEquals("limit_exceeded", host.refused("setSchedule", "at", moved + 400 * DAY, "minutes", 60).getString("code"));
    assertEquals("bad_request", host.refused("setSchedule", "at", moved).getString("code"));
    long v = host.command("setSchedule", "at", moved, "minutes", 60);
    bo.awaitVersion(v);
    assertEquals(new JsonObject().put("at", moved).put("minutes", 60), bo.latest.getJsonObject("scheduled"));
    JsonObject link = ana.state(s -> s.getJsonObject("followUp") != null
        && Long.valueOf(moved).equals(s.getJsonObject("followUp").getLong("at"))).getJsonObject("followUp");
    assertEquals(next, link.getString("code"));

    VEvent after = Calendars.onlyEvent(http.get("/api/sessions/" + next + "/calendar.ics").body());
    assertEquals(Calendars.value(event, Property.UID), Calendars.value(after, Property.UID), "the same event, moved");
    assertEquals("1", Calendars.value(after, Property.SEQUENCE));
    assertEquals(Instant.ofEpochMilli(moved), Calendars.instant(after, Property.DTSTART));
    assertEquals(Instant.ofEpochMilli(moved + 60 * 60_000), Calendars.instant(after, Property.DTEND));
    for (WsClient c : List.of(bo, host, ana, fac)) c.close();
  }

  @Test
  void overHttpTheKeyHolderPlansTheFollowUpOnceEvenAfterTheEnd() {
    JsonObject created = http.createSession("Ended group", "first");
    String code = created.getString("code");
    String key = created.getString("facilitatorKey");
    WsClient fac = WsClient.connect(clients, node.port());
    fac.joinWithKey(code, "Fae", key);
    fac.send("endSession");
    fac.nextOfType("closed");
    fac.close();
    Map<String, String> withKey = Map.of("X-Facilitator-Key", key);

    assertEquals(400, http.post("/api/sessions/" + code + "/follow-up", "{\"at\":\"soon\"}", withKey).status());
    assertEquals(400, http.post("/api/sessions/" + code + "/follow-up", "{\"at\":1.5}", withKey).status());
    Http.Response far = http.post("/api/sessions/" + code + "/follow-up",
        new JsonObject().put("at", IN_TWO_WEEKS + 500 * DAY).encode(), withKey);
    assertEquals(400, far.status());
    assertEquals("limit_exceeded", far.json().getString("error"));
    assertEquals(401, http.post("/api/sessions/" + code + "/follow-up", "{}", Map.of()).status());

    Http.Response made = http.post("/api/sessions/" + code + "/follow-up",
        new JsonObject().put("title", "Round two").put("at", IN_TWO_WEEKS).encode(), withKey);
    assertEquals(201, made.status(), made.body());
    String next = made.json().getString("code");
    JsonObject info = http.get("/api/sessions/" + code).json();
    assertEquals("ended", info.getString("status"));
    assertEquals(new JsonObject().put("code", next).put("joinUrl", made.json().getString("joinUrl"))
        .put("displayUrl", made.json().getString("displayUrl")).put("at", IN_TWO_WEEKS), info.getJsonObject("followUp"));
    assertEquals(new JsonObject().put("at", IN_TWO_WEEKS).put("minutes", 90),
        http.get("/api/sessions/" + next).json().getJsonObject("scheduled"), "the follow-up agenda's 90 minutes");

    Http.Response again = http.post("/api/sessions/" + code + "/follow-up", "{}", withKey);
    assertEquals(409, again.status());
    assertEquals("invalid_phase", again.json().getString("error"));

    // The earlier key opens the follow-up: its summary over HTTP, and the role on the socket.
    assertEquals(200, http.get("/api/sessions/" + next + "/summary", withKey).status());
    WsClient there = WsClient.connect(clients, node.port());
    assertTrue(there.joinWithKey(next, "Fae", key).getJsonObject("you").getBoolean("facilitator"));
    there.close();
    assertEquals(404, http.get("/api/sessions/" + code + "/calendar.ics").status());
    assertEquals(404, http.get("/api/sessions/0000000000000/calendar.ics").status());
  }
}

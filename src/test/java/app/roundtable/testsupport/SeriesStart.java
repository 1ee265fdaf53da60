package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The start of a group's series over real sockets: a first session "Series" where Fay facilitates
 * and Ana and Ben, each with their client's series identity, make one commitment each ("Ask before
 * advising", "Delegate one decision"); then its follow-up, made over HTTP with the key. The first
 * session's sockets stay open, as a group's would while the facilitator makes the next meeting,
 * until {@link #close}.
 */
public record SeriesStart(String next, String nextKey, List<WsClient> firstSessionSockets) {
  public static SeriesStart begin(Http http, Vertx clients, int port, String anaIdentity, String benIdentity) {
    JsonObject first = http.createSession("Series", "first");
    String code = first.getString("code");
    String key = first.getString("facilitatorKey");
    WsClient fac = WsClient.connect(clients, port);
    fac.joinWithKey(code, "Fay", key);
    WsClient ana = WsClient.connect(clients, port);
    ana.joinWithIdentity(code, "Ana", anaIdentity);
    WsClient ben = WsClient.connect(clients, port);
    ben.joinWithIdentity(code, "Ben", benIdentity);
    ana.command("addCommitment", "text", "Ask before advising");
    ben.command("addCommitment", "text", "Delegate one decision");
    Http.Response fu = http.post("/api/sessions/" + code + "/follow-up", "{}", Map.of("X-Facilitator-Key", key));
    assertEquals(201, fu.status(), fu.body());
    return new SeriesStart(fu.json().getString("code"), fu.json().getString("facilitatorKey"), List.of(fac, ana, ben));
  }

  /** Closes the first session's sockets. */
  public void close() {
    for (WsClient c : firstSessionSockets) c.close();
  }
}

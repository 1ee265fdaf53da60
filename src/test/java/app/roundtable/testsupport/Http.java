package app.roundtable.testsupport;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Blocking HTTP calls against a node on localhost. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  public Response get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
        .timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    return send(b.build());
  }

  public Response get(String path) {
    return get(path, Map.of());
  }

  public Response post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json");
    headers.forEach(b::setHeader);
    return send(b.build());
  }

  public Response delete(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE()
        .timeout(Duration.ofSeconds(10));
    headers.forEach(b::setHeader);
    return send(b.build());
  }

  /** Creates a session and returns the 201 body (code, joinUrl, displayUrl, facilitatorKey). */
  public JsonObject createSession(String title, String template) {
    Response r = post("/api/sessions", new JsonObject().put("title", title).put("template", template).encode(), Map.of());
    if (r.status() != 201) throw new AssertionError("create failed: " + r.status() + " " + r.body());
    return r.json();
  }

  private static Response send(HttpRequest req) {
    try {
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

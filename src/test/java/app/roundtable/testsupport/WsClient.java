package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A blocking WebSocket test client that records every frame it receives. Tests take frames in
 * order: strictly with {@link #expect} (the very next frame must be of that type) and
 * {@link #assertExhausted} (nothing received is left untaken), as OkHttp's test recorder does, or
 * leniently with {@link #next(Predicate)}, which skips what does not match. {@link #assertNoMore}
 * also waits for late frames. Every frame ever received stays in {@link #all()} (for anonymity
 * scans and version-order checks).
 */
public final class WsClient implements AutoCloseable {
  private static final long WAIT_MS = 5000;
  private final WebSocket ws;
  private final WebSocketClient client;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<String> raw = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Short closeStatus;
  public String memberId;
  public String resume;
  public long v;
  /** The newest public state received (updated as frames arrive, before they are taken). */
  public volatile JsonObject latest;
  /** The highest version received in a welcome or state frame. */
  public volatile long latestV = -1;
  /** The newest private view received. */
  public volatile JsonObject you;

  private WsClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(t -> {
      raw.add(t);
      JsonObject m = new JsonObject(t);
      String type = m.getString("type");
      if ("state".equals(type) || "welcome".equals(type)) {
        latest = m.getJsonObject("state");
        latestV = Math.max(latestV, m.getLong("v"));
      }
      if ("you".equals(type) || "welcome".equals(type)) you = m.getJsonObject("you");
      inbox.add(m);
    });
    ws.closeHandler(x -> closeStatus = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
  }

  public static WsClient connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  public static WsClient connect(Vertx vertx, int port, String origin) {
    WebSocketClient c = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 20));
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    if (origin != null) o.addHeader("Origin", origin);
    try {
      WebSocket ws = c.connect(o).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      return new WsClient(c, ws);
    } catch (Exception e) {
      throw new IllegalStateException("could not connect: " + e.getMessage(), e);
    }
  }

  /**
   * Prefix of this client's command ids: random per client, as PROTOCOL v1.2 asks of every client,
   * because two sockets of one member (a resume, the key on a second device) must not reuse ids.
   */
  public String idPrefix = "c" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + "-";

  public String nextId() {
    return idPrefix + ids.incrementAndGet();
  }

  public void sendRaw(String text) {
    ws.writeTextMessage(text);
  }

  public void sendBinary(byte[] bytes) {
    ws.writeBinaryMessage(Buffer.buffer(bytes));
  }

  /** One text message sent as several frames: the first, continuations, the last with FIN. */
  public void sendFragments(String... parts) {
    for (int i = 0; i < parts.length; i++) {
      boolean fin = i == parts.length - 1;
      ws.writeFrame(i == 0 ? io.vertx.core.http.WebSocketFrame.textFrame(parts[i], fin)
          : io.vertx.core.http.WebSocketFrame.continuationFrame(Buffer.buffer(parts[i]), fin));
    }
  }

  /** Sends a command with a fresh id and returns the id. */
  public String send(JsonObject command) {
    String id = command.getString("id");
    if (id == null) {
      id = nextId();
      command = command.copy().put("id", id);
    }
    pace();
    ws.writeTextMessage(command.encode());
    return id;
  }

  private long lastSend;

  /** Stays under the server's 20 commands/s per connection, as a person clicking would. */
  private synchronized void pace() {
    long wait = lastSend + 55 - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    lastSend = System.currentTimeMillis();
  }

  public String send(String type, Object... fields) {
    JsonObject o = new JsonObject().put("type", type);
    for (int i = 0; i < fields.length; i += 2) o.put((String) fields[i], fields[i + 1]);
    return send(o);
  }

  /** Sends a command and waits for its ack (returning its v), failing on an error. */
  public long command(String type, Object... fields) {
    String id = send(type, fields);
    JsonObject reply = next(m -> id.equals(m.getString("id")));
    if (!"ack".equals(reply.getString("type"))) fail(type + " refused: " + reply.encode());
    return reply.getLong("v");
  }

  /** Sends a command and returns the error it must get. */
  public JsonObject refused(String type, Object... fields) {
    String id = send(type, fields);
    JsonObject reply = next(m -> id.equals(m.getString("id")));
    assertEquals("error", reply.getString("type"), "expected an error for " + type + " but got " + reply.encode());
    return reply;
  }

  /** Creates a session over HTTP on {@code port} and joins it as its facilitator, named "Fae". */
  public static WsClient facilitator(Vertx vertx, int port, String title, String template) {
    JsonObject created = new Http(port).createSession(title, template);
    WsClient c = connect(vertx, port);
    c.code = created.getString("code");
    c.facilitatorKey = created.getString("facilitatorKey");
    c.joinWithKey(c.code, "Fae", c.facilitatorKey);
    return c;
  }

  /** The member with this id in a public state, or null. */
  public static JsonObject member(JsonObject state, String id) {
    for (Object m : state.getJsonArray("members")) if (((JsonObject) m).getString("id").equals(id)) return (JsonObject) m;
    return null;
  }

  /** Set by {@link #facilitator}: the session's code and key. */
  public String code;
  public String facilitatorKey;

  public JsonObject join(String code, String name) {
    send(new JsonObject().put("type", "join").put("code", code).put("name", name));
    return welcomed();
  }

  /** Joins by name carrying the client's series identity (PROTOCOL v1.1, docs/protocol.md). */
  public JsonObject joinWithIdentity(String code, String name, String identity) {
    send(new JsonObject().put("type", "join").put("code", code).put("name", name).put("identity", identity));
    return welcomed();
  }

  public JsonObject joinWithKey(String code, String name, String key) {
    send(new JsonObject().put("type", "join").put("code", code).put("name", name).put("key", key));
    return welcomed();
  }

  public JsonObject resume(String code, String token) {
    send(new JsonObject().put("type", "join").put("code", code).put("resume", token));
    return welcomed();
  }

  public JsonObject joinDisplay(String code) {
    send(new JsonObject().put("type", "join").put("code", code).put("role", "display"));
    return welcomed();
  }

  private JsonObject welcomed() {
    JsonObject w = next();
    assertEquals("welcome", w.getString("type"), "expected welcome, got " + w.encode());
    memberId = w.getString("memberId");
    resume = w.getString("resume");
    v = w.getLong("v");
    return w;
  }

  /** The next frame, whatever it is. */
  public JsonObject next() {
    try {
      JsonObject m = inbox.poll(WAIT_MS, TimeUnit.MILLISECONDS);
      assertNotNull(m, "no frame within " + WAIT_MS + " ms");
      if (m.containsKey("v") && ("state".equals(m.getString("type")))) v = m.getLong("v");
      return m;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Skips frames until one matches (the skipped ones stay in {@link #all()}). */
  public JsonObject next(Predicate<JsonObject> p) {
    long end = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < end) {
      try {
        JsonObject m = inbox.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (m == null) break;
        if ("state".equals(m.getString("type"))) v = m.getLong("v");
        if (p.test(m)) return m;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    fail("no matching frame within " + WAIT_MS + " ms; received: " + tail());
    return null;
  }

  /** Waits for a state frame whose state satisfies p; returns that state. */
  public JsonObject state(Predicate<JsonObject> p) {
    return next(m -> "state".equals(m.getString("type")) && p.test(m.getJsonObject("state"))).getJsonObject("state");
  }

  public JsonObject nextOfType(String type) {
    return next(m -> type.equals(m.getString("type")));
  }

  /** Waits (without taking frames) until a state of at least version {@code v} has arrived. */
  public void awaitVersion(long v) {
    long end = System.currentTimeMillis() + WAIT_MS;
    while (latestV < v) {
      if (System.currentTimeMillis() > end) fail("version " + v + " never arrived; have " + latestV);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The very next frame, which must be of {@code type}: anything else received first fails. */
  public JsonObject expect(String type) {
    JsonObject m = next();
    assertEquals(type, m.getString("type"), "expected a " + type + " frame, got " + m.encode());
    return m;
  }

  /** Fails if any frame was received and not taken (without waiting for more). */
  public void assertExhausted() {
    JsonObject m = inbox.peek();
    if (m != null) fail("unexpected frame (" + inbox.size() + " untaken): " + m.encode());
  }

  /** Fails if any frame arrives within {@code ms}. */
  public void assertNoMore(long ms) {
    try {
      JsonObject m = inbox.poll(ms, TimeUnit.MILLISECONDS);
      if (m != null) fail("unexpected frame: " + m.encode());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public void drain() {
    inbox.clear();
  }

  public List<String> all() {
    synchronized (raw) {
      return new ArrayList<>(raw);
    }
  }

  /** Waits until the server closed the socket and returns the close status. */
  public short awaitClosed() {
    long end = System.currentTimeMillis() + WAIT_MS;
    while (closeStatus == null && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    assertNotNull(closeStatus, "socket was not closed");
    return closeStatus;
  }

  public boolean isClosed() {
    return closeStatus != null || ws.isClosed();
  }

  private String tail() {
    List<String> a = all();
    return a.subList(Math.max(0, a.size() - 5), a.size()).toString();
  }

  @Override
  public void close() {
    if (!ws.isClosed()) ws.close();
    client.close();
  }

  /** Goes away without {@code leave}, as a network blip or a closed laptop lid would. */
  public void drop() {
    ws.close();
  }
}

package app.roundtable.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket of the flood scenario ({@link Flood}): joins, sends commands with ids and completes
 * each with its reply (ack or error), and counts what it receives. State frames (up to ~130 KB,
 * fragmented by the server) are never parsed: their type and version are read from the first
 * bytes; only a client asked to {@link #keepLatest} keeps the newest whole state message.
 */
final class FloodClient {
  /** A command's answer: an ack with its version, or an error with its code; when it arrived. */
  record Reply(boolean ack, long v, String code, long sent, long arrived) {
    long micros() {
      return Math.max(0, (arrived - sent) / 1000);
    }
  }

  private record Pending(long sent, CompletableFuture<Reply> reply) {}

  final String role;
  final String name;
  final Context ctx;
  private WebSocket ws;
  volatile String memberId;
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong stateMessages = new AtomicLong();
  /** Errors without an id of ours (a frame the server dropped before reading its id). */
  final AtomicLong strayErrors = new AtomicLong();
  volatile boolean closedByServer;
  volatile String closeReason;
  volatile boolean keepLatest;
  /** The newest state version this socket began to receive. */
  volatile long lastV = -1;
  /** The newest whole state (or welcome) message while {@link #keepLatest}. */
  volatile Buffer latest;
  private Buffer assembling;
  /** The type letter of the message being received (its 10th byte). */
  private byte kind;
  private volatile boolean closing;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();

  FloodClient(String role, String name, Context ctx) {
    this.role = role;
    this.name = name;
    this.ctx = ctx;
  }

  /** Connects and joins (with the key when given); completes on the welcome. */
  CompletableFuture<Void> join(WebSocketClient wc, String host, int port, String code, String key) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ctx.runOnContext(v -> {
      Promise<Void> welcomed = Promise.promise();
      wc.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws")).compose(w -> {
        ws = w;
        w.frameHandler(f -> onFrame(f, welcomed));
        w.exceptionHandler(e -> { });
        w.closeHandler(x -> {
          if (!welcomed.future().isComplete()) welcomed.tryFail("closed before welcome");
          else if (!closing) {
            closedByServer = true;
            closeReason = w.closeStatusCode() + " " + w.closeReason();
          }
        });
        JsonObject j = new JsonObject().put("type", "join").put("id", "j").put("code", code).put("name", name);
        if (key != null) j.put("key", key);
        w.writeTextMessage(j.encode());
        return welcomed.future();
      }).onComplete(r -> {
        if (r.succeeded()) done.complete(null);
        else done.completeExceptionally(r.cause());
      });
    });
    return done;
  }

  /** Sends {@code type} with {@code fields}; the future completes with its reply (on the client's loop). */
  CompletableFuture<Reply> send(String type, JsonObject fields) {
    String id = name.replace(' ', '-') + "-" + seq.incrementAndGet();
    JsonObject j = fields.copy().put("type", type).put("id", id);
    String text = j.encode();
    CompletableFuture<Reply> f = new CompletableFuture<>();
    ctx.runOnContext(v -> {
      pending.put(id, new Pending(System.nanoTime(), f));
      ws.writeTextMessage(text);
    });
    return f;
  }

  /** Forgets commands that were never answered (the end of a run). */
  int forgetPending() {
    int n = pending.size();
    pending.clear();
    return n;
  }

  void close() {
    closing = true;
    ctx.runOnContext(v -> {
      if (ws != null && !ws.isClosed()) ws.close();
    });
  }

  private void onFrame(WebSocketFrame f, Promise<Void> welcomed) {
    long now = System.nanoTime();
    Buffer b = f.binaryData();
    bytes.addAndGet(b.length() + 2);
    if (f.isContinuation()) {
      if (assembling != null) assembling.appendBuffer(b);
    } else if (f.isText() && b.length() >= 10) {
      // {"type":"X...  : the 10th byte tells the message type apart.
      kind = b.getByte(9);
      boolean collect = kind == 'w' || (kind == 's' && keepLatest);
      assembling = collect ? Buffer.buffer(f.isFinal() ? b.length() : 256 * 1024).appendBuffer(b) : null;
      if (kind == 's') lastV = BenchSession.number(b, 15);
      if (kind == 'a' || kind == 'e') reply(new JsonObject(b), now, welcomed); // small: never fragmented
    } else {
      return;
    }
    if (!f.isFinal()) return;
    if (kind == 's') {
      stateMessages.incrementAndGet();
      if (assembling != null) latest = assembling;
    } else if (kind == 'w') {
      JsonObject m = new JsonObject(assembling);
      memberId = m.getString("memberId");
      if (keepLatest) latest = assembling;
      welcomed.tryComplete();
    }
    assembling = null;
  }

  private void reply(JsonObject m, long now, Promise<Void> welcomed) {
    String id = m.getString("id");
    if ("ack".equals(m.getString("type"))) {
      complete(id, new Reply(true, m.getLong("v"), null, 0, now));
    } else if ("j".equals(id)) {
      welcomed.tryFail("join refused: " + m.getString("code") + " " + m.getString("message"));
    } else if (id == null || !pending.containsKey(id)) {
      strayErrors.incrementAndGet();
    } else {
      complete(id, new Reply(false, -1, m.getString("code"), 0, now));
    }
  }

  private void complete(String id, Reply r) {
    Pending p = id == null ? null : pending.remove(id);
    if (p == null) return;
    p.reply().complete(new Reply(r.ack(), r.v(), r.code(), p.sent(), r.arrived()));
  }

  /** Blocks until the reply (for set-up code on a plain thread). */
  static Reply await(CompletableFuture<Reply> f) {
    try {
      return f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no reply in 60 s", e);
    }
  }
}

package app.roundtable.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One session under load and its clients, all on one generator event loop ({@link Loop}).
 *
 * <p>Latency is matched on versions: a command carries a numeric {@code id}; its {@code ack}
 * names the version {@code v} it became; every client's {@code state} frame for that {@code v} is
 * counted as it arrives. When all the session's clients hold {@code v} and its send time is known,
 * "command → every client" is the last arrival minus the send, all on this process's
 * {@code System.nanoTime}. Frames are matched on their bytes (no JSON parsing of the ~2 KB
 * states), so the generator stays cheap next to the server on the same cores.
 */
final class BenchSession {
  static final int RING = 1024;
  private static final int MASK = RING - 1;

  final int index;
  final Loop loop;
  final String code;
  final String key;
  final List<Client> clients = new ArrayList<>();
  /** Clients that must hold a version for it to count as delivered; 0 until the session is armed. */
  int expected;
  Client facilitator;
  private long seq;

  // by command sequence number (the id)
  private final long[] cmdSeq = new long[RING];
  private final long[] cmdSent = new long[RING];
  private final long[] cmdIntended = new long[RING];
  private final boolean[] cmdRecord = new boolean[RING];
  // by version
  private final long[] vTag = new long[RING];
  private final int[] vArrivals = new int[RING];
  private final long[] vLast = new long[RING];
  private final long[] vSent = new long[RING];
  private final long[] vIntended = new long[RING];
  private final boolean[] vRecord = new boolean[RING];
  private final boolean[] vDone = new boolean[RING];

  BenchSession(int index, Loop loop, String code, String key) {
    this.index = index;
    this.loop = loop;
    this.code = code;
    this.key = key;
    java.util.Arrays.fill(vTag, -1);
    java.util.Arrays.fill(cmdSeq, -1);
  }

  void arm() {
    expected = clients.size();
  }

  /** One change of public state by the facilitator: a new prompt each time (fixed length). */
  void sendChange(long intended) {
    long id = ++seq;
    String prompt = String.format("load %010d", id);
    send(facilitator, id, "{\"type\":\"setBoardPrompt\",\"id\":\"" + id + "\",\"prompt\":\"" + prompt + "\"}",
        intended, true);
  }

  /** A command of {@code type} (no fields) from {@code c}; {@code record} puts its latency in the histogram. */
  void sendSimple(Client c, String type, boolean record) {
    long id = ++seq;
    send(c, id, "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}", System.nanoTime(), record);
  }

  private void send(Client c, long id, String text, long intended, boolean record) {
    int i = (int) (id & MASK);
    boolean rec = record && loop.measuring && expected > 0;
    cmdSeq[i] = id;
    cmdIntended[i] = intended;
    cmdRecord[i] = rec;
    if (rec) loop.recordedCommands++;
    cmdSent[i] = System.nanoTime();
    c.ws.writeTextMessage(text);
  }

  private int slot(long v) {
    int i = (int) (v & MASK);
    if (vTag[i] != v) {
      vTag[i] = v;
      vArrivals[i] = 0;
      vSent[i] = 0;
      vDone[i] = false;
      vRecord[i] = false;
    }
    return i;
  }

  void onState(Client c, long v, long now, int bytes) {
    if (loop.measuring) {
      loop.deliveries++;
      loop.deliveredBytes += bytes;
      if (c.lastV >= 0 && v > c.lastV + 1) loop.gaps++;
    }
    if (v > c.lastV) c.lastV = v;
    int i = slot(v);
    vArrivals[i]++;
    vLast[i] = now;
    complete(i);
  }

  void onAck(long id, long v) {
    int c = (int) (id & MASK);
    if (cmdSeq[c] != id) return;
    cmdSeq[c] = -1;
    int i = slot(v);
    if (vSent[i] != 0) return; // the command changed nothing: its ack names a version already matched
    vSent[i] = cmdSent[c];
    vIntended[i] = cmdIntended[c];
    vRecord[i] = cmdRecord[c];
    complete(i);
  }

  void onError(String idText, String code) {
    loop.error(code);
    try {
      long id = Long.parseLong(idText);
      int c = (int) (id & MASK);
      if (cmdSeq[c] == id) cmdSeq[c] = -1;
    } catch (NumberFormatException e) {
      // not one of ours
    }
  }

  private void complete(int i) {
    if (vDone[i] || vSent[i] == 0 || expected == 0 || vArrivals[i] < expected) return;
    vDone[i] = true;
    if (!vRecord[i]) return;
    loop.completed++;
    long us = Math.max(0, (vLast[i] - vSent[i]) / 1000);
    loop.fromSend.recordValue(us);
    int sec = (int) ((vSent[i] - loop.windowStart) / 1_000_000_000L);
    if (sec >= 0 && sec < loop.secondMax.length && us > loop.secondMax[sec]) loop.secondMax[sec] = us;
    loop.fromSchedule.recordValue(Math.max(0, (vLast[i] - vIntended[i]) / 1000));
  }

  /** One WebSocket of this session. Role: "facilitator", "member" or "display". */
  final class Client {
    final String role;
    final String name;
    WebSocket ws;
    /** Set when the generator closes it itself (end of run). */
    boolean closing;
    long lastV = -1;
    String memberId;
    private Promise<Void> joined;

    Client(String role, String name) {
      this.role = role;
      this.name = name;
    }

    BenchSession session() {
      return BenchSession.this;
    }

    /** Connects and joins; completes on the welcome. Call on the session's loop. */
    Future<Void> join(WebSocketClient wc, String host, int port) {
      WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws");
      return wc.connect(o).compose(w -> {
        ws = w;
        joined = Promise.promise();
        w.frameHandler(this::onFrame);
        w.exceptionHandler(e -> { });
        w.closeHandler(v -> {
          if (!joined.future().isComplete()) joined.tryFail("closed before welcome");
          else if (!closing) loop.closedSockets++;
        });
        JsonObject j = new JsonObject().put("type", "join").put("id", "j").put("code", code);
        if ("display".equals(role)) j.put("role", "display");
        else j.put("name", name);
        if ("facilitator".equals(role)) j.put("key", key);
        w.writeTextMessage(j.encode());
        return joined.future();
      });
    }

    private void onFrame(WebSocketFrame f) {
      if (!f.isText()) return;
      long now = System.nanoTime();
      Buffer b = f.binaryData();
      // {"type":"X...  : the 10th byte tells the message type apart.
      switch (b.getByte(9)) {
        case 's' -> onState(this, number(b, 15), now, b.length());
        case 'a' -> {
          int idStart = 20;
          int idEnd = idStart;
          while (idEnd < b.length() && b.getByte(idEnd) != '"') idEnd++;
          long id = digits(b, idStart, idEnd);
          if (id >= 0) onAck(id, number(b, idEnd));
        }
        case 'w' -> {
          JsonObject m = new JsonObject(b);
          lastV = m.getLong("v");
          memberId = m.getString("memberId");
          joined.tryComplete();
        }
        case 'e' -> {
          JsonObject m = new JsonObject(b);
          String id = m.getString("id");
          if ("j".equals(id)) joined.tryFail("join refused: " + m.getString("code") + " " + m.getString("message"));
          else onError(id, m.getString("code"));
        }
        default -> { } // you, pong, closed
      }
    }
  }

  /** The number after the first {@code "v":} at or after {@code from}. */
  static long number(Buffer b, int from) {
    int n = b.length();
    for (int i = from; i + 4 < n; i++) {
      if (b.getByte(i) == '"' && b.getByte(i + 1) == 'v' && b.getByte(i + 2) == '"' && b.getByte(i + 3) == ':') {
        int s = i + 4;
        int e = s;
        while (e < n && b.getByte(e) >= '0' && b.getByte(e) <= '9') e++;
        return digits(b, s, e);
      }
    }
    return -1;
  }

  private static long digits(Buffer b, int s, int e) {
    if (e <= s) return -1;
    long v = 0;
    for (int i = s; i < e; i++) {
      byte c = b.getByte(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}

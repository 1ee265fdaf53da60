package app.roundtable.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak client that keeps the contract's books on versions: it joins, changes the session at a
 * steady pace from the moment it is welcomed (raising and lowering its hand), and counts every
 * {@code state} whose {@code v} is not exactly one more than the last it had, unless it had asked
 * for {@code sync} (it asks when it sees a gap, as a real client does, and so recovers). Runs on
 * one event loop of the test's Vert.x: no locks; the counters are read once the run is over.
 */
public final class GapWatcher {
  /** Shared totals over every watcher of a run. */
  public static final class Totals {
    public final AtomicLong states = new AtomicLong();
    public final AtomicLong gaps = new AtomicLong();
    public final AtomicLong backwards = new AtomicLong();
    public final AtomicLong acks = new AtomicLong();
    public final AtomicLong errors = new AtomicLong();
    /** {@code unavailable} answers (the server's 2 s deadline passed): retried or synced, as a client does. */
    public final AtomicLong unavailable = new AtomicLong();
    public final StringBuffer firstProblems = new StringBuffer();

    void problem(String what) {
      if (firstProblems.length() < 2000) firstProblems.append(what).append('\n');
    }
  }

  private final Vertx vertx;
  private final Totals totals;
  private final String name;
  private WebSocketClient client;
  private WebSocket ws;
  private int ids;
  private boolean handUp;
  /** The id of the sync this client sent after a gap, until its ack: jumps are allowed meanwhile. */
  private String syncId;
  /** Highest version received (welcome, state); read after the run. */
  public volatile long last = -1;
  public volatile boolean welcomed;

  public GapWatcher(Vertx vertx, Totals totals, String name) {
    this.vertx = vertx;
    this.totals = totals;
    this.name = name;
  }

  /**
   * Connects from loopback address {@code source} (so the per-address join budget is not one for
   * all), joins, and from its welcome on sends one change about every {@code periodMs} (jittered).
   */
  public io.vertx.core.Future<Void> start(String source, int port, JsonObject join, long periodMs) {
    // Held in a field: Vert.x closes a client that is no longer referenced, and its sockets with it.
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(source)
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")).map(w -> {
      ws = w;
      w.textMessageHandler(t -> onText(new JsonObject(t), join, periodMs));
      w.writeTextMessage(join.encode());
      return null;
    });
  }

  private void onText(JsonObject m, JsonObject join, long periodMs) {
    switch (m.getString("type")) {
      case "welcome" -> {
        last = m.getLong("v");
        welcomed = true;
        schedule(periodMs);
      }
      case "state" -> onState(m.getLong("v"));
      case "ack" -> {
        if (m.getString("id").equals(syncId)) syncId = null;
        else totals.acks.incrementAndGet();
      }
      case "error" -> {
        if ("unavailable".equals(m.getString("code"))) {
          // Outcome unknown: a real client joins again, or syncs before it goes on.
          totals.unavailable.incrementAndGet();
          if (!welcomed) vertx.setTimer(200, t -> ws.writeTextMessage(join.encode()));
          else askForSync();
          return;
        }
        totals.errors.incrementAndGet();
        totals.problem(name + " error " + m.encode());
      }
      default -> {
        // you, pong: not versions of the public state
      }
    }
  }

  private void onState(long v) {
    totals.states.incrementAndGet();
    if (v == last && syncId != null) return; // the answer to its sync: the state it has, again
    if (v <= last) {
      totals.backwards.incrementAndGet();
      totals.problem(name + " got v" + v + " after v" + last);
      return;
    }
    if (v != last + 1 && syncId == null) {
      totals.gaps.incrementAndGet();
      totals.problem(name + " jumped from v" + last + " to v" + v + " without asking for sync");
      askForSync();
    }
    last = v;
  }

  private void askForSync() {
    if (syncId != null) return;
    syncId = name + "-sync-" + (++ids);
    ws.writeTextMessage(new JsonObject().put("type", "sync").put("id", syncId).encode());
  }

  private void schedule(long periodMs) {
    long delay = 1 + ThreadLocalRandom.current().nextLong(2 * periodMs);
    vertx.setTimer(delay, t -> {
      if (stopped) return;
      handUp = !handUp;
      ws.writeTextMessage(new JsonObject().put("type", handUp ? "raiseHand" : "lowerHand")
          .put("id", name + "-" + (++ids)).encode());
      schedule(periodMs);
    });
  }

  /** Stops changing the session (the socket stays open to receive the last versions). */
  public void stopChanging() {
    stopped = true;
  }

  private volatile boolean stopped;
}

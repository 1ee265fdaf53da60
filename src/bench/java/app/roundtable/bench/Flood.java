package app.roundtable.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The review's flood as a benchmark (issue 21): one session; ten names from one link holder (one
 * source address) each add five commitments of maximum-length text and a maximum-length note, then
 * rename in a loop as fast as a socket may send (20 commands a second, the per-connection limit).
 * One member reads through a 1 MB/s line ({@link SlowLine}); the facilitator changes the board's
 * prompt every 200 ms; four other members raise and lower a hand once a second.
 *
 * <p>Measured in four phases, each its own window: quiet with the small state (the baseline);
 * while the attackers build the large state; quiet with the large state (the baseline the flood
 * compares with); the flood. Per phase: the facilitator's command → ack latency and command →
 * that version on the slow member, the members' command → ack latency, what was refused, the
 * attackers' commands accepted against refused, and per socket the state frames and bytes a
 * second. Whether the slow member stayed connected, and every socket the server closed.
 *
 * <p>The facilitator and the members are on one generator event loop, the attackers on another,
 * so that reading the attackers' 130 KB states does not delay the facilitator's clock; the slow
 * line is a thread of its own. All of it shares the machine's cores with the server.
 */
public final class Flood {

  /** What to run; public for the smoke test, the CLI fills it from flags. */
  public static final class Options {
    public String target = "127.0.0.1:8080";
    public int attackers = 10;
    public int commitmentsEach = 5;
    public int members = 4;
    public long slowBytesPerSecond = 1_000_000;
    public int slowReceiveBuffer = 16 * 1024;
    public long commandMs = 200;
    public long memberCommandMs = 1000;
    public int renamesPerSecond = 20;
    /** Characters of each commitment's text and note: the limit (280), as emoji (four bytes each). */
    public int textChars = 280;
    public int warmupSec = 3;
    public int durationSec = 10;
    public List<Long> serverPids = List.of();
    public String label = "flood";
    public boolean quiet;
  }

  /** Socket groups whose traffic is reported per socket. */
  enum Group { FACILITATOR, MEMBER, SLOW, ATTACKER }

  /** What one phase measured. Latencies in microseconds. */
  public static final class Phase {
    public final String name;
    public double seconds;
    public long stateBytes;
    public final Histogram facilitatorAck = Loop.newHistogram();
    public final Histogram facilitatorToSlow = Loop.newHistogram();
    public long facilitatorSent;
    public long facilitatorAcked;
    /** Acked commands whose version had not reached the slow member by the end of the run. */
    public long notAtSlow;
    public final Map<String, Long> facilitatorRefused = new TreeMap<>();
    public final Histogram memberAck = Loop.newHistogram();
    public long memberSent;
    public long memberAcked;
    public final Map<String, Long> memberRefused = new TreeMap<>();
    public long attackerSent;
    public long attackerAccepted;
    public long attackerRateLimited;
    public final Map<String, Long> attackerOther = new TreeMap<>();
    /** Per group: state messages and bytes per socket per second. */
    public final double[] framesPerSec = new double[Group.values().length];
    public final double[] bytesPerSec = new double[Group.values().length];
    public double serverCores = Double.NaN;
    /** At the phase's end: versions the facilitator had that the slow member had not read yet. */
    public long slowBehind;
    final List<long[]> facilitatorVersions = new ArrayList<>();
    private final long[] messages0 = new long[Group.values().length];
    private final long[] bytes0 = new long[Group.values().length];
    private long t0;
    private long[] cpu0;

    Phase(String name) {
      this.name = name;
    }

    synchronized void facilitator(FloodClient.Reply r) {
      if (r.ack()) {
        facilitatorAcked++;
        facilitatorAck.recordValue(r.micros());
        facilitatorVersions.add(new long[] {r.sent(), r.v()});
      } else {
        facilitatorRefused.merge(r.code(), 1L, Long::sum);
      }
    }

    synchronized void member(FloodClient.Reply r) {
      if (r.ack()) {
        memberAcked++;
        memberAck.recordValue(r.micros());
      } else {
        memberRefused.merge(r.code(), 1L, Long::sum);
      }
    }

    synchronized void attacker(FloodClient.Reply r) {
      if (r.ack()) attackerAccepted++;
      else if ("rate_limited".equals(r.code())) attackerRateLimited++;
      else attackerOther.merge(r.code(), 1L, Long::sum);
    }

    synchronized void sent(Group g) {
      switch (g) {
        case FACILITATOR -> facilitatorSent++;
        case MEMBER -> memberSent++;
        default -> attackerSent++;
      }
    }
  }

  /** The whole run: its phases in order, the slow member's fate, and every socket the server closed. */
  public record Report(List<Phase> phases, boolean slowConnected, String slowClose, List<String> closed,
      long slowStates, long slowBytes, double buildSeconds) {}

  private final Options o;
  private final Vertx vertx;
  private final String host;
  private final int port;
  private Context roomCtx;
  private Context floodCtx;
  private FloodClient facilitator;
  private final List<FloodClient> members = new ArrayList<>();
  private final List<FloodClient> attackers = new ArrayList<>();
  private SlowLine slow;
  private final List<Phase> phases = new ArrayList<>();
  private volatile Phase current;
  private final List<Long> timers = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();
  private final Set<Object> noted = new HashSet<>();

  private Flood(Options o) {
    this.o = o;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    int c = o.target.lastIndexOf(':');
    this.host = o.target.substring(0, c);
    this.port = Integer.parseInt(o.target.substring(c + 1));
  }

  public static Report run(Options o) throws Exception {
    Flood f = new Flood(o);
    try {
      return f.go();
    } finally {
      if (f.slow != null) f.slow.stop();
      f.vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private Report go() throws Exception {
    roomCtx = newContext();
    floodCtx = newContext();
    String[] created = createSession();
    String code = created[0];
    // One source address each for the facilitator, the members and the slow member; one for all the
    // attackers (one link holder).
    facilitator = new FloodClient("facilitator", "Facilitator", roomCtx);
    facilitator.keepLatest = true; // for the state's size
    facilitator.join(wsClient(LoadGenerator.loopbackSource(0, 1)), host, port, code, created[1]).get(30, TimeUnit.SECONDS);
    List<CompletableFuture<Void>> joins = new ArrayList<>();
    for (int i = 0; i < o.members; i++) {
      FloodClient m = new FloodClient("member", "Member " + (i + 1), roomCtx);
      members.add(m);
      joins.add(m.join(wsClient(LoadGenerator.loopbackSource(1 + i, 1)), host, port, code, null));
    }
    WebSocketClient linkHolder = wsClient(LoadGenerator.loopbackSource(2 + o.members, 1));
    for (int i = 0; i < o.attackers; i++) {
      FloodClient a = new FloodClient("attacker", "Name " + i, floodCtx);
      attackers.add(a);
      joins.add(a.join(linkHolder, host, port, code, null));
    }
    for (CompletableFuture<Void> j : joins) j.get(30, TimeUnit.SECONDS);
    slow = new SlowLine(host, port, LoadGenerator.loopbackSource(1 + o.members, 1),
        new JsonObject().put("type", "join").put("code", code).put("name", "Slow line").encode(),
        o.slowBytesPerSecond, o.slowReceiveBuffer);
    slow.start();
    for (int i = 0; i < 300 && !slow.joined && slow.error == null && !slow.closed; i++) Thread.sleep(100);
    if (!slow.joined) throw new IllegalStateException("the slow member did not join: " + slow.error + " " + slow.closeReason);
    log("joined: facilitator, %d members, %d attackers, the slow member (%d B/s, %d B receive buffer)",
        o.members, o.attackers, o.slowBytesPerSecond, o.slowReceiveBuffer);

    startRoom();
    Thread.sleep(o.warmupSec * 1000L);
    begin("quiet, small state");
    Thread.sleep(o.durationSec * 1000L);
    begin("attackers build the large state");
    long b0 = System.nanoTime();
    build();
    double buildSeconds = (System.nanoTime() - b0) / 1e9;
    begin("quiet, large state");
    Thread.sleep(o.durationSec * 1000L);
    begin("flood: " + o.attackers + " names rename");
    startFlood();
    Thread.sleep(o.durationSec * 1000L);
    for (long t : timers) vertx.cancelTimer(t);
    timers.clear();
    begin(null);
    Thread.sleep(2000); // grace: the window's versions finish reaching the slow member
    for (Phase p : phases) resolveSlow(p);
    noteClosed("the end");
    boolean slowConnected = !slow.closed;
    Report r = new Report(List.copyOf(phases), slowConnected, slow.closeReason, List.copyOf(closed),
        slow.stateMessages.get(), slow.bytes.get(), buildSeconds);
    slow.stop();
    facilitator.close();
    for (FloodClient c : members) c.close();
    for (FloodClient c : attackers) c.close();
    return r;
  }

  // --- the room's own traffic ----------------------------------------------------------------

  /** The facilitator's command every {@code commandMs}; each member's every {@code memberCommandMs}, spread. */
  private void startRoom() {
    long[] n = {0};
    roomCtx.runOnContext(v -> {
      vertx.setPeriodic(o.commandMs, id -> {
        Phase p = current;
        if (p != null) p.sent(Group.FACILITATOR);
        facilitator.send("setBoardPrompt", new JsonObject().put("prompt", "Prompt " + (++n[0])))
            .thenAccept(r -> { if (p != null) p.facilitator(r); });
      });
      for (int i = 0; i < members.size(); i++) {
        FloodClient m = members.get(i);
        boolean[] up = {false};
        vertx.setTimer(1 + o.memberCommandMs * i / Math.max(1, members.size()), first ->
            vertx.setPeriodic(o.memberCommandMs, id -> {
              Phase p = current;
              if (p != null) p.sent(Group.MEMBER);
              up[0] = !up[0];
              m.send(up[0] ? "raiseHand" : "lowerHand", new JsonObject())
                  .thenAccept(r -> { if (p != null) p.member(r); });
            }));
      }
    });
  }

  /** Every attacker renames {@code renamesPerSecond} times a second, alternating two names. */
  private void startFlood() throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    floodCtx.runOnContext(v -> {
      long every = Math.max(1, 1000 / o.renamesPerSecond);
      for (int i = 0; i < attackers.size(); i++) {
        FloodClient a = attackers.get(i);
        String tag = "N" + i;
        long[] k = {0};
        timers.add(vertx.setPeriodic(every, id -> {
          Phase p = current;
          if (p != null) p.sent(Group.ATTACKER);
          a.send("rename", new JsonObject().put("name", tag + (k[0]++ % 2 == 0 ? " A" : " B")))
              .thenAccept(r -> { if (p != null) p.attacker(r); });
        }));
      }
      started.complete(null);
    });
    started.get(10, TimeUnit.SECONDS);
  }

  /**
   * The attackers build the large state themselves, all at once: each adds its commitments of
   * maximum length, then sets each one's status with a maximum-length note, waiting out
   * {@code rate_limited} (the byte budgets make building take a while).
   */
  private void build() throws Exception {
    String text = "\uD83D\uDE00".repeat(o.textChars);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (FloodClient a : attackers) {
      a.keepLatest = true;
      Thread t = new Thread(() -> {
        try {
          Set<String> mine = new HashSet<>();
          for (int k = 0; k < o.commitmentsEach; k++) {
            acked(a, "addCommitment", new JsonObject().put("text", text));
            mine.add(newestOwn(a, mine));
          }
          for (String id : mine) {
            acked(a, "setCommitmentStatus", new JsonObject().put("commitmentId", id).put("status", "tried").put("note", text));
          }
        } catch (Throwable e) {
          failed.add(e);
        } finally {
          a.keepLatest = false;
        }
      }, "build-" + a.name);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) t.join();
    if (!failed.isEmpty()) throw new IllegalStateException("building the large state failed", failed.get(0));
  }

  /** Sends until acked; counts what the attacker was told in the current phase. */
  private void acked(FloodClient a, String type, JsonObject fields) throws InterruptedException {
    for (int tries = 0; tries < 1000; tries++) {
      Phase p = current;
      if (p != null) p.sent(Group.ATTACKER);
      FloodClient.Reply r = FloodClient.await(a.send(type, fields));
      if (p != null) p.attacker(r);
      if (r.ack()) return;
      if (!"rate_limited".equals(r.code())) throw new IllegalStateException(type + " refused: " + r.code());
      Thread.sleep(200);
    }
    throw new IllegalStateException(type + " never got through");
  }

  /** The id of the attacker's commitment that is not yet among {@code known} (its state came before its ack). */
  private static String newestOwn(FloodClient a, Set<String> known) {
    Buffer latest = a.latest;
    JsonObject state = new JsonObject(latest).getJsonObject("state");
    JsonArray cs = state.getJsonArray("commitments");
    for (int i = cs.size() - 1; i >= 0; i--) {
      JsonObject c = cs.getJsonObject(i);
      if (a.memberId.equals(c.getString("memberId")) && !known.contains(c.getString("id"))) return c.getString("id");
    }
    throw new IllegalStateException("the new commitment is not in the state");
  }

  // --- phases ------------------------------------------------------------------------------

  /** Ends the phase running (if any) and starts {@code name} (none when null). */
  private void begin(String name) {
    long now = System.nanoTime();
    long[] messages = new long[Group.values().length];
    long[] bytes = new long[Group.values().length];
    count(messages, bytes);
    long[] cpu = ProcStat.cpu(o.serverPids);
    Phase last = current;
    if (last != null) {
      last.seconds = (now - last.t0) / 1e9;
      int[] sockets = {1, Math.max(1, members.size()), 1, Math.max(1, attackers.size())};
      for (Group g : Group.values()) {
        int i = g.ordinal();
        last.framesPerSec[i] = (messages[i] - last.messages0[i]) / (double) sockets[i] / last.seconds;
        last.bytesPerSec[i] = (bytes[i] - last.bytes0[i]) / (double) sockets[i] / last.seconds;
      }
      if (last.cpu0[0] >= 0 && cpu[0] >= 0) {
        last.serverCores = (cpu[0] + cpu[1] - last.cpu0[0] - last.cpu0[1]) / 1e9 / last.seconds;
      }
      Buffer s = facilitator.latest;
      last.stateBytes = s == null ? 0 : s.length();
      last.slowBehind = slow.closed ? -1 : Math.max(0, facilitator.lastV - slow.lastV);
      noteClosed(last.name);
      log("%s: %s", last.name, oneLine(last));
    }
    if (name == null) {
      current = null;
      return;
    }
    Phase p = new Phase(name);
    p.t0 = now;
    p.cpu0 = cpu;
    System.arraycopy(messages, 0, p.messages0, 0, messages.length);
    System.arraycopy(bytes, 0, p.bytes0, 0, bytes.length);
    phases.add(p);
    current = p;
  }

  private void count(long[] messages, long[] bytes) {
    add(messages, bytes, Group.FACILITATOR, facilitator.stateMessages.get(), facilitator.bytes.get());
    for (FloodClient m : members) add(messages, bytes, Group.MEMBER, m.stateMessages.get(), m.bytes.get());
    add(messages, bytes, Group.SLOW, slow.stateMessages.get(), slow.bytes.get());
    for (FloodClient a : attackers) add(messages, bytes, Group.ATTACKER, a.stateMessages.get(), a.bytes.get());
  }

  private static void add(long[] messages, long[] bytes, Group g, long m, long b) {
    messages[g.ordinal()] += m;
    bytes[g.ordinal()] += b;
  }

  /** Command → its version complete on the slow member, for the facilitator's acked commands. */
  private void resolveSlow(Phase p) {
    synchronized (p) {
      for (long[] sv : p.facilitatorVersions) {
        Long at = slow.arrivals.get(sv[1]);
        if (at == null) p.notAtSlow++;
        else p.facilitatorToSlow.recordValue(Math.max(0, (at - sv[0]) / 1000));
      }
    }
  }

  private void noteClosed(String phase) {
    if (slow.closed && noted.add(slow)) closed.add("slow member: " + slow.closeReason + " (during " + phase + ")");
    List<FloodClient> all = new ArrayList<>(members);
    all.add(0, facilitator);
    all.addAll(attackers);
    for (FloodClient c : all) {
      if (c.closedByServer && noted.add(c)) closed.add(c.name + ": " + c.closeReason + " (during " + phase + ")");
    }
  }

  // --- plumbing ----------------------------------------------------------------------------

  private Context newContext() throws Exception {
    CompletableFuture<Context> f = new CompletableFuture<>();
    vertx.deployVerticle(new io.vertx.core.VerticleBase() {
      @Override
      public Future<?> start() {
        f.complete(context);
        return Future.succeededFuture();
      }
    });
    return f.get(10, TimeUnit.SECONDS);
  }

  private WebSocketClient wsClient(String source) {
    return vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(source)
        .setConnectTimeout(30_000).setMaxFrameSize(1 << 20).setMaxMessageSize(4 << 20));
  }

  private String[] createSession() throws Exception {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port));
    try {
      Buffer body = new JsonObject().put("title", "Flood").put("template", "blank").toBuffer();
      return http.request(HttpMethod.POST, "/api/sessions")
          .compose(req -> req.putHeader("Content-Type", "application/json").send(body))
          .compose(resp -> resp.body().map(b -> {
            if (resp.statusCode() != 201) throw new IllegalStateException("create: " + resp.statusCode() + " " + b);
            JsonObject j = b.toJsonObject();
            return new String[] {j.getString("code"), j.getString("facilitatorKey")};
          })).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      http.close();
    }
  }

  private void log(String fmt, Object... args) {
    if (!o.quiet) System.err.println("[flood] " + String.format(Locale.ROOT, fmt, args));
  }

  // --- output ------------------------------------------------------------------------------

  private static String ms(Histogram h) {
    if (h.getTotalCount() == 0) return "–";
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
  }

  private static String refused(Map<String, Long> m) {
    return m.isEmpty() ? "" : " " + m;
  }

  static String oneLine(Phase p) {
    return String.format(Locale.ROOT, "%.1f s, state %.1f KB, facilitator acked %d/%d%s ack p50/p99/max %s ms,"
            + " members acked %d/%d%s, attackers %d sent %d accepted %d rate_limited%s",
        p.seconds, p.stateBytes / 1e3, p.facilitatorAcked, p.facilitatorSent, refused(p.facilitatorRefused),
        ms(p.facilitatorAck), p.memberAcked, p.memberSent, refused(p.memberRefused), p.attackerSent,
        p.attackerAccepted, p.attackerRateLimited, refused(p.attackerOther));
  }

  /** Markdown: latency per phase, then traffic and the attackers' commands, then who was disconnected. */
  public static String table(String label, Report r) {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(label).append(": phase | s | state KB | facilitator acked/sent (refused) |"
        + " facilitator ack p50 / p99 / max ms | facilitator → slow member has it p50 / p99 / max ms (not there) |"
        + " slow member behind at the end (versions) | members acked/sent (refused) | members' ack p50 / p99 / max ms |"
        + " server cores |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : r.phases()) {
      b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d/%d%s | %s | %s%s | %s | %d/%d%s | %s | %s |\n",
          p.name, p.seconds, p.stateBytes / 1e3, p.facilitatorAcked, p.facilitatorSent, refused(p.facilitatorRefused),
          ms(p.facilitatorAck), ms(p.facilitatorToSlow), p.notAtSlow > 0 ? " (" + p.notAtSlow + ")" : "",
          p.slowBehind < 0 ? "gone" : Long.toString(p.slowBehind),
          p.memberAcked, p.memberSent, refused(p.memberRefused), ms(p.memberAck),
          Double.isNaN(p.serverCores) ? "–" : String.format(Locale.ROOT, "%.2f", p.serverCores)));
    }
    b.append("\n| ").append(label).append(": phase | attacker commands sent | accepted | rate_limited | other refusals |"
        + " state frames/s per socket: facilitator / member / slow member / attacker |"
        + " KB/s per socket: facilitator / member / slow member / attacker |\n");
    b.append("|---|---:|---:|---:|---|---:|---:|\n");
    for (Phase p : r.phases()) {
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %.1f / %.1f / %.1f / %.1f | %.0f / %.0f / %.0f / %.0f |\n",
          p.name, p.attackerSent, p.attackerAccepted, p.attackerRateLimited,
          p.attackerOther.isEmpty() ? "–" : p.attackerOther.toString(),
          p.framesPerSec[0], p.framesPerSec[1], p.framesPerSec[2], p.framesPerSec[3],
          p.bytesPerSec[0] / 1e3, p.bytesPerSec[1] / 1e3, p.bytesPerSec[2] / 1e3, p.bytesPerSec[3] / 1e3));
    }
    b.append(String.format(Locale.ROOT, "\nslow member: %s; read %d state frames, %.1f MB in all; building took %.1f s\n",
        r.slowConnected() ? "connected throughout" : "DISCONNECTED (" + r.slowClose() + ")", r.slowStates(),
        r.slowBytes() / 1e6, r.buildSeconds()));
    b.append("sockets the server closed: ").append(r.closed().isEmpty() ? "none" : String.join("; ", r.closed())).append('\n');
    return b.toString();
  }

  // --- command line ------------------------------------------------------------------------

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--target" -> { o.target = v; i++; }
        case "--attackers" -> { o.attackers = Integer.parseInt(v); i++; }
        case "--commitments" -> { o.commitmentsEach = Integer.parseInt(v); i++; }
        case "--members" -> { o.members = Integer.parseInt(v); i++; }
        case "--slow-bytes-per-second" -> { o.slowBytesPerSecond = Long.parseLong(v); i++; }
        case "--slow-receive-buffer" -> { o.slowReceiveBuffer = Integer.parseInt(v); i++; }
        case "--command-ms" -> { o.commandMs = Long.parseLong(v); i++; }
        case "--renames-per-second" -> { o.renamesPerSecond = Integer.parseInt(v); i++; }
        case "--warmup" -> { o.warmupSec = Integer.parseInt(v); i++; }
        case "--duration" -> { o.durationSec = Integer.parseInt(v); i++; }
        case "--server-pids" -> {
          o.serverPids = java.util.Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
          i++;
        }
        case "--label" -> { o.label = v; i++; }
        case "--help", "-h" -> {
          System.out.println("""
              Flood --target host:port [--server-pids pid] [options]
                --attackers N (10) --commitments N (5 each) --members N (4 normal members)
                --slow-bytes-per-second B (1000000) --slow-receive-buffer B (16384)
                --command-ms MS (200: the facilitator's pace) --renames-per-second R (20 per attacker socket)
                --warmup S (3) --duration S (10: each of the quiet and flood windows)
              """);
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
      }
    }
    Report r = run(o);
    System.out.println(table(o.label, r));
  }
}

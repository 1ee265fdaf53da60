package app.roundtable.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Roundtable's load generator: N sessions × (1 facilitator + 5 members + 1 display) over real
 * WebSockets, an open-loop rate of changes per session, and command → every-client latency,
 * deliveries per second, and the server's CPU per delivered frame (user and kernel apart, from
 * {@code /proc/<pid>/stat} of the server processes), heap per connection and the kernel floor.
 *
 * <p>Run by {@code scripts/bench.sh}; {@code --help} lists the options. Traffic goes only to the
 * given targets (127.0.0.1 in the script), from loopback sources 127.1.x.y so that no one source
 * address exceeds the server's per-IP join budget (a burst of 60) or runs out of ephemeral ports.
 */
public final class LoadGenerator {

  /** What to run. Fields are public for the smoke test; the CLI fills them from flags. */
  public static final class Options {
    public List<String> targets = List.of("127.0.0.1:8080");
    public int sessions = 100;
    public int members = 5;
    public int idleSessions = 0;
    public double rate = 1;
    public double[] sweep;
    public double kneeMs = 50;
    public int warmupSec = 5;
    public int durationSec = 20;
    public int loops = Runtime.getRuntime().availableProcessors();
    public List<Long> serverPids = List.of();
    /** Redis processes whose CPU counts (summed): one Redis, or every shard of a cluster. */
    public List<Long> redisPids = List.of();
    public boolean heap;
    public boolean floor;
    public int floorMaxConnections = 9000;
    /** Contention: members of the one session that raise hands in the same 100 ms; 0 = off. */
    public int contention;
    public int contentionRounds = 10;
    public int clientsPerIp = 50;
    public String label = "bench";
    public boolean quiet;
    /** When set: a JFR recording (settings=profile) of the first server over the first measured window. */
    public String jfrFile;
    /** Split the server's CPU into user and kernel time by perf sampling (see {@link PerfSplit}). */
    public boolean perf;
  }

  /** One measured step (one rate). Latencies in microseconds. */
  public record Row(String label, int sessions, int clients, double rate, double seconds, long deliveries,
      long deliveredBytes, long commands, long completed, long gaps, long errors, Map<String, Long> errorCodes, long closedSockets,
      Histogram fromSend, Histogram fromSchedule, long[] serverCpu, long[] selfCpu, long[] redisCpu, long[] serverPerf) {

    /**
     * {user, kernel} µs of server CPU per delivered frame: the /proc total split by perf's samples
     * when they were taken, else /proc's own (tick-sampled, unreliable here) split.
     */
    double[] userKernelUs() {
      return PerfSplit.split(perFrameUs(serverCpu[0]), perFrameUs(serverCpu[1]), serverPerf);
    }

    String splitSource() {
      return PerfSplit.source(serverPerf);
    }

    public double deliveriesPerSec() {
      return deliveries / seconds;
    }

    double perFrameUs(long nanos) {
      return deliveries == 0 || nanos < 0 ? Double.NaN : nanos / 1e3 / deliveries;
    }
  }

  /**
   * What joining cost the first server: live heap after GC, and resident memory (VmRSS) with the
   * sessions created but nobody joined, then with everyone joined. With a pre-touched heap
   * (-XX:+AlwaysPreTouch, as the Dockerfile ships) the heap is resident from the start, so the
   * resident difference is what joining costs outside the heap (direct buffers, sockets' native state).
   */
  public record Setup(int connections, long heapBase, long heapSessions, long heapJoined, long rssBefore,
      long rssJoined, double joinSeconds, double avgStateBytes) {
    double heapPerConnection() {
      return heapJoined < 0 || heapSessions < 0 ? Double.NaN : (heapJoined - heapSessions) / (double) connections;
    }

    double rssPerConnection() {
      return rssJoined < 0 || rssBefore < 0 ? Double.NaN : (rssJoined - rssBefore) / (double) connections;
    }
  }

  public record Report(Setup setup, List<Row> rows, List<KernelFloor.Result> floors) {}

  private final Options o;
  private final Vertx vertx;
  private final List<Loop> loops = new ArrayList<>();
  private final Map<String, WebSocketClient> wsClients = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<BenchSession> active = new ArrayList<>();
  private final List<BenchSession> idle = new ArrayList<>();
  private boolean firstStep = true;
  /** Connect + join of one facilitator, and of a whole session (µs); recorded on the loops, read after. */
  private final Histogram joinTimes = new org.HdrHistogram.ConcurrentHistogram(60_000_000L, 2);
  private final Histogram sessionJoinTimes = new org.HdrHistogram.ConcurrentHistogram(60_000_000L, 2);

  private LoadGenerator(Options o) {
    this.o = o;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.loops));
  }

  public static Report run(Options o) throws Exception {
    LoadGenerator g = new LoadGenerator(o);
    try {
      return g.go();
    } finally {
      g.vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The second octet of this run's source addresses: a different block per run, so that runs one
   * after another against the same server do not find the per-IP join budget already spent.
   */
  private static final int BLOCK = 1 + (int) (ProcessHandle.current().pid() % 200);

  /** The loopback source address of the i-th client: 127.B.x.y, {@code perIp} clients each. */
  static String loopbackSource(int i, int perIp) {
    int ip = i / perIp;
    return "127." + (BLOCK + ip / 62500) + "." + (ip / 250 % 250) + "." + (ip % 250 + 1);
  }

  static String loopbackSource(int i) {
    return loopbackSource(i, 50);
  }

  private Report go() throws Exception {
    for (int i = 0; i < o.loops; i++) {
      CompletableFuture<Loop> f = new CompletableFuture<>();
      // Each deployment gets its own event-loop context: the loops are used round-robin.
      vertx.deployVerticle(new io.vertx.core.VerticleBase() {
        @Override
        public Future<?> start() {
          f.complete(new Loop(vertx, context));
          return Future.succeededFuture();
        }
      });
      loops.add(f.get(10, TimeUnit.SECONDS));
    }
    long pid = o.serverPids.isEmpty() ? -1 : o.serverPids.get(0);
    long heapBase = o.heap && pid > 0 ? ProcStat.heapAfterGc(pid) : -1;

    int contentionSessions = o.contention > 0 ? 1 : 0;
    int nActive = o.contention > 0 ? contentionSessions : o.sessions;
    List<String[]> created = createSessions(nActive + o.idleSessions);
    long heapSessions = o.heap && pid > 0 ? ProcStat.heapAfterGc(pid) : -1;
    // Resident memory before anyone joins, after the GC above as the joined figure is.
    long rssBefore = pid > 0 ? ProcStat.rss(pid) : -1;

    long joinStart = System.nanoTime();
    int members = o.contention > 0 ? o.contention : o.members;
    for (int i = 0; i < created.size(); i++) {
      Loop loop = loops.get(i % loops.size());
      BenchSession s = new BenchSession(i, loop, created.get(i)[0], created.get(i)[1]);
      s.facilitator = s.new Client("facilitator", "Facilitator");
      s.clients.add(s.facilitator);
      for (int m = 0; m < members; m++) s.clients.add(s.new Client("member", "Member " + (m + 1)));
      s.clients.add(s.new Client("display", null));
      (i < nActive ? active : idle).add(s);
    }
    int connections = joinAll();
    double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
    log("facilitator connect+join p50 %.1f ms max %.1f ms; whole session p50 %.1f ms max %.1f ms",
        joinTimes.getValueAtPercentile(50) / 1e3, joinTimes.getMaxValue() / 1e3,
        sessionJoinTimes.getValueAtPercentile(50) / 1e3, sessionJoinTimes.getMaxValue() / 1e3);
    for (Loop l : loops) l.call(() -> {
      for (BenchSession s : active) if (s.loop == l) {
        s.arm();
        l.scheduled.add(s);
      }
      for (BenchSession s : idle) if (s.loop == l) s.arm();
      return null;
    });
    // Idle connections: measured once nothing has changed for a few seconds (the node keeps a
    // session's last state frame for 2 s after a change, for its other event loops).
    Thread.sleep(o.heap ? 3000 : 500);
    long heapJoined = o.heap && pid > 0 ? ProcStat.heapAfterGc(pid) : -1;
    long rss = pid > 0 ? ProcStat.rss(pid) : -1;
    log("joined %d connections in %.1f s (%d sessions)%s; server RSS %.1f MB (%.1f MB before joining)", connections,
        joinSeconds, created.size(),
        heapJoined > 0 ? String.format(Locale.ROOT, "; heap %.1f MB after GC (%.1f MB with sessions only, %.1f MB base)",
            heapJoined / 1e6, heapSessions / 1e6, heapBase / 1e6) : "", rss / 1e6, rssBefore / 1e6);

    List<Row> rows = new ArrayList<>();
    double[] rates = o.sweep != null ? o.sweep : new double[] {o.rate};
    long stateBytes = 0, states = 0;
    for (double r : rates) {
      Row row = o.contention > 0 ? contention() : step(r);
      rows.add(row);
      stateBytes += row.deliveredBytes();
      states += row.deliveries();
      log("%s", oneLine(row));
      // Past the knee: p99 over the limit, or commands whose version never reached every client
      // (the server drops a client that stops reading: 1 MiB unsent), or sockets closed on us.
      boolean lost = row.completed() < row.commands() * 0.99 || row.closedSockets() > 0;
      if (o.sweep != null && (lost || row.fromSend().getValueAtPercentile(99) / 1000.0 > o.kneeMs)) break;
    }
    double avgState = states == 0 ? 2000 : stateBytes / (double) states;
    Setup setup = new Setup(connections, heapBase, heapSessions, heapJoined, rssBefore, rss, joinSeconds, avgState);

    closeAll();
    List<KernelFloor.Result> floors = new ArrayList<>();
    if (o.floor) {
      int n = Math.min(connections, o.floorMaxConnections);
      // Server frames are unmasked: 2 bytes of header plus 2 of length for 126..65535 payload bytes.
      int bytes = (int) Math.round(avgState) + 4;
      floors.add(KernelFloor.measure(n, bytes, 3, o.perf));
      // And at the load's own pace: one burst to a session's clients per change.
      double changesPerSec = active.isEmpty() ? 1000 : active.size() * (o.sweep == null ? o.rate : o.sweep[0]);
      floors.add(KernelFloor.measure(n, bytes, 5, new KernelFloor.Pace(2 + o.members, changesPerSec), o.perf));
      for (KernelFloor.Result f : floors) {
        double[] uk = f.userKernelUs();
        log("floor (%s): %d connections, %d B frames: %.2f µs kernel + %.2f µs user per write, %.0f writes/s;"
            + " reading them: %.2f µs per frame", f.describe(), f.connections(), f.frameBytes(), uk[1], uk[0],
            f.writes() / f.wallSec(), f.readerUsPerWrite());
      }
    }
    return new Report(setup, rows, floors);
  }

  // --- setup --------------------------------------------------------------------------------

  private String[] target(int i) {
    String t = o.targets.get(i % o.targets.size());
    int c = t.lastIndexOf(':');
    return new String[] {t.substring(0, c), t.substring(c + 1)};
  }

  private List<String[]> createSessions(int n) throws Exception {
    String[] t = target(0);
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(t[0])
        .setDefaultPort(Integer.parseInt(t[1])).setKeepAlive(false), new PoolOptions().setHttp1MaxSize(16));
    List<String[]> out = new ArrayList<>();
    int batch = 64;
    for (int from = 0; from < n; from += batch) {
      List<Future<String[]>> fs = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + batch); i++) {
        Buffer body = new JsonObject().put("title", "Bench " + i).put("template", "first").toBuffer();
        fs.add(http.request(HttpMethod.POST, "/api/sessions")
            .compose(req -> req.putHeader("Content-Type", "application/json").send(body))
            .compose(resp -> resp.body().map(b -> {
              if (resp.statusCode() != 201) throw new IllegalStateException("create: " + resp.statusCode() + " " + b);
              JsonObject j = b.toJsonObject();
              return new String[] {j.getString("code"), j.getString("facilitatorKey")};
            })));
      }
      for (Future<String[]> f : fs) out.add(f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
    }
    http.close();
    return out;
  }

  private WebSocketClient wsClient(String source) {
    return wsClients.computeIfAbsent(source, s -> vertx.createWebSocketClient(new WebSocketClientOptions()
        .setLocalAddress(s).setMaxConnections(100_000).setConnectTimeout(30_000)
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20)));
  }

  /** Joins every client, a bounded number of sessions at a time per loop; returns the count. */
  private int joinAll() throws Exception {
    List<BenchSession> all = new ArrayList<>(active);
    all.addAll(idle);
    int[] clientIndex = {0};
    Map<BenchSession.Client, String> sources = new HashMap<>();
    Map<BenchSession.Client, String[]> targets = new HashMap<>();
    for (BenchSession s : all) {
      for (int j = 0; j < s.clients.size(); j++) {
        BenchSession.Client c = s.clients.get(j);
        sources.put(c, loopbackSource(clientIndex[0]++, o.clientsPerIp));
        // Two nodes: a session's clients alternate between them, so every change crosses nodes.
        targets.put(c, target(s.index + j));
      }
    }
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (Loop l : loops) {
      List<BenchSession> mine = all.stream().filter(s -> s.loop == l).toList();
      CompletableFuture<Void> f = new CompletableFuture<>();
      done.add(f);
      l.ctx.runOnContext(v -> joinSome(mine, new int[] {0}, new int[] {0}, f, sources, targets));
    }
    for (CompletableFuture<Void> f : done) f.get(600, TimeUnit.SECONDS);
    return clientIndex[0];
  }

  private void joinSome(List<BenchSession> list, int[] next, int[] inFlight, CompletableFuture<Void> done,
      Map<BenchSession.Client, String> sources, Map<BenchSession.Client, String[]> targets) {
    while (inFlight[0] < 16 && next[0] < list.size()) {
      BenchSession s = list.get(next[0]++);
      inFlight[0]++;
      // The facilitator first (it holds the key), then the others together.
      BenchSession.Client fac = s.clients.get(0);
      long t0 = System.nanoTime();
      joinOne(fac, sources, targets).compose(v -> {
        long t1 = System.nanoTime();
        joinTimes.recordValue((t1 - t0) / 1000);
        List<Future<Void>> rest = new ArrayList<>();
        for (BenchSession.Client c : s.clients) if (c != fac) rest.add(joinOne(c, sources, targets));
        return Future.all(rest);
      }).onComplete(ar -> {
        sessionJoinTimes.recordValue((System.nanoTime() - t0) / 1000);
        inFlight[0]--;
        if (ar.failed()) {
          done.completeExceptionally(new IllegalStateException("session " + s.code + ": " + ar.cause().getMessage(),
              ar.cause()));
          return;
        }
        if (next[0] >= list.size() && inFlight[0] == 0) done.complete(null);
        else joinSome(list, next, inFlight, done, sources, targets);
      });
    }
    if (list.isEmpty()) done.complete(null);
  }

  private Future<Void> joinOne(BenchSession.Client c, Map<BenchSession.Client, String> sources,
      Map<BenchSession.Client, String[]> targets) {
    String[] t = targets.get(c);
    return c.join(wsClient(sources.get(c)), t[0], Integer.parseInt(t[1]));
  }

  private void closeAll() throws InterruptedException {
    for (Loop l : loops) l.call(() -> {
      l.stop();
      for (BenchSession s : active) if (s.loop == l) for (BenchSession.Client c : s.clients) if (c.ws != null) {
        c.closing = true;
        c.ws.close();
      }
      for (BenchSession s : idle) if (s.loop == l) for (BenchSession.Client c : s.clients) if (c.ws != null) {
        c.closing = true;
        c.ws.close();
      }
      return null;
    });
    Thread.sleep(1500);
  }

  // --- measuring ----------------------------------------------------------------------------

  /** Open-loop at {@code rate} changes per session per second: warm-up, then a measured window. */
  private Row step(double rate) throws InterruptedException {
    for (Loop l : loops) l.call(() -> {
      l.reset(false);
      l.start(rate);
      return null;
    });
    // The first step also warms the JIT of both processes: at least 8 s before measuring (12 with JFR).
    int warm = firstStep ? Math.max(o.jfrFile != null ? 12 : 8, o.warmupSec) : o.warmupSec;
    startJfr(warm + o.durationSec);
    Thread.sleep(warm * 1000L);
    firstStep = false;
    return window(rate, o.durationSec * 1000L, () -> { }, () -> {
      for (Loop l : loops) l.call(() -> {
        l.stop();
        return null;
      });
    });
  }

  /**
   * Contention: in the one session, every member raises a hand within the same 100 ms; a second
   * later all hands are lowered and the turn ended; repeated {@code contentionRounds} times.
   * Only the raises are timed (command → every client holding the version it became).
   */
  private Row contention() throws InterruptedException {
    BenchSession s = active.get(0);
    Random random = new Random(42);
    long roundMs = 2000;
    int warmupRounds = Math.max(o.jfrFile != null ? 5 : 1, o.warmupSec / 2);
    startJfr(warmupRounds * roundMs / 1000 + 1 + o.contentionRounds * roundMs / 1000);
    // Unmeasured rounds first: the first raises run through cold code.
    s.loop.call(() -> rounds(s, random, warmupRounds, roundMs, false));
    Thread.sleep(warmupRounds * roundMs + 500);
    return window(0, o.contentionRounds * roundMs,
        () -> s.loop.call(() -> rounds(s, random, o.contentionRounds, roundMs, true)), () -> { });
  }

  /** Schedules {@code n} rounds of raise (all members within 100 ms), lower, end of turn. */
  private Void rounds(BenchSession s, Random random, int n, long roundMs, boolean record) {
    for (int r = 0; r < n; r++) {
      long base = r * roundMs + 1;
      for (BenchSession.Client c : s.clients) {
        if (!"member".equals(c.role)) continue;
        s.loop.vertx.setTimer(base + random.nextInt(100), id -> s.sendSimple(c, "raiseHand", record));
        s.loop.vertx.setTimer(base + 1000 + random.nextInt(100), id -> s.sendSimple(c, "lowerHand", false));
      }
      s.loop.vertx.setTimer(base + 1400, id -> s.sendSimple(s.facilitator, "nextSpeaker", false));
    }
    return null;
  }

  /**
   * Starts the JFR recording (once) for {@code seconds}: at the start of a warm-up, so that the
   * recompilation JFR's start causes settles before the measured window (started inside the
   * window, it stalled the server for seconds). Set-up (creates, joins) stays out of the profile.
   */
  private void startJfr(long seconds) {
    if (o.jfrFile == null || o.serverPids.isEmpty()) return;
    ProcStat.jcmd(o.serverPids.get(0), "JFR.start", "name=bench",
        // JFR_SETTINGS: a .jfc with a shorter sampling period (profile.jfc samples every 10 ms).
        "settings=" + System.getenv().getOrDefault("JFR_SETTINGS", "profile"),
        "duration=" + seconds + "s", "filename=" + java.nio.file.Path.of(o.jfrFile).toAbsolutePath());
    o.jfrFile = null;
  }

  private Row window(double rate, long millis, Runnable begin, Runnable end) throws InterruptedException {
    for (Loop l : loops) l.call(() -> {
      l.reset(true);
      return null;
    });
    Map<String, long[]> threads0 = o.serverPids.isEmpty() ? Map.of() : ProcStat.threads(o.serverPids.get(0));
    long[] cpu0 = ProcStat.cpu(o.serverPids);
    long[] self0 = ProcStat.cpu("self");
    long[] redis0 = o.redisPids.isEmpty() ? null : ProcStat.cpu(o.redisPids);
    PerfSplit perf = o.perf && !o.serverPids.isEmpty() ? PerfSplit.start(o.serverPids, false) : null;
    long t0 = System.nanoTime();
    begin.run();
    Thread.sleep(millis);
    for (Loop l : loops) l.call(() -> {
      l.measuring = false;
      return null;
    });
    long t1 = System.nanoTime();
    long[] cpu1 = ProcStat.cpu(o.serverPids);
    long[] perfSamples = perf == null ? null : perf.stop();
    Map<String, long[]> threads1 = o.serverPids.isEmpty() ? Map.of() : ProcStat.threads(o.serverPids.get(0));
    StringBuilder byThread = new StringBuilder();
    threads1.entrySet().stream()
        .map(e -> {
          long[] b = threads0.getOrDefault(e.getKey(), new long[2]);
          return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
        })
        .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
        .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
        .limit(6)
        .forEach(e -> byThread.append(String.format(Locale.ROOT, " %s %.2f+%.2f s;", e.getKey(),
            e.getValue()[0] / 1e9, e.getValue()[1] / 1e9)));
    if (byThread.length() > 0) log("server (node 1) CPU by thread, user+sys:%s", byThread);
    long[] self1 = ProcStat.cpu("self");
    long[] redis1 = o.redisPids.isEmpty() ? null : ProcStat.cpu(o.redisPids);
    end.run();
    Thread.sleep(1500); // grace: versions of commands sent in the window finish arriving
    Histogram fromSend = Loop.newHistogram();
    Histogram fromSchedule = Loop.newHistogram();
    long[] n = new long[7];
    Map<String, Long> codes = new TreeMap<>();
    long[] secondMax = new long[600];
    for (Loop l : loops) l.call(() -> {
      for (int k = 0; k < secondMax.length; k++) secondMax[k] = Math.max(secondMax[k], l.secondMax[k]);
      fromSend.add(l.fromSend);
      fromSchedule.add(l.fromSchedule);
      n[0] += l.deliveries;
      n[1] += l.deliveredBytes;
      n[2] += l.recordedCommands;
      n[3] += l.completed;
      n[4] += l.gaps;
      n[5] += l.errors;
      n[6] += l.closedSockets;
      l.closedSockets = 0;
      l.errorCodes.forEach((k, v) -> codes.merge(k, v, Long::sum));
      return null;
    });
    StringBuilder perSecond = new StringBuilder();
    for (int k = 0; k < Math.min(secondMax.length, (int) Math.ceil((t1 - t0) / 1e9)); k++) {
      perSecond.append(String.format(Locale.ROOT, " %.1f", secondMax[k] / 1000.0));
    }
    log("worst latency per second of the window (ms):%s", perSecond);
    int clients = 0;
    for (BenchSession s : active) clients += s.clients.size();
    long[] serverCpu = cpu0[0] < 0 || cpu1[0] < 0 ? new long[] {-1, -1} : new long[] {cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]};
    long[] redisCpu = redis0 == null || redis0[0] < 0 || redis1[0] < 0 ? null
        : new long[] {redis1[0] - redis0[0], redis1[1] - redis0[1]};
    return new Row(o.label, active.size(), clients, rate, (t1 - t0) / 1e9, n[0], n[1], n[2], n[3], n[4], n[5], codes, n[6],
        fromSend, fromSchedule, serverCpu, new long[] {self1[0] - self0[0], self1[1] - self0[1]}, redisCpu, perfSamples);
  }

  private static List<Long> pids(String v) {
    List<Long> pids = new ArrayList<>();
    for (String p : v.split(",")) if (!p.isBlank()) pids.add(Long.parseLong(p.trim()));
    return pids;
  }

  // --- output -------------------------------------------------------------------------------

  private void log(String fmt, Object... args) {
    if (!o.quiet) System.err.println("[bench] " + String.format(Locale.ROOT, fmt, args));
  }

  private static double ms(Histogram h, double pct) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(pct) / 1000.0;
  }

  static String oneLine(Row r) {
    return String.format(Locale.ROOT,
        "%s rate=%.1f deliveries/s=%.0f p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms (sched p99=%.2fms)"
            + " server user=%.2fµs sys=%.2fµs per frame (split: %s), commands=%d completed=%d gaps=%d errors=%d%s",
        r.label(), r.rate(), r.deliveriesPerSec(), ms(r.fromSend(), 50), ms(r.fromSend(), 99), ms(r.fromSend(), 99.9),
        r.fromSend().getTotalCount() == 0 ? Double.NaN : r.fromSend().getMaxValue() / 1000.0,
        ms(r.fromSchedule(), 99), r.userKernelUs()[0], r.userKernelUs()[1], r.splitSource(), r.commands(),
        r.completed(), r.gaps(), r.errors(), r.errorCodes().isEmpty() ? "" : " " + r.errorCodes())
        + (r.closedSockets() > 0 ? " sockets closed by the server: " + r.closedSockets() : "");
  }

  private static String kib(double bytes) {
    return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1024);
  }

  /** Markdown tables: setup, one row per step, and the floor beside the server's figures. */
  public static String table(Report rep) {
    StringBuilder b = new StringBuilder();
    Setup s = rep.setup();
    b.append(String.format(Locale.ROOT, "connections joined: %d in %.1f s; avg state frame %.0f B", s.connections(),
        s.joinSeconds(), s.avgStateBytes()));
    if (s.heapJoined() > 0) {
      b.append(String.format(Locale.ROOT,
          "; heap after GC: base %.1f MB, +sessions %.1f MB, +joined %.1f MB → %.1f KiB heap per connection",
          s.heapBase() / 1e6, s.heapSessions() / 1e6, s.heapJoined() / 1e6, s.heapPerConnection() / 1024));
    }
    if (s.rssJoined() > 0) {
      b.append(String.format(Locale.ROOT,
          "; server RSS %.1f MB before joining, %.1f MB joined → %.1f KiB resident per connection (%.1f KiB total RSS per connection)",
          s.rssBefore() / 1e6, s.rssJoined() / 1e6, s.rssPerConnection() / 1024, s.rssJoined() / 1024.0 / s.connections()));
    }
    b.append("\n\n");
    b.append("| scenario | sessions | clients | changes/s/session | deliveries/s | p50 ms | p99 ms | p99.9 ms | max ms |"
        + " p99 from schedule ms | server user µs/frame | server sys µs/frame | server total µs/frame | server cores |"
        + " generator cores | redis µs/frame | heap KiB/conn | resident KiB/conn | complete | gaps | errors | user/kernel split |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rep.rows()) {
      Histogram h = r.fromSend();
      double user = r.userKernelUs()[0];
      double sys = r.userKernelUs()[1];
      b.append(String.format(Locale.ROOT,
          "| %s | %d | %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %d/%d | %d | %s | %s |\n",
          r.label(), r.sessions(), r.clients(), r.rate() == 0 ? "contention" : String.format(Locale.ROOT, "%.1f", r.rate()),
          r.deliveriesPerSec(), ms(h, 50), ms(h, 99), ms(h, 99.9), h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0,
          ms(r.fromSchedule(), 99), user, sys, user + sys,
          (r.serverCpu()[0] + r.serverCpu()[1]) / 1e9 / r.seconds(), (r.selfCpu()[0] + r.selfCpu()[1]) / 1e9 / r.seconds(),
          r.redisCpu() == null ? "–" : String.format(Locale.ROOT, "%.2f", r.perFrameUs(r.redisCpu()[0] + r.redisCpu()[1])),
          kib(s.heapPerConnection()), kib(s.rssPerConnection()),
          r.completed(), r.commands(), r.gaps(), (r.errors() == 0 ? "0" : r.errors() + " " + r.errorCodes())
              + (r.closedSockets() > 0 ? ", " + r.closedSockets() + " sockets closed" : ""), r.splitSource()));
    }
    for (KernelFloor.Result f : rep.floors()) {
      double[] uk = f.userKernelUs();
      b.append(String.format(Locale.ROOT,
          "\nkernel floor, %s (plain blocking sockets, same machine, %d loopback connections, %d B per write, %d writes in %.1f s):"
              + " kernel %.2f µs + user %.2f µs = %.2f µs per write (split: %s); %.0f writes/s;"
              + " the reading side spent %.2f µs per frame\n",
          f.describe(), f.connections(), f.frameBytes(), f.writes(), f.wallSec(), uk[1], uk[0], f.totalUsPerWrite(),
          PerfSplit.source(f.perf()),
          f.writes() / f.wallSec(), f.readerUsPerWrite()));
      for (Row r : rep.rows()) {
        double[] server = r.userKernelUs();
        double total = server[0] + server[1];
        b.append(String.format(Locale.ROOT,
            "  %s @ %.1f/s: server total %.2f µs/frame = %.2f× this floor's kernel time per write (%.2f× its total);"
                + " server kernel %.2f µs/frame = %.2f× it\n",
            r.label(), r.rate(), total, total / uk[1], total / f.totalUsPerWrite(), server[1], server[1] / uk[1]));
      }
    }
    return b.toString();
  }

  // --- command line -------------------------------------------------------------------------

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--targets" -> { o.targets = List.of(v.split(",")); i++; }
        case "--sessions" -> { o.sessions = Integer.parseInt(v); i++; }
        case "--members" -> { o.members = Integer.parseInt(v); i++; }
        case "--idle-sessions" -> { o.idleSessions = Integer.parseInt(v); i++; }
        case "--rate" -> { o.rate = Double.parseDouble(v); i++; }
        case "--sweep" -> {
          String[] p = v.split(",");
          o.sweep = new double[p.length];
          for (int k = 0; k < p.length; k++) o.sweep[k] = Double.parseDouble(p[k]);
          i++;
        }
        case "--knee-ms" -> { o.kneeMs = Double.parseDouble(v); i++; }
        case "--warmup" -> { o.warmupSec = Integer.parseInt(v); i++; }
        case "--duration" -> { o.durationSec = Integer.parseInt(v); i++; }
        case "--loops" -> { o.loops = Integer.parseInt(v); i++; }
        case "--server-pids" -> { o.serverPids = pids(v); i++; }
        case "--redis-pid", "--redis-pids" -> { o.redisPids = pids(v); i++; }
        case "--heap" -> o.heap = true;
        case "--floor" -> o.floor = true;
        case "--floor-max" -> { o.floorMaxConnections = Integer.parseInt(v); i++; }
        case "--contention" -> { o.contention = Integer.parseInt(v); i++; }
        case "--rounds" -> { o.contentionRounds = Integer.parseInt(v); i++; }
        case "--label" -> { o.label = v; i++; }
        case "--jfr" -> { o.jfrFile = v; i++; }
        case "--perf" -> o.perf = true;
        case "--help", "-h" -> {
          System.out.println("""
              LoadGenerator --targets host:port[,host:port] --server-pids pid[,pid] [options]
                --sessions N        sessions under load (default 100), each 1 facilitator + members + 1 display
                --members N         members per session besides the facilitator (default 5)
                --idle-sessions N   extra sessions joined but never changed (capacity)
                --rate R            changes per session per second, open loop (default 1)
                --sweep R1,R2,...   several rates in turn; stops after the first whose p99 exceeds --knee-ms (50)
                --warmup S --duration S   seconds per step (5, 20)
                --heap              heap after GC before/after joining (jcmd on the first server pid)
                --floor             measure the kernel floor afterwards (plain blocking sockets)
                --contention M      one session, M members raising hands within the same 100 ms, --rounds times
                --redis-pid P[,P]   also report Redis CPU per delivered frame (summed over every shard of a cluster)
                --jfr FILE          record the first server with JFR over the first measured window
                --perf              split server CPU into user/kernel by perf sampling (needs perf)
              """);
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
      }
    }
    Report r = run(o);
    System.out.println(table(r));
  }
}

package app.roundtable.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One event loop of the load generator: the sessions pinned to it (all seven clients of a session
 * live on the same loop, so a session's bookkeeping needs no locks), their open-loop schedule and
 * the loop's own statistics. Everything here runs on {@link #ctx} only; the driver reads it
 * through {@link #call}.
 */
final class Loop {
  /** Latencies in microseconds, up to a minute. */
  static Histogram newHistogram() {
    return new Histogram(60_000_000L, 3);
  }

  final Vertx vertx;
  final Context ctx;
  final List<BenchSession> scheduled = new ArrayList<>();

  boolean measuring;
  /** Command (its send) → every client of the session holding its version. */
  Histogram fromSend = newHistogram();
  /** Same, from the time the open-loop schedule meant to send it (shows generator lag too). */
  Histogram fromSchedule = newHistogram();
  /** Worst latency (µs) of the commands sent in each second of the window: shows stalls in time. */
  long[] secondMax = new long[600];
  long windowStart;
  long deliveries;
  long deliveredBytes;
  long gaps;
  long recordedCommands;
  long completed;
  long errors;
  /** Sockets the server closed on us (e.g. reset as too slow when the generator could not keep up). */
  long closedSockets;
  final Map<String, Long> errorCodes = new TreeMap<>();

  private long timer = -1;
  private long t0;
  private double intervalNanos;
  private long k;

  Loop(Vertx vertx, Context ctx) {
    this.vertx = vertx;
    this.ctx = ctx;
  }

  /** Open loop: every scheduled session changes {@code ratePerSession} times a second, phases evenly spread. */
  void start(double ratePerSession) {
    stop();
    if (scheduled.isEmpty() || ratePerSession <= 0) return;
    intervalNanos = 1e9 / (ratePerSession * scheduled.size());
    t0 = System.nanoTime();
    k = 0;
    timer = vertx.setPeriodic(1, id -> tick());
  }

  void stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
  }

  private void tick() {
    long now = System.nanoTime();
    int n = scheduled.size();
    while (true) {
      long due = t0 + (long) (k * intervalNanos);
      if (due > now) return;
      scheduled.get((int) (k % n)).sendChange(due);
      k++;
    }
  }

  void reset(boolean measure) {
    fromSend = newHistogram();
    fromSchedule = newHistogram();
    deliveries = deliveredBytes = gaps = recordedCommands = completed = errors = 0;
    errorCodes.clear();
    secondMax = new long[600];
    windowStart = System.nanoTime();
    measuring = measure;
  }

  void error(String code) {
    errors++;
    errorCodes.merge(code, 1L, Long::sum);
  }

  /** Runs {@code c} on this loop and waits for it. */
  <T> T call(Callable<T> c) {
    CompletableFuture<T> f = new CompletableFuture<>();
    ctx.runOnContext(v -> {
      try {
        f.complete(c.call());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

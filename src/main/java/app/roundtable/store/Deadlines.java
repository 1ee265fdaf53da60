package app.roundtable.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Time limits for many operations at once, checked by one timer every {@link #TICK_MS} ms instead
 * of a timer per operation.
 *
 * <p>Why: every command has a limit (the contract's answer within 2 s, each Redis command's and
 * update's own), and nearly all finish long before it. Vert.x's {@code Future.timeout} schedules
 * and cancels a timer per call, and on a future without a context (the Redis client's) it does so
 * on Netty's global executor, a thread woken twice per command: 6 % of the node's CPU in the Redis
 * benchmark, 3 µs per delivered frame (docs/benchmarks.md). Here a limit costs one queue append.
 * Limits are coarse (late by up to a tick), which is all they are for: giving up on what did not
 * answer, never timing.
 *
 * <p>Each distinct limit has its own queue, so every queue is in deadline order (appended as they
 * start). A finished operation's entry stays queued until its deadline but lets go of what it held.
 * Thread-safe: anything may start a limit from any thread; expiries run on the timer's event loop.
 */
public final class Deadlines implements AutoCloseable {
  /** How often the queues are checked: the most a limit can be late. */
  public static final long TICK_MS = 100;

  /** What a limit guards: asked once its time is up, after which it is dropped. */
  public interface Limited {
    /** Called once the limit passed: gives up on the operation unless it finished meanwhile. */
    void expire();
  }

  private record Entry(long deadline, Limited limited) {}

  private final Map<Long, Queue<Entry>> byLimit = new ConcurrentHashMap<>();
  private final LongSupplier nanos;
  private final Vertx vertx;
  private final long timer;

  public Deadlines(Vertx vertx) {
    this(vertx, System::nanoTime);
  }

  Deadlines(Vertx vertx, LongSupplier nanos) {
    this.vertx = vertx;
    this.nanos = nanos;
    this.timer = vertx == null ? -1 : vertx.setPeriodic(TICK_MS, t -> expire());
  }

  /** Calls {@code limited.expire()} once {@code limitMs} have passed (up to a tick later). */
  public void after(long limitMs, Limited limited) {
    byLimit.computeIfAbsent(limitMs, k -> new ConcurrentLinkedQueue<>())
        .add(new Entry(nanos.getAsLong() + TimeUnit.MILLISECONDS.toNanos(limitMs), limited));
  }

  /**
   * {@code f}, or a failure with {@code late}'s exception if it has not finished within {@code
   * limitMs}. An already finished {@code f} comes back as it is. The returned future completes on
   * the thread that finished {@code f}, or on the timer's event loop when it is late.
   */
  public <T> Future<T> within(Future<T> f, long limitMs, Supplier<? extends Throwable> late) {
    if (f.isComplete()) return f;
    Promise<T> p = Promise.promise();
    Guarded<T> g = new Guarded<>(p, late);
    f.onComplete(ar -> g.finish(ar.succeeded(), ar.result(), ar.cause()));
    after(limitMs, g);
    return p.future();
  }

  /** Checks every queue now (the timer does this each tick). */
  void expire() {
    long now = nanos.getAsLong();
    for (Queue<Entry> q : byLimit.values()) {
      for (Entry e = q.peek(); e != null && e.deadline - now <= 0; e = q.peek()) {
        q.poll();
        e.limited.expire();
      }
    }
  }

  /** Entries queued, finished or not (for tests). */
  int queued() {
    int n = 0;
    for (Queue<Entry> q : byLimit.values()) n += q.size();
    return n;
  }

  @Override
  public void close() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }

  /**
   * One future under a limit. Lets go of its promise and its error supplier as soon as either side
   * finishes it, so a finished operation's queued entry holds neither its result (a session) nor
   * its request until the deadline.
   */
  private static final class Guarded<T> implements Limited {
    private volatile Promise<T> promise;
    private volatile Supplier<? extends Throwable> late;

    Guarded(Promise<T> promise, Supplier<? extends Throwable> late) {
      this.promise = promise;
      this.late = late;
    }

    void finish(boolean ok, T result, Throwable cause) {
      Promise<T> p = promise;
      promise = null;
      late = null;
      if (p == null) return;
      if (ok) p.tryComplete(result);
      else p.tryFail(cause);
    }

    @Override
    public void expire() {
      Promise<T> p = promise;
      Supplier<? extends Throwable> why = late;
      promise = null;
      late = null;
      // Both null when it finished meanwhile; a finish racing this one is settled by try*.
      if (p != null && why != null) p.tryFail(why.get());
    }
  }
}

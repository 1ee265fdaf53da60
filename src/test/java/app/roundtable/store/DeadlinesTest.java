package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One timer for many limits: what expires, when, and what a finished operation still holds. */
class DeadlinesTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Deadlines deadlines = new Deadlines(null, now::get);

  private void advanceMs(long ms) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    deadlines.expire();
  }

  @Test
  void anOperationThatFinishesInTimeKeepsItsResultAndIsNeverFailed() {
    Promise<String> op = Promise.promise();
    Future<String> limited = deadlines.within(op.future(), 2_000, () -> new TimeoutException("late"));
    advanceMs(1_999);
    assertFalse(limited.isComplete());
    op.complete("done");
    assertEquals("done", limited.result());
    advanceMs(10_000);
    assertEquals("done", limited.result());
    assertEquals(0, deadlines.queued(), "its entry left once its deadline passed");
  }

  @Test
  void anOperationStillRunningAtItsDeadlineFailsWithTheGivenErrorAndItsLateAnswerIsIgnored() {
    Promise<String> op = Promise.promise();
    Future<String> limited = deadlines.within(op.future(), 2_000, () -> new TimeoutException("late"));
    advanceMs(2_000);
    assertTrue(limited.failed());
    assertInstanceOf(TimeoutException.class, limited.cause());
    op.complete("too late");
    assertTrue(limited.failed());
  }

  @Test
  void aFailureInTimeIsPassedOnAsItIs() {
    Promise<String> op = Promise.promise();
    Future<String> limited = deadlines.within(op.future(), 2_000, () -> new TimeoutException("late"));
    IllegalStateException boom = new IllegalStateException("boom");
    op.fail(boom);
    assertSame(boom, limited.cause());
    advanceMs(3_000);
    assertSame(boom, limited.cause());
  }

  @Test
  void anAlreadyFinishedOperationCostsNothing() {
    Future<String> done = Future.succeededFuture("x");
    assertSame(done, deadlines.within(done, 2_000, TimeoutException::new));
    assertEquals(0, deadlines.queued());
  }

  @Test
  void limitsExpireInDeadlineOrderEachOnceWhateverTheirLengthsAndStartTimes() {
    List<String> expired = new ArrayList<>();
    deadlines.after(1_500, () -> expired.add("answer A"));
    deadlines.after(4_000, () -> expired.add("update A"));
    advanceMs(500);
    deadlines.after(1_500, () -> expired.add("answer B"));
    advanceMs(999);
    assertEquals(List.of(), expired);
    advanceMs(1);
    assertEquals(List.of("answer A"), expired);
    advanceMs(500);
    assertEquals(List.of("answer A", "answer B"), expired);
    advanceMs(1_999);
    assertEquals(List.of("answer A", "answer B"), expired);
    advanceMs(1);
    assertEquals(List.of("answer A", "answer B", "update A"), expired);
    advanceMs(60_000);
    assertEquals(3, expired.size());
  }

  @Test
  void aFinishedOperationsQueuedEntryHoldsNeitherItsResultNorItsErrorSupplier() throws Exception {
    WeakReference<?>[] refs = finishOneHoldingABigResultAndRequest();
    assertEquals(1, deadlines.queued());
    for (int i = 0; i < 50 && (refs[0].get() != null || refs[1].get() != null); i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertEquals(null, refs[0].get(), "a session would otherwise stay reachable until the deadline");
    assertEquals(null, refs[1].get(), "an encoded request would otherwise stay reachable until the deadline");
  }

  /** Starts and finishes an operation; the caller lets go of everything but the queue holds its entry. */
  private WeakReference<?>[] finishOneHoldingABigResultAndRequest() {
    Promise<Object> op = Promise.promise();
    byte[] result = new byte[1 << 20];
    byte[] request = new byte[1 << 20];
    deadlines.within(op.future(), 2_000, () -> new TimeoutException("late " + request.length));
    op.complete(result);
    return new WeakReference<?>[] {new WeakReference<>(result), new WeakReference<>(request)};
  }

  @Test
  void onAnEventLoopTheTimerExpiresLimitsWithinATick() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Deadlines real = new Deadlines(vertx)) {
      long start = System.nanoTime();
      CompletableFuture<Long> failedAfter = new CompletableFuture<>();
      real.within(Promise.promise().future(), 300, () -> new TimeoutException("late"))
          .onFailure(e -> failedAfter.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
      long ms = failedAfter.get(5, TimeUnit.SECONDS);
      assertTrue(ms >= 300 && ms <= 300 + Deadlines.TICK_MS + 400, "failed after " + ms + " ms");
    } finally {
      vertx.close().await();
    }
  }
}

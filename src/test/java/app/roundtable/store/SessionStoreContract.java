package app.roundtable.store;

import static app.roundtable.testsupport.Sessions.addIdea;
import static app.roundtable.testsupport.Sessions.fresh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Idea;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore.Subscription;
import app.roundtable.store.SessionStore.Update;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.Recorder;
import app.roundtable.testsupport.Sessions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link SessionStore}, held against every implementation. A subclass says how to
 * open a store ("a node"), how to reach the same data from a second node, and how to age a session.
 */
public abstract class SessionStoreContract {
  protected static final long LONG_TTL_MS = 60_000;
  protected static final Duration WAIT = Duration.ofSeconds(10);

  protected Vertx vertx;
  private final List<SessionStore> opened = new ArrayList<>();

  /**
   * A new node's store over the backend under test; sessions expire {@code ttlMs} after their last
   * change and are held to {@code size}.
   */
  protected abstract SessionStore openStore(Vertx vertx, long ttlMs, SessionSize size);

  protected SessionStore openStore(Vertx vertx, long ttlMs) {
    return openStore(vertx, ttlMs, SessionSize.DEFAULT);
  }

  /** A second node sharing {@code node}'s data (the same store where there is only one node). */
  protected abstract SessionStore otherNode(SessionStore node, long ttlMs);

  /** Makes {@code code}'s last change look {@code ms} older, as if that much time had passed. */
  protected abstract void age(SessionStore store, String code, long ms);

  /** The time to stamp on sessions ({@code createdAt}, {@code updatedAt}). */
  protected abstract long now();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeStores() {
    for (SessionStore s : opened) Await.result(s.close());
    Await.result(vertx.close());
  }

  /** Opens a store that is closed after the test. */
  protected SessionStore open(long ttlMs) {
    return track(openStore(vertx, ttlMs));
  }

  protected SessionStore track(SessionStore store) {
    if (!opened.contains(store)) opened.add(store);
    return store;
  }

  protected static String newCode() {
    return UUID.randomUUID().toString().substring(0, 13).toUpperCase();
  }

  protected static byte[] bytes(Session s) {
    return SessionCodec.encode(s);
  }

  @Test
  void createThenLoad() {
    SessionStore store = open(LONG_TTL_MS);
    Session s = Sessions.full();
    s.code = newCode();
    assertTrue(Await.result(store.create(s)));
    assertArrayEquals(bytes(s), bytes(Await.result(store.load(s.code))));
  }

  @Test
  void createTwiceKeepsTheFirst() {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Session first = fresh(code, now());
    Session second = fresh(code, now());
    second.title = "impostor";
    assertTrue(Await.result(store.create(first)));
    assertFalse(Await.result(store.create(second)));
    assertEquals(first.title, Await.result(store.load(code)).title);
  }

  @Test
  void loadOfUnknownCodeIsNull() {
    assertNull(Await.result(open(LONG_TTL_MS).load(newCode())));
  }

  @Test
  void updateAppliesAtTheNextVersion() {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));

    Update u = Await.result(store.update(code, addIdea("pair on it", now())));

    Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, u.outcome());
    assertSame(applied.session(), u.current());
    assertEquals(2, u.current().version);
    Session loaded = Await.result(store.load(code));
    assertEquals(2, loaded.version);
    assertEquals("pair on it", loaded.board.ideas.get(0).text);
  }

  @Test
  void refusedAndUnchangedOutcomesWriteAndPublishNothing() {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Recorder recorder = new Recorder();
    Await.result(store.subscribe(code, recorder));

    Update refused = Await.result(store.update(code, Sessions.refuse()));
    Update unchanged = Await.result(store.update(code, Sessions.unchanged()));

    assertInstanceOf(Outcome.Refused.class, refused.outcome());
    assertEquals(1, refused.current().version);
    assertInstanceOf(Outcome.Unchanged.class, unchanged.outcome());
    assertEquals(1, unchanged.current().version);
    assertEquals(1, Await.result(store.load(code)).version);
    // Had either published, the recorder would hold version 1 before version 2.
    Await.result(store.update(code, addIdea("x", now())));
    recorder.awaitVersion(2, WAIT);
    assertEquals(List.of(2L), recorder.versions());
  }

  @Test
  void updateOfUnknownSessionFails() {
    Throwable e = Await.failure(open(LONG_TTL_MS).update(newCode(), addIdea("x", now())));
    assertInstanceOf(UnknownSessionException.class, e);
  }

  @Test
  void aChangeThatThrowsFailsTheUpdateAndWritesNothing() {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Throwable e = Await.failure(store.update(code, s -> {
      throw new IllegalArgumentException("boom");
    }));
    assertInstanceOf(IllegalArgumentException.class, e);
    assertEquals(1, Await.result(store.load(code)).version);
  }

  @Test
  void anAppliedSessionMustBeAtTheNextVersion() {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Throwable e = Await.failure(store.update(code, s -> {
      Session skip = s.copy();
      skip.version = s.version + 2;
      return new Outcome.Applied(skip);
    }));
    assertInstanceOf(IllegalStateException.class, e);
    assertEquals(1, Await.result(store.load(code)).version);
  }

  @Test
  void subscribersGetEveryVersionInOrderOnTheirOwnContext() throws Exception {
    SessionStore store = open(LONG_TTL_MS);
    SessionStore other = track(otherNode(store, LONG_TTL_MS));
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Context ctxA = newContext();
    Context ctxB = newContext();
    Recorder onA = new Recorder();
    Recorder onB = new Recorder();
    Await.result(subscribeOn(ctxA, store, code, onA));
    Await.result(subscribeOn(ctxB, other, code, onB));

    int n = 100;
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) Await.result(store.update(code, addIdea("idea " + i, now())));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("[%s] %d sequential updates on one session: %.0f updates/s%n",
        getClass().getSimpleName(), n, n / seconds);

    List<Long> expected = LongStream.rangeClosed(2, n + 1).boxed().toList();
    onA.awaitVersion(n + 1, WAIT);
    onB.awaitVersion(n + 1, WAIT);
    assertEquals(expected, onA.versions());
    assertEquals(expected, onB.versions());
    assertTrue(onA.contexts().stream().allMatch(c -> c == ctxA), "delivered on the subscriber's context");
    assertTrue(onB.contexts().stream().allMatch(c -> c == ctxB), "delivered on the subscriber's context");
    // Listeners share one decoded session per version: the same bytes for everyone.
    assertArrayEquals(bytes(onA.last()), bytes(Await.result(store.load(code))));
  }

  /**
   * The server's connections keep their state on their own event loop and chain their next step
   * on these futures: a callback on the store client's thread raced the loop's own fan-out (a
   * ConcurrentModificationException in the Redis benchmark).
   */
  @Test
  void everyResultCompletesOnTheCallersContext() throws Exception {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    // Another context uses the store first, so that whatever the store keeps per context (a
    // client's pooled connections, say) belongs to it and not to the caller below.
    Context first = newContext();
    java.util.concurrent.CompletableFuture<Void> warmed = new java.util.concurrent.CompletableFuture<>();
    first.runOnContext(v -> {
      List<Future<Session>> loads = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) loads.add(store.load(code));
      Future.join(loads).onComplete(ar -> warmed.complete(null));
    });
    warmed.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    Context ctx = newContext();
    java.util.concurrent.CompletableFuture<List<Boolean>> onCaller = new java.util.concurrent.CompletableFuture<>();
    ctx.runOnContext(v -> {
      List<Boolean> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      store.create(fresh(code, now()))
          .compose(created -> { seen.add(Vertx.currentContext() == ctx); return store.load(code); })
          .compose(loaded -> { seen.add(Vertx.currentContext() == ctx); return store.update(code, addIdea("x", now())); })
          .compose(applied -> { seen.add(Vertx.currentContext() == ctx); return store.update(code, s -> new Outcome.Unchanged()); })
          .compose(unchanged -> { seen.add(Vertx.currentContext() == ctx); return store.update("NO-SUCH-" + code, addIdea("y", now())); })
          .onComplete(unknown -> { seen.add(Vertx.currentContext() == ctx); onCaller.complete(seen); });
    });
    assertEquals(List.of(true, true, true, true, true), onCaller.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
        "create, load, applied update, unchanged update, failed update: each continues on the caller's context");
  }

  /** Two loops updating one session at once: each continues on its own context, never the other's. */
  @Test
  void concurrentUpdatesOfOneSessionEachCompleteOnTheirCallersContext() throws Exception {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    List<Context> callers = List.of(newContext(), newContext(), newContext());
    int perCaller = 40;
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(callers.size() * perCaller);
    java.util.concurrent.atomic.AtomicInteger elsewhere = new java.util.concurrent.atomic.AtomicInteger();
    for (Context c : callers) {
      c.runOnContext(v -> {
        for (int i = 0; i < perCaller; i++) {
          store.update(code, addIdea("idea", now())).onComplete(ar -> {
            if (Vertx.currentContext() != c) elsewhere.incrementAndGet();
            done.countDown();
          });
        }
      });
    }
    assertTrue(done.await(WAIT.toSeconds() * 3, java.util.concurrent.TimeUnit.SECONDS), "every update finished");
    assertEquals(0, elsewhere.get(), "updates that continued on another caller's context");
    assertEquals(1 + callers.size() * perCaller, Await.result(store.load(code)).version);
  }

  @Test
  void concurrentUpdatesFromManyContextsAndNodesAllLandOnce() throws Exception {
    SessionStore store = open(LONG_TTL_MS);
    SessionStore other = track(otherNode(store, LONG_TTL_MS));
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Recorder onStore = new Recorder();
    Recorder onOther = new Recorder();
    Await.result(store.subscribe(code, onStore));
    Await.result(other.subscribe(code, onOther));

    int n = 200;
    List<Context> contexts = List.of(newContext(), newContext(), newContext(), newContext());
    AtomicInteger runs = new AtomicInteger();
    ConcurrentLinkedQueue<AsyncResult<Update>> results = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String text = "idea " + i;
      SessionStore node = i % 2 == 0 ? store : other;
      Function<Session, Outcome> change = addIdea(text, now());
      Function<Session, Outcome> counted = s -> {
        runs.incrementAndGet();
        return change.apply(s);
      };
      Runnable fire = () -> node.update(code, counted).onComplete(ar -> {
        results.add(ar);
        done.countDown();
      });
      if (i % 5 == 4) {
        // Some from plain threads, the rest from event-loop contexts.
        new Thread(() -> {
          awaitQuietly(go);
          fire.run();
        }).start();
      } else {
        Context ctx = contexts.get(i % contexts.size());
        new Thread(() -> {
          awaitQuietly(go);
          ctx.runOnContext(v -> fire.run());
        }).start();
      }
    }
    go.countDown();
    assertTrue(done.await(60, TimeUnit.SECONDS), "all updates completed");
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("[%s] %d concurrent updates on one session from 2 nodes: %.0f updates/s, change ran %d times%n",
        getClass().getSimpleName(), n, n / seconds, runs.get());

    Set<Long> versions = new HashSet<>();
    for (AsyncResult<Update> ar : results) {
      assertTrue(ar.succeeded(), () -> "update failed: " + ar.cause());
      assertInstanceOf(Outcome.Applied.class, ar.result().outcome());
      versions.add(ar.result().current().version);
    }
    assertEquals(LongStream.rangeClosed(2, n + 1).boxed().collect(java.util.stream.Collectors.toSet()), versions);

    Session last = Await.result(store.load(code));
    assertEquals(n + 1, last.version);
    Set<String> texts = new HashSet<>();
    for (Idea idea : last.board.ideas) assertTrue(texts.add(idea.text), "idea landed twice: " + idea.text);
    assertEquals(n, texts.size());
    assertTrue(runs.get() >= n);

    List<Long> expected = LongStream.rangeClosed(2, n + 1).boxed().toList();
    onStore.awaitVersion(n + 1, WAIT);
    onOther.awaitVersion(n + 1, WAIT);
    assertEquals(expected, onStore.versions());
    assertEquals(expected, onOther.versions());
  }

  @Test
  void aCancelledSubscriptionGetsNothingMore() throws Exception {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Context ctx = newContext();
    Recorder cancelled = new Recorder();
    Recorder kept = new Recorder();
    Subscription sub = Await.result(subscribeOn(ctx, store, code, cancelled));
    Await.result(subscribeOn(ctx, store, code, kept));

    Await.result(store.update(code, addIdea("one", now())));
    cancelled.awaitVersion(2, WAIT);
    Await.result(sub.cancel());
    Await.result(store.update(code, addIdea("two", now())));
    kept.awaitVersion(3, WAIT);
    flush(ctx);

    assertEquals(List.of(2L), cancelled.versions());
    assertEquals(List.of(2L, 3L), kept.versions());
  }

  @Test
  void aSessionCanBeSubscribedBeforeItExists() {
    SessionStore store = open(LONG_TTL_MS);
    String code = newCode();
    Recorder recorder = new Recorder();
    Await.result(store.subscribe(code, recorder));
    Await.result(store.create(fresh(code, now())));
    Await.result(store.update(code, addIdea("x", now())));
    recorder.awaitVersion(2, WAIT);
    assertEquals(List.of(2L), recorder.versions());
  }

  @Test
  void aSessionExpiresTtlAfterItsLastChange() {
    long ttl = 60_000;
    SessionStore store = open(ttl);
    String code = newCode();
    Await.result(store.create(fresh(code, now())));

    age(store, code, ttl - 20_000);
    Await.result(store.update(code, addIdea("keeps it alive", now())));
    age(store, code, ttl - 20_000);
    assertNotNull(Await.result(store.load(code)), "an update restarts the expiry");

    age(store, code, ttl + 1);
    assertNull(Await.result(store.load(code)));
    assertInstanceOf(UnknownSessionException.class, Await.failure(store.update(code, addIdea("late", now()))));
    assertTrue(Await.result(store.create(fresh(code, now()))), "an expired code can be used again");
  }

  @Test
  void aSessionNobodyJoinedExpiresTwoHoursAfterItsCreation() {
    SessionStore store = open(Duration.ofDays(30).toMillis());
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    age(store, code, Expiry.UNJOINED_MS - 60_000);
    assertEquals(Duration.ofHours(2).toMillis(), Expiry.UNJOINED_MS);
    assertNotNull(Await.result(store.load(code)), "alive within its two hours");
    age(store, code, 60_001);
    assertNull(Await.result(store.load(code)), "gone after two hours, though the TTL is 30 days");
  }

  @Test
  void aJoinedSessionOutlivesTheTwoHours() {
    SessionStore store = open(Duration.ofDays(30).toMillis());
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Await.result(store.update(code, app.roundtable.testsupport.Sessions.addMember("m1", now())));
    age(store, code, Expiry.UNJOINED_MS + 60_000);
    assertNotNull(Await.result(store.load(code)));
  }

  @Test
  void aChangeThatWouldPassTheSizeCapIsRefusedAndWritesNothing() {
    SessionStore store = track(openStore(vertx, LONG_TTL_MS, new SessionSize(8 * 1024)));
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Recorder recorder = new Recorder();
    Await.result(store.subscribe(code, recorder));
    String text = "x".repeat(1000);
    Update u = null;
    int posted = 0;
    for (; posted < 20; posted++) {
      u = Await.result(store.update(code, addIdea(text, now())));
      if (u.outcome() instanceof Outcome.Refused) break;
    }
    Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, u.outcome(), "refused before 20 ideas of 1000 bytes");
    assertEquals(app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED, refused.refusal().reason());
    long kept = u.current().version;
    assertTrue(bytes(u.current()).length <= 8 * 1024, "what stands is within the cap");
    Session wouldBe = ((Outcome.Applied) addIdea(text, now()).apply(u.current())).session();
    assertTrue(bytes(wouldBe).length > 8 * 1024, "and the next idea would have passed it");
    assertEquals(kept, Await.result(store.load(code)).version, "nothing was written");
    // A small change still goes: a full session keeps working (the reserve above the cap).
    Update small = Await.result(store.update(code, addIdea("ok", now())));
    assertInstanceOf(Outcome.Applied.class, small.outcome());
    recorder.awaitVersion(kept + 1, WAIT);
    assertEquals(LongStream.rangeClosed(2, kept + 1).boxed().toList(), recorder.versions(), "refusals published nothing");
  }

  @Test
  void deleteRemovesTheSessionAndTellsEverySubscriberOnEveryNode() {
    SessionStore store = open(LONG_TTL_MS);
    SessionStore other = track(otherNode(store, LONG_TTL_MS));
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Await.result(store.update(code, addIdea("secret plan", now())));
    Recorder here = new Recorder();
    Recorder there = new Recorder();
    Await.result(store.subscribe(code, here));
    Await.result(other.subscribe(code, there));

    assertTrue(Await.result(other.delete(code)));

    here.awaitDeleted(WAIT);
    there.awaitDeleted(WAIT);
    assertNull(Await.result(store.load(code)));
    assertNull(Await.result(other.load(code)));
    assertInstanceOf(UnknownSessionException.class, Await.failure(store.update(code, addIdea("late", now()))));
    assertFalse(Await.result(store.delete(code)), "nothing left to delete");
    assertEquals(1, here.deletions(), "told once");
    assertEquals(List.of(), here.versions(), "no version after (or instead of) the delete");
  }

  @Test
  void deleteOfAnUnknownCodeIsFalse() {
    assertFalse(Await.result(open(LONG_TTL_MS).delete(newCode())));
  }

  @Test
  void aHeartbeatMakesANodeLive() {
    SessionStore store = open(LONG_TTL_MS);
    Await.result(store.heartbeat("node-1", 10_000));
    assertTrue(Await.result(store.liveNodes(Set.of("node-1"))).contains("node-1"));
    assertEquals(Set.of(), Await.result(store.liveNodes(Set.of())));
  }

  @Test
  void pingAnswers() {
    Await.result(open(LONG_TTL_MS).ping());
  }

  protected Context newContext() {
    return ((VertxInternal) vertx).createEventLoopContext();
  }

  protected static Future<Subscription> subscribeOn(Context ctx, SessionStore store, String code, Recorder r) {
    Promise<Subscription> p = Promise.promise();
    ctx.runOnContext(v -> store.subscribe(code, r).onComplete(p));
    return p.future();
  }

  /** Returns once every task queued on {@code ctx} before this call has run. */
  protected static void flush(Context ctx) {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> p.complete());
    Await.result(p.future());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

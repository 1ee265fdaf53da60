package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Commitment;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Member;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import app.roundtable.store.redis.RedisEndpoint;
import app.roundtable.store.redis.RedisSessionStore;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.Sessions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What docs/deploy.md tells the operator, held against a real {@code redis-server} with {@code
 * appendonly yes}: after a session is deleted (or expires), its texts are still in the AOF (that is
 * how an AOF works); after {@code BGREWRITEAOF} and {@code BGSAVE}, no file in Redis's directory
 * holds any of them, while a session still there is found by the same scan.
 */
class RedisLeavesNoTraceTest {
  private RedisServer redis;
  private Vertx vertx;
  private RedisSessionStore store;

  @BeforeEach
  void start() {
    redis = RedisServer.startWithAppendOnlyFile();
    vertx = Vertx.vertx();
    store = new RedisSessionStore(vertx, new RedisEndpoint(redis.url(), null),
        new RedisSessionStore.Options(Duration.ofDays(30).toMillis(), RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS));
  }

  @AfterEach
  void stop() {
    Await.result(store.close());
    Await.result(vertx.close());
    redis.close();
  }

  @Test
  void aDeletedSessionIsGoneFromTheAofAndTheSnapshotOnceRewritten() throws Exception {
    List<String> gone = lived("GONE");
    List<String> kept = lived("KEPT");
    assertTrue(Await.result(store.delete(code("GONE"))));
    assertFalse(found(gone).isEmpty(), "before the rewrite the AOF still has it: the operator's step matters");

    rewriteAndSnapshot();

    assertEquals(List.of(), found(gone), "texts of the deleted session in Redis's files");
    assertEquals(java.util.Set.copyOf(kept), java.util.Set.copyOf(found(kept)), "the session still there is in them");
  }

  @Test
  void anExpiredSessionIsGoneFromTheAofAndTheSnapshotOnceRewritten() throws Exception {
    List<String> gone = lived("OLD1");
    List<String> kept = lived("NEW1");
    redis.command("PEXPIRE", RedisSessionStore.stateKey(code("OLD1")), "1");
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (((Long) redis.command("EXISTS", RedisSessionStore.stateKey(code("OLD1")))) != 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(null, Await.result(store.load(code("OLD1"))));

    rewriteAndSnapshot();

    assertEquals(List.of(), found(gone), "texts of the expired session in Redis's files");
    assertEquals(java.util.Set.copyOf(kept), java.util.Set.copyOf(found(kept)));
  }

  /** What docs/deploy.md says to run: an AOF rewrite, and a new snapshot in place of the old. */
  private void rewriteAndSnapshot() throws Exception {
    redis.command("BGREWRITEAOF");
    awaitInfo("aof_rewrite_in_progress:0", "aof_rewrite_scheduled:0");
    redis.command("BGSAVE");
    awaitInfo("rdb_bgsave_in_progress:0");
    // The old increment files of the AOF are removed once the rewrite's manifest is in place.
    Thread.sleep(200);
  }

  private void awaitInfo(String... lines) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(50);
      String info = String.valueOf(redis.command("INFO", "persistence"));
      boolean all = true;
      for (String l : lines) all &= info.contains(l);
      if (all) return;
    }
    throw new AssertionError("Redis did not finish: " + String.join(", ", lines));
  }

  /** A session with texts of its own, changed a few times (each change is one more SET in the AOF). */
  private List<String> lived(String tag) {
    List<String> texts = List.of("Title-" + tag + "-q7", "Name-" + tag + "-z3", "Idea-" + tag + "-w1",
        "Commitment-" + tag + "-k5", "Note-" + tag + "-n8");
    long now = System.currentTimeMillis();
    Session s = Sessions.fresh(code(tag), now);
    s.title = texts.get(0);
    assertTrue(Await.result(store.create(s)));
    change(tag, next -> next.members.put("m1", new Member("m1", texts.get(1), "r".repeat(64), now)));
    change(tag, next -> next.board.ideas.add(new Idea("i1", texts.get(2), "m1")));
    change(tag, next -> {
      Commitment c = new Commitment("c1", "m1", texts.get(1), texts.get(3));
      c.note = texts.get(4);
      next.commitments.add(c);
    });
    return texts;
  }

  private void change(String tag, java.util.function.Consumer<Session> edit) {
    Await.result(store.update(code(tag), cur -> {
      Session next = cur.copy();
      edit.accept(next);
      next.version = cur.version + 1;
      return new Outcome.Applied(next);
    }));
  }

  private static String code(String tag) {
    return tag + "-SESSION";
  }

  /** Which of {@code texts} are in the raw bytes of any file under Redis's directory (AOF files, dump.rdb). */
  private List<String> found(List<String> texts) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(redis.dir())) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".log")).toList()) {
        String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String t : texts) if (raw.contains(t) && !found.contains(t)) found.add(t);
      }
    }
    return found;
  }
}

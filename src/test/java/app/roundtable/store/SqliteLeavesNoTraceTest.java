package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Commitment;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Member;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import app.roundtable.store.sqlite.SqliteSessionStore;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.Sessions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleted means gone from the disk: after a delete, and after expiry, the raw bytes of the SQLite
 * file, its WAL and its shared-memory file hold none of the session's texts (its title, names, idea
 * texts, commitments and their notes), of its last version or of any earlier one. A session that is
 * still there is found by the same scan, so the scan can fail.
 */
class SqliteLeavesNoTraceTest {
  private static final long TTL_MS = Duration.ofDays(30).toMillis();
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private final List<SqliteSessionStore> opened = new ArrayList<>();
  @TempDir Path root;

  @AfterEach
  void close() {
    for (SqliteSessionStore s : opened) Await.result(s.close());
    Await.result(vertx.close());
  }

  private SqliteSessionStore open(Path dir) {
    SqliteSessionStore s = SqliteSessionStore.open(vertx, dir, TTL_MS, clock::get);
    opened.add(s);
    return s;
  }

  @Test
  void aDeletedSessionLeavesNoTextInTheFileOrItsLog() throws Exception {
    Path dir = root.resolve("delete");
    SqliteSessionStore store = open(dir);
    List<String> gone = lived(store, "GONE");
    List<String> kept = lived(store, "KEPT");
    assertEverywhere(dir, kept, "a session that is still there is found");

    assertTrue(Await.result(store.delete(code("GONE"))));

    awaitNowhere(dir, gone);
    assertEverywhere(dir, kept, "the other session is untouched");
  }

  @Test
  void anExpiredSessionLeavesNoTextInTheFileOrItsLog() throws Exception {
    Path dir = root.resolve("expiry");
    SqliteSessionStore store = open(dir);
    List<String> gone = lived(store, "OLD1");
    clock.addAndGet(TTL_MS / 2);
    List<String> kept = lived(store, "NEW1");
    clock.addAndGet(TTL_MS / 2 + 1);

    assertEquals(1, Await.result(store.sweep()));

    awaitNowhere(dir, gone);
    assertEverywhere(dir, kept, "the younger session is untouched");
  }

  @Test
  void theDirectoryIsTheOwnersAloneAndSoIsEveryFile() throws Exception {
    Path dir = root.resolve("modes");
    SqliteSessionStore store = open(dir);
    lived(store, "MODE");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.getFileName() + "");
      }
    }
  }

  @Test
  void aFileFromBeforeIsRebuiltOnceSoThatDeletesCanShrinkIt() throws Exception {
    Path dir = root.resolve("old");
    Files.createDirectories(dir);
    // As the previous release left it: the schema, no auto_vacuum, a row.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("roundtable.db"));
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      st.execute("INSERT INTO schema_version VALUES (1)");
      st.execute("CREATE TABLE sessions (code TEXT PRIMARY KEY, version INTEGER NOT NULL, state BLOB NOT NULL,"
          + " updated_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)");
      st.execute("CREATE INDEX sessions_by_expiry ON sessions (expires_at)");
      assertEquals(0, single(st, "PRAGMA auto_vacuum"));
    }
    Await.result(open(dir).close());
    opened.clear();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("roundtable.db"));
        Statement st = c.createStatement()) {
      assertEquals(2, single(st, "PRAGMA auto_vacuum"), "incremental");
    }
  }

  /** A session with texts of its own, changed a few times (earlier versions are written too). */
  private List<String> lived(SqliteSessionStore store, String tag) {
    List<String> texts = List.of("Title-" + tag + "-q7", "Name-" + tag + "-z3", "Idea-" + tag + "-w1",
        "Idea-" + tag + "-w2", "Commitment-" + tag + "-k5", "Note-" + tag + "-n8");
    Session s = Sessions.fresh(code(tag), clock.get());
    s.title = texts.get(0);
    assertTrue(Await.result(store.create(s)));
    change(store, tag, next -> next.members.put("m1", new Member("m1", texts.get(1), "r".repeat(64), clock.get())));
    change(store, tag, next -> next.board.ideas.add(new Idea("i1", texts.get(2), "m1")));
    change(store, tag, next -> next.board.ideas.add(new Idea("i2", texts.get(3), "m1")));
    change(store, tag, next -> {
      Commitment c = new Commitment("c1", "m1", texts.get(1), texts.get(4));
      c.note = texts.get(5);
      next.commitments.add(c);
    });
    // An earlier text the last version no longer has: old versions must go too.
    change(store, tag, next -> next.board.ideas.removeIf(i -> i.id.equals("i2")));
    return texts;
  }

  private void change(SqliteSessionStore store, String tag, java.util.function.Consumer<Session> edit) {
    Await.result(store.update(code(tag), cur -> {
      Session next = cur.copy();
      edit.accept(next);
      next.version = cur.version + 1;
      next.updatedAt = clock.get();
      return new Outcome.Applied(next);
    }));
  }

  private static String code(String tag) {
    return tag + "-SESSION";
  }

  private static void awaitNowhere(Path dir, List<String> texts) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> found = found(dir, texts);
    while (!found.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(100);
      found = found(dir, texts);
    }
    assertEquals(List.of(), found, "texts of the deleted session still on disk");
  }

  private static void assertEverywhere(Path dir, List<String> texts, String why) throws IOException {
    List<String> missing = new ArrayList<>(texts.subList(0, 3));
    missing.removeAll(found(dir, texts));
    assertEquals(List.of(), missing, why);
  }

  /** Which of {@code texts} are in the raw bytes of any file of the directory (the db, -wal, -shm). */
  private static List<String> found(Path dir, List<String> texts) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String t : texts) if (raw.contains(t) && !found.contains(t)) found.add(t);
      }
    }
    return found;
  }

  private static int single(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

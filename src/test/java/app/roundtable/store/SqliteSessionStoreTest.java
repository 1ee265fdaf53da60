package app.roundtable.store;

import static app.roundtable.testsupport.Sessions.addIdea;
import static app.roundtable.testsupport.Sessions.fresh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Member;
import app.roundtable.domain.Session;
import app.roundtable.store.sqlite.SqliteSessionStore;
import app.roundtable.store.sqlite.StartupException;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.ReadOnlyDir;
import app.roundtable.testsupport.Recorder;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, and what only a file on disk can do: outlive the process, fill up, break. */
class SqliteSessionStoreTest extends InProcessStoreContract {
  private final AtomicInteger dirs = new AtomicInteger();
  @TempDir Path root;

  @Override
  protected SessionStore openStore(Vertx vertx, long ttlMs, SessionSize size) {
    return SqliteSessionStore.open(vertx, new SqliteSessionStore.Options(root.resolve("d" + dirs.incrementAndGet()),
        ttlMs, false, 0, 1_000, size, Long.MAX_VALUE), clock::get);
  }

  private SqliteSessionStore openIn(Path dir, long ttlMs, long maxPages) {
    return SqliteSessionStore.open(vertx, new SqliteSessionStore.Options(dir, ttlMs, false, maxPages, 1_000), clock::get);
  }

  @Test
  void everySavedVersionOutlivesTheStoreAndVersionsContinue() {
    Path dir = root.resolve("restart");
    SqliteSessionStore first = openIn(dir, LONG_TTL_MS, 0);
    Session s = app.roundtable.testsupport.Sessions.full();
    s.code = newCode();
    s.updatedAt = now();
    Await.result(first.create(s));
    for (int i = 0; i < 20; i++) Await.result(first.update(s.code, addIdea("idea " + i, now())));
    Session saved = Await.result(first.load(s.code));
    Await.result(first.close());

    SqliteSessionStore second = (SqliteSessionStore) track(openIn(dir, LONG_TTL_MS, 0));
    assertArrayEquals(bytes(saved), bytes(Await.result(second.load(s.code))), "the whole state, private parts included");
    SessionStore.Update u = Await.result(second.update(s.code, addIdea("after", now())));
    assertEquals(saved.version + 1, u.current().version);
  }

  @Test
  void expiryDeletesTheRows() throws Exception {
    Path dir = root.resolve("expiry");
    SqliteSessionStore store = (SqliteSessionStore) track(openIn(dir, LONG_TTL_MS, 0));
    String old = newCode();
    String young = newCode();
    Await.result(store.create(joined(old)));
    clock.addAndGet(LONG_TTL_MS / 2);
    Await.result(store.create(joined(young)));
    clock.addAndGet(LONG_TTL_MS / 2 + 1);

    assertEquals(1, Await.result(store.sweep()));
    assertEquals(List.of(young), codesOnDisk(dir));
    assertNull(Await.result(store.load(old)));
    assertNotNull(Await.result(store.load(young)));
  }

  @Test
  void aSessionNobodyJoinedIsDeleted24HoursAfterCreation() throws Exception {
    Path dir = root.resolve("unjoined");
    long month = 30L * 24 * 3600 * 1000;
    SqliteSessionStore store = (SqliteSessionStore) track(openIn(dir, month, 0));
    String unjoined = newCode();
    String joined = newCode();
    Await.result(store.create(fresh(unjoined, now())));
    Await.result(store.create(joined(joined)));
    clock.addAndGet(Expiry.UNJOINED_MS + 1);

    assertNull(Await.result(store.load(unjoined)));
    assertEquals(1, Await.result(store.sweep()));
    assertEquals(List.of(joined), codesOnDisk(dir));
  }

  @Test
  void expiredRowsAreNotLoadedAtStart() throws Exception {
    Path dir = root.resolve("expired-at-start");
    SqliteSessionStore first = openIn(dir, LONG_TTL_MS, 0);
    String code = newCode();
    Await.result(first.create(joined(code)));
    Await.result(first.close());
    clock.addAndGet(LONG_TTL_MS + 1);

    SqliteSessionStore second = (SqliteSessionStore) track(openIn(dir, LONG_TTL_MS, 0));
    assertNull(Await.result(second.load(code)));
    assertEquals(List.of(), codesOnDisk(dir));
  }

  /**
   * A full disk, played by SQLite's max_page_count (this test may not mount a small tmpfs): a change
   * that cannot be saved fails as unavailable, is never shown to anyone, and the session stays at
   * its last saved version.
   */
  @Test
  void aFullDiskRefusesChangesAndLosesNothingSaved() {
    SqliteSessionStore store = (SqliteSessionStore) track(openIn(root.resolve("full"), LONG_TTL_MS, 12));
    String code = newCode();
    Await.result(store.create(fresh(code, now())));
    Recorder seen = new Recorder();
    Await.result(store.subscribe(code, seen));
    String big = "x".repeat(2_000);
    Throwable failure = null;
    long lastSaved = 1;
    for (int i = 0; i < 200 && failure == null; i++) {
      var f = store.update(code, addIdea(big + i, now()));
      Await.until("update settled", WAIT, f::isComplete);
      if (f.succeeded()) lastSaved = f.result().current().version;
      else failure = f.cause();
    }
    assertInstanceOf(StoreUnavailableException.class, failure, "the disk filled up");
    assertTrue(lastSaved > 1, "some changes were saved before the disk filled");
    assertEquals(lastSaved, Await.result(store.load(code)).version);
    seen.awaitVersion(lastSaved, WAIT);
    assertEquals(lastSaved, seen.last().version, "subscribers never got the unsaved version");
    assertInstanceOf(StoreUnavailableException.class,
        Await.failure(store.update(code, addIdea(big, now()))), "still full: still refused");
    assertEquals(lastSaved, Await.result(store.load(code)).version);
  }

  @Test
  void pastMaxSessionsACreateIsRefusedAndWritesNothing() throws Exception {
    Path dir = root.resolve("bounded");
    SqliteSessionStore store = (SqliteSessionStore) track(SqliteSessionStore.open(vertx,
        new SqliteSessionStore.Options(dir, LONG_TTL_MS, false, 0, 2), clock::get));
    String a = newCode();
    String b = newCode();
    Await.result(store.create(joined(a)));
    Await.result(store.create(joined(b)));
    assertInstanceOf(StoreFullException.class, Await.failure(store.create(joined(newCode()))));
    assertEquals(java.util.stream.Stream.of(a, b).sorted().toList(), codesOnDisk(dir));
  }

  @Test
  void anUnwritableDirectoryIsRefusedAtStart() throws Exception {
    Path dir = Files.createDirectories(root.resolve("read-only"));
    try (ReadOnlyDir ro = ReadOnlyDir.of(dir)) {
      StartupException e = assertThrows(StartupException.class, () -> openIn(dir, LONG_TTL_MS, 0));
      assertTrue(e.getMessage().contains("DATA_DIR") && e.getMessage().contains("writable"), e.getMessage());
    }
  }

  @Test
  void aDamagedFileIsRefusedWithWhatToDo() throws Exception {
    Path dir = Files.createDirectories(root.resolve("damaged"));
    Files.write(dir.resolve("roundtable.db"), "this is not a database, just some text".repeat(200).getBytes());
    StartupException e = assertThrows(StartupException.class, () -> openIn(dir, LONG_TTL_MS, 0));
    assertTrue(e.getMessage().contains("backup"), e.getMessage());
  }

  @Test
  void aFileFromANewerVersionIsRefusedWithWhatToDo() throws Exception {
    Path dir = root.resolve("newer");
    Await.result(openIn(dir, LONG_TTL_MS, 0).close());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("roundtable.db"));
        Statement st = c.createStatement()) {
      st.execute("UPDATE schema_version SET version = 99");
    }
    StartupException e = assertThrows(StartupException.class, () -> openIn(dir, LONG_TTL_MS, 0));
    assertTrue(e.getMessage().contains("newer Roundtable (schema 99"), e.getMessage());
  }

  @Test
  void asecondStoreOnTheSameDirectoryIsRefused() {
    Path dir = root.resolve("shared");
    track(openIn(dir, LONG_TTL_MS, 0));
    StartupException e = assertThrows(StartupException.class, () -> openIn(dir, LONG_TTL_MS, 0));
    assertTrue(e.getMessage().contains("Another Roundtable process"), e.getMessage());
  }

  private Session joined(String code) {
    Session s = fresh(code, now());
    s.members.put("m1", new Member("m1", "Ada", "h".repeat(64), now()));
    return s;
  }

  private static List<String> codesOnDisk(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("roundtable.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT code FROM sessions ORDER BY code")) {
      List<String> codes = new java.util.ArrayList<>();
      while (rs.next()) codes.add(rs.getString(1));
      return codes;
    }
  }
}

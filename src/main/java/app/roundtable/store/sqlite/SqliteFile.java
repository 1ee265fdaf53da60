package app.roundtable.store.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@code DATA_DIR/roundtable.db} for the one writer: checks the directory, takes the lock,
 * sets WAL, refuses a damaged or newer file, and migrates an older schema forward. Every refusal
 * is a {@link StartupException} whose message says what to do.
 *
 * <p>Deleted means gone from the disk too: the directory is 0700 and its files 0600 (SQLite gives
 * the WAL and shared-memory files the database file's mode); {@code secure_delete} zeroes what a
 * delete or an update frees; {@code auto_vacuum = INCREMENTAL} lets {@link #scrub} hand the freed
 * pages back (a file made without it is rebuilt once with {@code VACUUM}); the WAL, which still
 * holds the pages as they were, is truncated after every delete and bounded by {@code
 * journal_size_limit} otherwise.
 */
final class SqliteFile {
  static final String FILE_NAME = "roundtable.db";
  /** The schema this code writes. Migration {@code i} takes a file from version {@code i} to {@code i + 1}. */
  static final int SCHEMA_VERSION = 1;
  private static final List<List<String>> MIGRATIONS = List.of(
      // 0 → 1: one row per session: the whole state (SessionCodec JSON, private parts included) with
      // its version and when it expires. A summary and a follow-up read the state, nothing else.
      List.of(
          "CREATE TABLE sessions (code TEXT PRIMARY KEY, version INTEGER NOT NULL, state BLOB NOT NULL,"
              + " updated_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)",
          "CREATE INDEX sessions_by_expiry ON sessions (expires_at)"));

  /** The WAL is cut back to this after a checkpoint resets it (it grows past it only between checkpoints). */
  static final long JOURNAL_SIZE_LIMIT = 4L << 20;
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY_DIR =
      java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY_FILE =
      java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
  private static final Logger LOG = LoggerFactory.getLogger(SqliteFile.class);

  private SqliteFile() {}

  /**
   * After rows were deleted, on the writer's connection: the freed pages (already zeroed by {@code
   * secure_delete}) go back to the file system and the WAL is emptied, so neither the file nor its
   * log holds the deleted texts; when a checkpoint elsewhere keeps the WAL busy, {@code
   * checkpointer} empties it at its next turn.
   */
  static void scrub(Connection c, SqliteCheckpointer checkpointer) throws SQLException {
    try (Statement st = c.createStatement()) {
      // With no count, every free page goes back (the pragma runs its whole loop in one step).
      st.execute("PRAGMA incremental_vacuum");
      if (!SqliteCheckpointer.truncated(st)) checkpointer.truncateSoon();
    }
  }

  /** The directory 0700, created so if missing; a directory someone else owns is left as it is, with a warning. */
  private static void ownerOnlyDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
    }
    try {
      Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    } catch (IOException e) {
      LOG.warn("could not make {} private to this user (0700): {}", dir, e.toString());
    }
  }

  /** {@code file} 0600, created empty if missing (SQLite takes an empty file as a new database). */
  private static void ownerOnlyFile(Path file, boolean create) throws IOException {
    try {
      if (create && !Files.exists(file)) {
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      }
      if (Files.exists(file)) Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    } catch (UnsupportedOperationException e) {
      if (create && !Files.exists(file)) Files.createFile(file);
    }
  }

  /** The connection and the lock that keeps a second process off the same file. */
  record Opened(Connection connection, FileChannel lockFile, FileLock lock, SqliteCheckpointer checkpointer) {
    void close() {
      checkpointer.stop();
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing after a failure: nothing more to save
      }
      try {
        lock.release();
        lockFile.close();
      } catch (IOException ignored) {
        // the process is letting go of the directory either way
      }
    }
  }

  static Opened open(Path dir, boolean syncEveryCommit, long maxPageCount) {
    Path file = dir.resolve(FILE_NAME);
    FileChannel lockFile = null;
    FileLock lock;
    try {
      ownerOnlyDirectory(dir);
      ownerOnlyFile(dir.resolve("roundtable.lock"), true);
      lockFile = FileChannel.open(dir.resolve("roundtable.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockFile.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // this JVM already holds it: another store over the same directory
    } catch (IOException e) {
      closeQuietly(lockFile);
      throw new StartupException("DATA_DIR " + dir.toAbsolutePath() + " cannot be created or written (" + e
          + "). Point DATA_DIR at a writable directory (in a container: mount a volume there), or set"
          + " STORE=memory to keep sessions in memory only.", e);
    }
    if (lock == null) {
      closeQuietly(lockFile);
      throw new StartupException("Another Roundtable process is using " + dir.toAbsolutePath()
          + ". Stop it first, or give this one its own DATA_DIR (several nodes share sessions through REDIS_URL).");
    }
    try {
      ownerOnlyFile(file, true);
      ownerOnlyFile(dir.resolve(FILE_NAME + "-wal"), false);
      ownerOnlyFile(dir.resolve(FILE_NAME + "-shm"), false);
    } catch (IOException e) {
      closeQuietly(lockFile);
      throw new StartupException("Cannot create " + file.toAbsolutePath() + " (" + e + "). Make DATA_DIR writable by"
          + " this process (in a container: mount a volume), or set STORE=memory.", e);
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        prepare(c, file, syncEveryCommit, maxPageCount);
      } catch (RuntimeException | SQLException e) {
        c.close();
        throw e;
      }
      return new Opened(c, lockFile, lock, new SqliteCheckpointer(file));
    } catch (SQLException e) {
      closeQuietly(lockFile);
      throw new StartupException(explain(file, e), e);
    } catch (RuntimeException e) {
      closeQuietly(lockFile);
      throw e;
    }
  }

  private static void prepare(Connection c, Path file, boolean syncEveryCommit, long maxPageCount) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      String ok = single(st, "PRAGMA quick_check");
      if (!"ok".equals(ok)) {
        throw new StartupException(file.toAbsolutePath() + " is damaged (quick_check: " + ok + "). Restore it from a"
            + " backup (docs/deploy.md), or move it aside to start with no sessions.");
      }
      // Before any table exists (a new file), or rebuilt once by VACUUM (a file from before).
      if (!"2".equals(single(st, "PRAGMA auto_vacuum"))) {
        st.execute("PRAGMA auto_vacuum = INCREMENTAL");
        if (single(st, "SELECT name FROM sqlite_master LIMIT 1") != null) {
          LOG.info("rebuilding {} once so that deleted sessions can be removed from it", file);
          st.execute("VACUUM");
        }
      }
      st.execute("PRAGMA secure_delete = ON");
      String mode = single(st, "PRAGMA journal_mode = WAL");
      if (!"wal".equalsIgnoreCase(mode)) throw new SQLException("journal_mode stayed " + mode);
      // NORMAL (with WAL): every commit is written to the WAL before it is acknowledged, so a crash
      // or kill -9 of this process loses nothing acknowledged; the disk is synced at checkpoints, so
      // a power cut may lose the last commits (the file stays consistent). FULL also syncs every
      // commit, surviving power loss, at one fsync per group commit (docs/benchmarks.md).
      st.execute("PRAGMA synchronous = " + (syncEveryCommit ? "FULL" : "NORMAL"));
      // Checkpoints run beside the writer (SqliteCheckpointer); this only bounds the WAL if they stop.
      st.execute("PRAGMA wal_autocheckpoint = 50000");
      st.execute("PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT);
      if (maxPageCount > 0) st.execute("PRAGMA max_page_count = " + maxPageCount);
      migrate(c, st, file);
    }
  }

  private static void migrate(Connection c, Statement st, Path file) throws SQLException {
    st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    String v = single(st, "SELECT max(version) FROM schema_version");
    int version = v == null ? 0 : Integer.parseInt(v);
    if (version > SCHEMA_VERSION) {
      throw new StartupException(file.toAbsolutePath() + " was written by a newer Roundtable (schema " + version
          + "; this one knows up to " + SCHEMA_VERSION + "). Run the newer version, or restore a backup taken"
          + " before the upgrade (docs/deploy.md).");
    }
    if (version == SCHEMA_VERSION) return;
    c.setAutoCommit(false);
    try {
      for (int from = version; from < SCHEMA_VERSION; from++) {
        for (String sql : MIGRATIONS.get(from)) st.execute(sql);
      }
      st.execute("DELETE FROM schema_version");
      st.execute("INSERT INTO schema_version (version) VALUES (" + SCHEMA_VERSION + ")");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String explain(Path file, SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT")) {
      return file.toAbsolutePath() + " is not a Roundtable database or is damaged (" + m + "). Restore it from a"
          + " backup (docs/deploy.md), or move it aside to start with no sessions.";
    }
    if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN") || m.contains("SQLITE_PERM")) {
      return file.toAbsolutePath() + " cannot be opened for writing (" + m + "). Make DATA_DIR and the file"
          + " writable by this process (in a container: mount a volume), or set STORE=memory.";
    }
    if (m.contains("SQLITE_FULL")) {
      return "The disk holding " + file.toAbsolutePath() + " is full (" + m + "). Free some space and start again.";
    }
    return "Cannot open " + file.toAbsolutePath() + ": " + m;
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // already failing with a clearer error
    }
  }
}

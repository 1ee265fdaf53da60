package app.roundtable.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the WAL back into the database file on a thread and connection of its own. A checkpoint
 * writes pages back and syncs the disk; done by the writer (SQLite's automatic checkpoint) it held
 * every commit behind it, and on a busy shared disk those syncs took long enough to back the
 * writer up by seconds (docs/benchmarks.md). A PASSIVE checkpoint never blocks the writer.
 */
final class SqliteCheckpointer {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
  /** How often the WAL is folded back; the WAL then holds about this much time of changes. */
  static final long EVERY_MS = 500;

  private final Thread thread;
  private volatile boolean stopped;
  /** A delete asked for the WAL to be emptied, and it has not been yet. */
  private volatile boolean truncate;

  SqliteCheckpointer(Path file) {
    this.thread = new Thread(() -> run(file), "sqlite-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      while (!stopped) {
        Thread.sleep(EVERY_MS);
        try {
          if (truncate) {
            truncate = false;
            if (!truncated(st)) truncate = true; // a writer was busy: again next time
          } else {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
          }
        } catch (SQLException e) {
          LOG.warn("checkpoint failed (the WAL grows until one succeeds): {}", e.getMessage());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.atError().addKeyValue("event", "checkpoints_stopped").log("checkpoints stopped: {}", e.getMessage());
    }
  }

  /**
   * Empties the WAL at the next turn (and the turns after, until it succeeds): after a delete the
   * WAL still holds the pages as they were before it, the deleted texts included, until it is
   * truncated (docs/deploy.md "Deleted means gone").
   */
  void truncateSoon() {
    truncate = true;
  }

  /** A TRUNCATE checkpoint on {@code st}'s connection: false when it could not finish (busy). */
  static boolean truncated(Statement st) throws SQLException {
    try (java.sql.ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      return !rs.next() || rs.getInt(1) == 0;
    }
  }

  /** Returns once the thread has let go of its connection. */
  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package app.roundtable.store.sqlite;

import app.roundtable.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the JDBC connection (JDBC blocks, so never an event loop). Writes wait
 * in a bounded queue; the thread takes everything waiting and commits it in ONE transaction (group
 * commit: one WAL sync for many changes), then tells each write whether it landed. Other work on
 * the connection (the expiry sweep, close) runs as a {@link Task} between batches, in queue order.
 */
final class SqliteWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteWriter.class);
  private static final String UPSERT = "INSERT INTO sessions (code, version, state, updated_at, expires_at)"
      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET version = excluded.version,"
      + " state = excluded.state, updated_at = excluded.updated_at, expires_at = excluded.expires_at";

  /** Something for the writer thread to do. */
  interface Job {}

  /**
   * One session's new version, already encoded. {@link #accept} is asked on the writer thread just
   * before the batch is written: false drops it (it was built on a change that was not saved).
   */
  interface Write extends Job {
    String code();

    long version();

    byte[] state();

    long updatedAt();

    long expiresAt();

    boolean accept();

    void committed();

    void failed(StoreUnavailableException e);
  }

  /** Work on the connection between batches; its future completes on the writer thread. */
  record Task(Work work, CompletableFuture<Object> done) implements Job {}

  @FunctionalInterface
  interface Work {
    Object run(Connection c) throws SQLException;
  }

  /** Told after every commit how many changes it carried and how long it took. */
  public interface CommitListener {
    void committed(int changes, long nanos);
  }

  private final SqliteFile.Opened file;
  private final BlockingQueue<Job> queue;
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final Thread thread;
  private volatile CommitListener listener = (n, nanos) -> {};
  private volatile boolean stopped;

  SqliteWriter(SqliteFile.Opened file, int capacity) {
    this.file = file;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "sqlite-writer");
    thread.setDaemon(true);
    thread.start();
  }

  void listener(CommitListener l) {
    this.listener = l;
  }

  /** False when the queue is full or the writer is closing: the caller refuses the change. */
  boolean offer(Write w) {
    return accepting.get() && queue.offer(w);
  }

  CompletableFuture<Object> run(Work work) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    if (!accepting.get() || !queue.offer(new Task(work, done))) {
      done.completeExceptionally(new StoreUnavailableException("the database is busy or closing"));
    }
    return done;
  }

  /** Writes everything already queued, then closes the connection; nothing is accepted after. */
  CompletableFuture<Object> close() {
    CompletableFuture<Object> done = new CompletableFuture<>();
    if (!accepting.compareAndSet(true, false)) {
      done.complete(null);
      return done;
    }
    Task last = new Task(c -> {
      file.checkpointer().stop();
      try (var st = c.createStatement()) {
        // Folds the WAL into the main file, so a backup of the .db file alone is complete.
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      } finally {
        stopped = true;
        file.close(); // before close's future completes: a new store may open the directory at once
      }
      return null;
    }, done);
    try {
      queue.put(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
  }

  private void run() {
    List<Job> jobs = new ArrayList<>();
    List<Write> batch = new ArrayList<>();
    while (!stopped) {
      try {
        Job first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) continue;
        jobs.add(first);
        queue.drainTo(jobs);
        for (Job j : jobs) {
          if (stopped) {
            refuse(j);
          } else if (j instanceof Write w) {
            batch.add(w);
          } else {
            commit(batch);
            perform((Task) j);
          }
        }
        commit(batch);
      } catch (InterruptedException e) {
        stopped = true;
        file.close();
      } finally {
        jobs.clear();
        batch.clear();
      }
    }
    // Whatever raced the close in is refused, never left hanging.
    for (Job j; (j = queue.poll()) != null; ) refuse(j);
  }

  private static void refuse(Job j) {
    StoreUnavailableException closed = new StoreUnavailableException("the database is closed");
    if (j instanceof Write w) w.failed(closed);
    else ((Task) j).done().completeExceptionally(closed);
  }

  private void perform(Task t) {
    try {
      t.done().complete(t.work().run(file.connection()));
    } catch (SQLException | RuntimeException e) {
      t.done().completeExceptionally(new StoreUnavailableException("database: " + e.getMessage(), e));
    }
  }

  private void commit(List<Write> batch) {
    if (batch.isEmpty()) return;
    List<Write> accepted = new ArrayList<>(batch.size());
    for (Write w : batch) {
      if (w.accept()) {
        accepted.add(w);
      } else {
        w.failed(new StoreUnavailableException("an earlier change to this session was not saved"));
      }
    }
    batch.clear();
    if (accepted.isEmpty()) return;
    long started = System.nanoTime();
    Connection c = file.connection();
    try {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        for (Write w : accepted) {
          ps.setString(1, w.code());
          ps.setLong(2, w.version());
          ps.setBytes(3, w.state());
          ps.setLong(4, w.updatedAt());
          ps.setLong(5, w.expiresAt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollback(c);
      LOG.atError().addKeyValue("event", "save_failed").log("could not save {} change(s): {}", accepted.size(), e.getMessage());
      StoreUnavailableException failure = new StoreUnavailableException("the database could not save the change: "
          + e.getMessage(), e);
      for (Write w : accepted) w.failed(failure);
      return;
    } finally {
      autoCommit(c);
    }
    listener.committed(accepted.size(), System.nanoTime() - started);
    for (Write w : accepted) w.committed();
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // SQLite has already rolled back a failed commit (e.g. SQLITE_FULL)
    }
  }

  private static void autoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("could not reset autocommit: {}", e.getMessage());
    }
  }
}

package app.roundtable.store.redis;

import app.roundtable.store.OnContext;
import app.roundtable.domain.Session;
import app.roundtable.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One writer per session on this node: updates of one session run one after another, so that
 * this node's own updates never conflict with each other in Redis (only other nodes' writes cause
 * retries). A lane exists while it has queued updates, and remembers the last state it saw, so that
 * a burst of updates costs one script call each instead of a read and a script call.
 */
final class UpdateLanes {
  /** A session's queue of updates on this node. Fields are touched only by the running task. */
  static final class Lane {
    /** Last state this node read or wrote; may be stale (the script's version check catches that). */
    Session known;
    private Future<?> tail = Future.succeededFuture();
    private int queued;
  }

  private final Map<String, Lane> lanes = new HashMap<>();
  private final int maxQueued;

  UpdateLanes(int maxQueued) {
    this.maxQueued = maxQueued;
  }

  /**
   * Runs {@code task} after every earlier task of the same session has finished. The result
   * completes on the caller's context: the task may start and finish on the thread of another
   * event loop whose update of the session went before, and the caller's own state (its
   * connections, its view of the session) belongs to its loop alone.
   */
  <T> Future<T> submit(String code, Function<Lane, Future<T>> task) {
    Promise<T> done = Promise.promise();
    Lane lane;
    Future<?> previous;
    synchronized (this) {
      lane = lanes.computeIfAbsent(code, c -> new Lane());
      if (lane.queued >= maxQueued) {
        return Future.failedFuture(new StoreUnavailableException(
            "too many updates waiting for session " + code + " on this node"));
      }
      lane.queued++;
      previous = lane.tail;
      lane.tail = done.future();
    }
    previous.onComplete(ignored -> {
      Future<T> result;
      try {
        result = task.apply(lane);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(ar -> {
        synchronized (this) {
          if (--lane.queued == 0) lanes.remove(code, lane);
        }
        done.handle(ar);
      });
    });
    return OnContext.of(io.vertx.core.Vertx.currentContext(), done.future());
  }
}

package app.roundtable.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The contract for stores that live in this process (memory, SQLite): one node only, so a second
 * node is the same store, and time is a clock the test moves.
 */
abstract class InProcessStoreContract extends SessionStoreContract {
  /** The store's clock: {@link #age} moves it instead of waiting. */
  protected final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  @Override
  protected SessionStore otherNode(SessionStore node, long ttlMs) {
    return node;
  }

  @Override
  protected void age(SessionStore store, String code, long ms) {
    clock.addAndGet(ms);
  }

  @Override
  protected long now() {
    return clock.get();
  }
}

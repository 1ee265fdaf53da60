package app.roundtable.store;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

class InMemorySessionStoreTest extends SessionStoreContract {
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  @Override
  protected SessionStore openStore(Vertx vertx, long ttlMs) {
    return new InMemorySessionStore(vertx, clock::get, Duration.ofMillis(ttlMs));
  }

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

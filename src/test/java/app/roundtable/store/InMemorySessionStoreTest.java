package app.roundtable.store;

import static app.roundtable.testsupport.Sessions.fresh;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Await;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest extends InProcessStoreContract {

  @Override
  protected SessionStore openStore(Vertx vertx, long ttlMs, SessionSize size) {
    return new InMemorySessionStore(vertx, clock::get, Duration.ofMillis(ttlMs), Integer.MAX_VALUE, size, Long.MAX_VALUE);
  }

  @Test
  void aFullStoreRefusesNewSessionsUntilSomeExpire() {
    SessionStore store = track(new InMemorySessionStore(vertx, clock::get, Duration.ofDays(30), 3));
    for (int i = 0; i < 3; i++) assertTrue(Await.result(store.create(fresh(newCode(), now()))));
    String refused = newCode();
    assertInstanceOf(StoreFullException.class, Await.failure(store.create(fresh(refused, now()))));
    assertNull(Await.result(store.load(refused)), "nothing was written");
    clock.addAndGet(Expiry.UNJOINED_MS + 1);
    assertTrue(Await.result(store.create(fresh(newCode(), now()))), "expired sessions make room");
  }
}

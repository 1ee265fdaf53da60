package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One session as seen by one event loop: its connections on this loop, the store subscription
 * feeding it versions, and the latest version's state frame. Runs on its event loop only.
 *
 * <p>Each version is written and framed once per node ({@link StateFrames}), copied once into a
 * direct buffer per loop, and that same buffer goes to every connection (no per-socket encoding,
 * framing or copy) in one {@link Delivery}; each member's private view is written once per version
 * and sent only when it changed.
 */
final class LocalSession {
  final String code;
  final Set<Connection> connections = new LinkedHashSet<>();
  /** Joins in progress that will add a connection; the subscription must stay while any is pending. */
  int pending;
  SessionStore.Subscription subscription;
  /** Latest version delivered by the store, or seen in a join/sync reply; null before the first. */
  Session latest;
  /** Highest version the store subscription delivered. */
  private long delivered = -1;
  private final Metrics metrics;

  private final StateFrames frames;
  private final PresenceKeeper presence;

  LocalSession(String code, Metrics metrics, StateFrames frames, PresenceKeeper presence) {
    this.code = code;
    this.metrics = metrics;
    this.frames = frames;
    this.presence = presence;
  }

  boolean unused() {
    return connections.isEmpty() && pending == 0;
  }

  /** Remembers {@code s} if it is newer than what this loop has seen. */
  void observe(Session s) {
    if (latest == null || s.version > latest.version) {
      latest = s;
      presence.seen(s);
    }
  }

  /** A version from the store: to every connection that has not seen it yet. */
  void deliver(Session s) {
    // Filter on what the store delivered, not on `latest`: a join reply may have shown this loop a
    // newer version while older ones are still on their way, and the other connections need those.
    if (s.version <= delivered) return;
    delivered = s.version;
    observe(s);
    long start = System.nanoTime();
    byte[] wire = frames.of(s);
    ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(wire.length).writeBytes(wire);
    Delivery delivery = new Delivery(s, encoded);
    List<Connection> gone = new ArrayList<>();
    try {
      for (Connection c : connections) {
        if (!c.deliver(delivery)) gone.add(c);
      }
    } finally {
      encoded.release();
    }
    for (Connection c : gone) connections.remove(c);
    metrics.fanout(System.nanoTime() - start);
  }
}

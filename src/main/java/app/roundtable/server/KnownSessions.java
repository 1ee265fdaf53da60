package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.protocol.Frames;
import io.netty.buffer.Unpooled;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one "latest known version" of each session this node serves, for every event loop of the
 * node: the newest version delivered by the store or seen in a join or sync reply, and its state
 * frame, written once per version for the whole node. Every loop holding connections of the
 * session reuses the same bytes instead of writing the 2 KB of JSON again (the largest cost of a
 * change in the profile); the bytes are the whole WebSocket message as it goes on the wire
 * ({@link WireFrames}), header included, so no socket frames it again. The presence sweep reads
 * the versions from here too, without reading the store. Thread-safe.
 */
final class KnownSessions {
  /**
   * A served session's newest version (null until one is seen), its frame once written (null until
   * then, or after it aged), and how many of the node's loops serve it.
   */
  private record Known(Session session, byte[] frame, long writtenAt, int loops) {
    Known withSession(Session s) {
      return session == null || s.version > session.version ? new Known(s, null, 0, loops) : this;
    }

    Known withLoops(int n) {
      return new Known(session, frame, writtenAt, n);
    }
  }

  /**
   * How long a frame stays after it was written. Every loop serving the session takes it within
   * moments of the change; after that it only costs memory (2 KB per idle session, about 0.3 KiB
   * per idle connection), and a loop that needs it later writes it again.
   */
  private static final long KEEP_NANOS = 2_000_000_000L;

  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final int maxFrame;
  private final Metrics metrics;

  KnownSessions(int maxFrame, Metrics metrics) {
    this.maxFrame = maxFrame;
    this.metrics = metrics;
  }

  /** One more event loop serves the session (it subscribed to it). */
  void serving(String code) {
    known.merge(code, new Known(null, null, 0, 1), (old, one) -> old.withLoops(old.loops + 1));
  }

  /** One loop fewer serves the session; the last one to go takes the entry with it. */
  void notServing(String code) {
    known.computeIfPresent(code, (k, old) -> old.loops <= 1 ? null : old.withLoops(old.loops - 1));
  }

  /** Remembers {@code s} if it is newer than what the node knows of a session it serves. */
  void seen(Session s) {
    known.computeIfPresent(s.code, (k, old) -> old.withSession(s));
  }

  /** The newest version known of a served session; null when no loop serves it. */
  Session latest(String code) {
    Known k = known.get(code);
    return k == null ? null : k.session;
  }

  /** The newest known versions of every served session. */
  Collection<Session> all() {
    List<Session> all = new java.util.ArrayList<>(known.size());
    for (Known k : known.values()) if (k.session != null) all.add(k.session);
    return all;
  }

  /** The {@code state} message of {@code s} as WebSocket frames on the wire; never modify them. */
  byte[] frame(Session s) {
    Known k = known.get(s.code);
    if (k != null && k.frame != null && k.session != null && k.session.version == s.version) return k.frame;
    // The JSON is written into the loop's scratch buffer and framed straight into the one array kept.
    byte[] wire = Frames.stateUtf8(s, (utf8, length) -> {
      byte[] w = new byte[WireFrames.size(length, maxFrame)];
      WireFrames.writeText(Unpooled.wrappedBuffer(w).clear(), utf8, length, maxFrame);
      return w;
    });
    metrics.stateFrameWritten();
    // Two loops may race to write the same version: both results are identical, either may stay.
    long now = System.nanoTime();
    known.computeIfPresent(s.code, (code, old) -> old.session != null && old.session.version > s.version ? old
        : new Known(s, wire, now, old.loops));
    return wire;
  }

  /** Drops frames written more than {@link #KEEP_NANOS} ago (not the versions); any loop's tick may call it. */
  void forgetOldFrames() {
    long now = System.nanoTime();
    known.replaceAll((code, k) -> k.frame != null && now - k.writtenAt > KEEP_NANOS
        ? new Known(k.session, null, 0, k.loops) : k);
  }
}

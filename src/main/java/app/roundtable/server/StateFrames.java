package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.protocol.Frames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest state frame of each session this node serves, written once per version for the whole
 * node: every event loop holding connections of the session reuses the same bytes instead of
 * writing the 2 KB of JSON again (the largest cost of a change in the profile). The bytes are the
 * whole WebSocket message as it goes on the wire ({@link WireFrames}), header included, so no
 * socket frames it again.
 */
final class StateFrames {
  private record Frame(long version, byte[] wire, long writtenAt) {}

  /**
   * How long a frame stays after it was written. Every loop serving the session takes it within
   * moments of the change; after that it only costs memory (2 KB per idle session, about 0.3 KiB
   * per idle connection), and a loop that needs it later writes it again.
   */
  private static final long KEEP_NANOS = 2_000_000_000L;

  private final Map<String, Frame> latest = new ConcurrentHashMap<>();
  private final int maxFrame;
  private final Metrics metrics;

  StateFrames(int maxFrame, Metrics metrics) {
    this.maxFrame = maxFrame;
    this.metrics = metrics;
  }

  /** The {@code state} message of {@code s} as WebSocket frames on the wire; never modify them. */
  byte[] of(Session s) {
    Frame f = latest.get(s.code);
    if (f != null && f.version == s.version) return f.wire;
    byte[] utf8 = Frames.stateUtf8(s);
    metrics.stateFrameWritten();
    byte[] wire = new byte[WireFrames.size(utf8.length, maxFrame)];
    WireFrames.writeText(io.netty.buffer.Unpooled.wrappedBuffer(wire).clear(), utf8, maxFrame);
    // Two loops may race to write the same version: both results are identical, either may stay.
    latest.merge(s.code, new Frame(s.version, wire, System.nanoTime()), (old, now) -> old.version >= now.version ? old : now);
    return wire;
  }

  /** Drops frames written more than {@link #KEEP_NANOS} ago; any loop's periodic tick may call it. */
  void evictOld() {
    long now = System.nanoTime();
    latest.values().removeIf(f -> now - f.writtenAt > KEEP_NANOS);
  }

  /** Called when a loop stops serving the session; another loop still serving it just writes again. */
  void forget(String code) {
    latest.remove(code);
  }
}

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
  private record Frame(long version, byte[] wire) {}

  private final Map<String, Frame> latest = new ConcurrentHashMap<>();
  private final int maxFrame;

  StateFrames(int maxFrame) {
    this.maxFrame = maxFrame;
  }

  /** The {@code state} message of {@code s} as WebSocket frames on the wire; never modify them. */
  byte[] of(Session s) {
    Frame f = latest.get(s.code);
    if (f != null && f.version == s.version) return f.wire;
    byte[] utf8 = Frames.stateUtf8(s);
    byte[] wire = new byte[WireFrames.size(utf8.length, maxFrame)];
    WireFrames.writeText(io.netty.buffer.Unpooled.wrappedBuffer(wire).clear(), utf8, maxFrame);
    // Two loops may race to write the same version: both results are identical, either may stay.
    latest.merge(s.code, new Frame(s.version, wire), (old, now) -> old.version >= now.version ? old : now);
    return wire;
  }

  /** Called when a loop stops serving the session; another loop still serving it just writes again. */
  void forget(String code) {
    latest.remove(code);
  }
}

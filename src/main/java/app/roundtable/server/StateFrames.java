package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.protocol.Frames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest state frame of each session this node serves, written once per version for the whole
 * node: every event loop holding connections of the session reuses the same bytes instead of
 * writing the 2 KB of JSON again (the largest cost of a change in the profile).
 */
final class StateFrames {
  private record Frame(long version, byte[] utf8) {}

  private final Map<String, Frame> latest = new ConcurrentHashMap<>();

  /** The UTF-8 bytes of the {@code state} frame of {@code s}; never modify them. */
  byte[] of(Session s) {
    Frame f = latest.get(s.code);
    if (f != null && f.version == s.version) return f.utf8;
    byte[] utf8 = Frames.stateUtf8(s);
    // Two loops may race to write the same version: both results are identical, either may stay.
    latest.merge(s.code, new Frame(s.version, utf8), (old, now) -> old.version >= now.version ? old : now);
    return utf8;
  }

  /** Called when a loop stops serving the session; another loop still serving it just writes again. */
  void forget(String code) {
    latest.remove(code);
  }
}

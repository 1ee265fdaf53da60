package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest state this node wrote or received for each session, so that an update can start
 * from it instead of a read (the script's version check catches a stale one), and a published
 * state this node wrote itself is not decoded again. Bounded: past the cap it starts over.
 */
final class RecentStates {
  private static final int CAP = 20_000;
  private static final byte[] PREFIX = "{\"version\":".getBytes(StandardCharsets.US_ASCII);
  private final Map<String, Session> latest = new ConcurrentHashMap<>();
  /**
   * States this node is writing, with their bytes. Redis delivers the publish to the subscriber
   * connection while the script runs, so it usually arrives before the script's reply says the
   * write won: it is recognised by its bytes (a conflicting write by another node of the same
   * version has other bytes) and not decoded.
   */
  private record Writing(Session session, byte[] bytes) {}

  private final Map<String, Writing> writing = new ConcurrentHashMap<>();

  Session get(String code) {
    return latest.get(code);
  }

  void offer(Session s) {
    if (latest.size() > CAP) latest.clear();
    latest.merge(s.code, s, (old, now) -> now.version >= old.version ? now : old);
  }

  void forget(String code) {
    latest.remove(code);
    writing.remove(code);
  }

  /** {@code s} is about to be written as {@code bytes}. */
  void writing(Session s, byte[] bytes) {
    if (writing.size() > CAP) writing.clear();
    writing.put(s.code, new Writing(s, bytes));
  }

  /** The write of {@code s} is over (won or lost): stop expecting its publish. */
  void written(Session s) {
    writing.computeIfPresent(s.code, (code, w) -> w.session == s ? null : w);
  }

  /** The session in {@code bytes} (codec JSON, version first): the known object when it is that version. */
  Session decode(String code, byte[] bytes) {
    long version = versionOf(bytes);
    Session known = latest.get(code);
    if (known != null && known.version == version) return known;
    Writing w = writing.get(code);
    if (w != null && w.session.version == version && java.util.Arrays.equals(w.bytes, bytes)) {
      offer(w.session);
      return w.session;
    }
    Session s = SessionCodec.decode(bytes);
    offer(s);
    return s;
  }

  /** The version at the start of codec JSON, or -1 when it is not there. */
  static long versionOf(byte[] bytes) {
    if (bytes.length <= PREFIX.length) return -1;
    for (int i = 0; i < PREFIX.length; i++) if (bytes[i] != PREFIX[i]) return -1;
    long v = 0;
    int i = PREFIX.length;
    if (i >= bytes.length || bytes[i] < '0' || bytes[i] > '9') return -1;
    for (; i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9'; i++) v = v * 10 + (bytes[i] - '0');
    return v;
  }
}

package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest state this node wrote or received for each session, so that an update can start
 * from it instead of a read (the script's version check catches a stale one), and a published
 * state this node wrote itself is not decoded again. Only a shortcut: a state that is not here is
 * read from Redis. Bounded in bytes (each state weighs its encoded size) and in time (a session
 * nobody touched for {@link #IDLE} is dropped), least recently used first.
 */
final class RecentStates {
  /** Encoded bytes kept at most; the decoded objects take a few times that on the heap. */
  static final long MAX_BYTES = 32L << 20;
  static final Duration IDLE = Duration.ofMinutes(10);
  private static final int CAP = 20_000;
  private static final byte[] PREFIX = "{\"version\":".getBytes(StandardCharsets.US_ASCII);

  private record Known(Session session, int bytes) {}

  private final Map<String, Known> latest;

  RecentStates() {
    this(MAX_BYTES, IDLE, Ticker.systemTicker());
  }

  RecentStates(long maxBytes, Duration idle, Ticker ticker) {
    Cache<String, Known> cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String code, Known k) -> k.bytes)
        .expireAfterAccess(idle)
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
    this.latest = cache.asMap();
  }
  /**
   * States this node is writing, with their bytes. Redis delivers the publish to the subscriber
   * connection while the script runs, so it usually arrives before the script's reply says the
   * write won: it is recognised by its bytes (a conflicting write by another node of the same
   * version has other bytes) and not decoded.
   */
  private record Writing(Session session, byte[] bytes) {}

  private final Map<String, Writing> writing = new ConcurrentHashMap<>();

  Session get(String code) {
    Known k = latest.get(code);
    return k == null ? null : k.session;
  }

  /** {@code s}, whose encoded form is {@code bytes} long, unless a newer version is known. */
  void offer(Session s, int bytes) {
    latest.merge(s.code, new Known(s, bytes), (old, now) -> now.session.version >= old.session.version ? now : old);
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
    Session known = get(code);
    if (known != null && known.version == version) return known;
    Writing w = writing.get(code);
    if (w != null && w.session.version == version && java.util.Arrays.equals(w.bytes, bytes)) {
      offer(w.session, bytes.length);
      return w.session;
    }
    Session s = SessionCodec.decode(bytes);
    offer(s, bytes.length);
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

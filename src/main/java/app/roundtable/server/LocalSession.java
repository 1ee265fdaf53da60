package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.protocol.YouView;
import app.roundtable.store.SessionStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session as seen by one event loop: its connections on this loop, the store subscription
 * feeding it versions, and the latest version's state frame. Runs on its event loop only.
 *
 * <p>Each version is written and framed once per node ({@link StateFrames}), copied once into a
 * direct buffer per loop, and that same buffer goes to every connection (no per-socket encoding,
 * framing or copy); each member's private view is written once per version and sent only when it
 * changed.
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
  /** Changes this loop's members may still make (see {@link CommandBudget}). */
  final CommandBudget budget = new CommandBudget();

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
    Map<String, String> yous = new HashMap<>();
    Map<String, Long> authored = new HashMap<>();
    List<Connection> gone = new ArrayList<>();
    try {
      for (Connection c : connections) {
        if (!c.deliver(s, encoded, yous, authored)) gone.add(c);
      }
    } finally {
      encoded.release();
    }
    for (Connection c : gone) connections.remove(c);
    metrics.fanout(System.nanoTime() - start);
  }

  /**
   * A cheap fingerprint of everything {@code memberId}'s private view is made of (role, votes,
   * own ideas), so the view is written out only when the fingerprint moved. The written views are
   * still compared before sending, so a fingerprint that moves for nothing costs only a write.
   */
  static long youSignature(Session s, String memberId, Map<String, Long> authored) {
    if (authored.isEmpty()) {
      authored.put("", 0L); // marks the map as filled for this version
      for (app.roundtable.domain.Idea i : s.board.ideas) {
        if (i.authorId == null) continue;
        long h = mix(mix(i.id.hashCode()) + i.text.hashCode());
        authored.merge(i.authorId, h, (a, b) -> mix(a * 31 + b));
      }
    }
    app.roundtable.domain.Member m = s.member(memberId);
    if (m == null) return 0;
    long h = mix(m.facilitator ? 1 : 2) + s.board.votesPerMember;
    for (Map.Entry<String, Integer> v : m.votes.entrySet()) h = mix(h * 31 + v.getKey().hashCode()) + v.getValue();
    return mix(h * 31 + authored.getOrDefault(memberId, 7L));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The private view of {@code memberId} at {@code s}, written at most once per version. */
  static String youOf(Session s, String memberId, Map<String, String> cache) {
    return cache.computeIfAbsent(memberId, id -> {
      String json = YouView.json(s, id);
      return json == null ? "" : json;
    });
  }
}

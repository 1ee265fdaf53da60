package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One session as seen by one event loop: its connections on this loop, the store subscription
 * feeding it versions. Runs on its event loop only.
 *
 * <p>Each version is written and framed once per node ({@link KnownSessions}), copied once into a
 * direct buffer per loop, and that same buffer goes to every connection (no per-socket encoding,
 * framing or copy) in one {@link Delivery}; each member's private view is written once per version
 * and sent only when it changed.
 */
final class LocalSession {
  final String code;
  /** The joined sockets on this loop; changed only here ({@link #add}, {@link #remove}, a delivery). */
  private final Set<Connection> connections = new LinkedHashSet<>();
  /** Joins in progress that will add a connection; the subscription must stay while any is pending. */
  private int joining;
  /** The store's versions of this session, while the loop has connections or joins for it. */
  private SessionStore.Subscription subscription;
  /** Highest version the store subscription delivered. */
  private long delivered = -1;
  private final Metrics metrics;
  /** Changes this loop's members may still make (see {@link CommandBudget}). */
  private final CommandBudget budget;

  /** The node's newest known versions and their frames, shared by every loop. */
  private final KnownSessions known;

  LocalSession(String code, Metrics metrics, KnownSessions known, RoomBudgets budgets, int maxMembers) {
    this.budget = new CommandBudget(budgets, maxMembers);
    this.code = code;
    this.metrics = metrics;
    this.known = known;
  }

  /** Subscribes to the store's versions of this session, delivered here from then on. */
  Future<Void> subscribe(SessionStore store) {
    return store.subscribe(code, this::deliver).map(sub -> {
      subscription = sub;
      return null;
    });
  }

  void unsubscribe() {
    if (subscription != null) subscription.cancel();
  }

  void joinStarted() {
    joining++;
  }

  void joinSettled() {
    joining--;
  }

  /** A joined socket: it gets every version from now on. */
  void add(Connection c) {
    connections.add(c);
  }

  void remove(Connection c) {
    connections.remove(c);
  }

  boolean unused() {
    return connections.isEmpty() && joining == 0;
  }

  /** Whether {@code memberId} may make a change now (see {@link CommandBudget}); takes one if so. */
  boolean mayChange(String memberId, boolean facilitator, long now) {
    return budget.tryTake(memberId, facilitator, now);
  }

  /** The change let in by {@link #mayChange} made a state frame of {@code size} bytes. */
  void changed(String memberId, boolean facilitator, int size, long now) {
    budget.paid(memberId, facilitator, size, now);
  }

  /** Whether {@code memberId} may sync a state of {@code size} bytes now; pays for it if so. */
  boolean maySync(String memberId, int size, long now) {
    return budget.trySync(memberId, size, now);
  }

  /** Whether {@code memberId} holds the facilitator role in the newest version this node knows. */
  boolean facilitator(String memberId) {
    Session s = known.latest(code);
    app.roundtable.domain.Member m = s == null || memberId == null ? null : s.member(memberId);
    return m != null && m.facilitator;
  }

  /** The size of the newest known version's state frame; 0 when none is known. */
  int stateBytes() {
    Session s = known.latest(code);
    return s == null ? 0 : known.frame(s).length;
  }

  /** The size of {@code s}'s state frame (written once per node, then shared). */
  int stateBytes(Session s) {
    return known.frame(s).length;
  }

  /** The keep-alive ping to every connection. */
  void ping() {
    for (Connection c : connections) c.ping();
  }

  /** A node drain: every connection is told to resume elsewhere. */
  void sendAway() {
    for (Connection c : new ArrayList<>(connections)) c.goingAway();
  }

  /**
   * Remembers {@code s} (delivered, or seen in a join or sync reply) if it is the newest the node
   * knows, and returns the newest: {@code s} or a later version.
   */
  Session observe(Session s) {
    known.seen(s);
    Session newest = known.latest(code);
    return newest == null || newest.version < s.version ? s : newest;
  }

  /** A version from the store: to every connection that has not seen it yet; null: the session was deleted. */
  private void deliver(Session s) {
    if (s == null) {
      for (Connection c : List.copyOf(connections)) c.deleted();
      connections.clear();
      return;
    }
    // Filter on what the store delivered, not on the latest known: a join reply may have shown the
    // node a newer version while older ones are still on their way, and the connections need those.
    if (s.version <= delivered) return;
    delivered = s.version;
    observe(s);
    long start = System.nanoTime();
    byte[] wire = known.frame(s);
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

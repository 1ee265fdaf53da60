package app.roundtable.server;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Display;
import app.roundtable.domain.Member;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code online} true to life across nodes. This node beats a heartbeat in the store; for
 * the sessions it serves, it looks for connection counts held by nodes whose heartbeat lapsed (a
 * node that died without saying goodbye) and drops them with {@link Command.NodeGone}, so a dead
 * node's members do not show online forever. Their turns and places are untouched.
 */
final class PresenceKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceKeeper.class);

  private final Services services;
  /** The sessions served here, at the newest version the node knows: the sweep needs no reads. */
  private final KnownSessions known;
  private long beatTimer = -1;
  private long sweepTimer = -1;

  PresenceKeeper(Services services, KnownSessions known) {
    this.services = services;
    this.known = known;
  }

  void start(Vertx vertx) {
    long every = services.config.node().heartbeatMs();
    beat();
    beatTimer = vertx.setPeriodic(every, id -> beat());
    sweepTimer = vertx.setPeriodic(2 * every, id -> sweep());
  }

  void stop(Vertx vertx) {
    vertx.cancelTimer(beatTimer);
    vertx.cancelTimer(sweepTimer);
  }

  private void beat() {
    services.store.heartbeat(services.config.node().id(), 3 * services.config.node().heartbeatMs())
        .onFailure(e -> LOG.debug("heartbeat failed: {}", e.toString()));
  }

  /**
   * Which other nodes hold connections in the sessions served here, and are they still alive? One
   * look-up of all their heartbeats per sweep, from the versions already at hand: no session reads.
   */
  void sweep() {
    Map<String, Set<String>> holdersByCode = new java.util.HashMap<>();
    Set<String> all = new HashSet<>();
    for (Session s : known.all()) {
      Set<String> holders = holders(s);
      holders.remove(services.config.node().id());
      if (holders.isEmpty()) continue;
      holdersByCode.put(s.code, holders);
      all.addAll(holders);
    }
    if (all.isEmpty()) return;
    services.store.liveNodes(all).onSuccess(live -> holdersByCode.forEach((code, holders) -> {
      for (String node : holders) {
        if (!live.contains(node)) forget(code, node);
      }
    }));
  }

  private void forget(String code, String node) {
    Action action = Action.of(null, new Command.NodeGone(node));
    services.store.update(code, s -> Rules.apply(s, action, services.context()))
        .onFailure(e -> LOG.debug("dropping a dead node's presence failed: {}", e.getClass().getSimpleName())); // the message may name the session
  }

  static Set<String> holders(Session s) {
    Set<String> nodes = new HashSet<>();
    for (Display d : s.connectedDisplays.values()) nodes.add(d.nodeId());
    for (Member m : s.members.values()) nodes.addAll(m.presence.keySet());
    return nodes;
  }
}

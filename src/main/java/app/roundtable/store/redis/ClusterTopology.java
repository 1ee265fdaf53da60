package app.roundtable.store.redis;

import app.roundtable.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.ZModem;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which master serves which hash slot, as the cluster itself says ({@code CLUSTER SLOTS}), asked
 * of one node after another until one answers: the seeds, then every node seen since. Read again
 * every {@code refreshMs} and whenever a pub/sub connection is told a channel is served elsewhere,
 * so resharding and failover are followed within about a second. Whoever registered with {@link
 * #onChange} hears of every change.
 *
 * <p>The slot of a key is Redis's CRC16 (the client library's {@link ZModem}, hash tags included).
 * Endpoints are connection strings with the seeds' scheme and credentials ({@code rediss://} and
 * a password carry over to every node, as the cluster's nodes share them).
 *
 * <p>Threading: the fields are written on one private context; {@link #owners} is replaced whole
 * and read from anywhere.
 */
final class ClusterTopology {
  static final int SLOTS = 16_384;

  private final Vertx vertx;
  private final ContextInternal ctx;
  /** A one-connection client for an endpoint (a connection string). */
  private final Function<String, Redis> clientOf;
  private final String scheme;
  private final String userInfo;
  private final long timeoutMs;
  private final long refreshMs;
  private final List<Runnable> onChange = new ArrayList<>();
  private final Map<String, Redis> clients = new HashMap<>();
  /** host:port of every node to ask, the one that last answered first. */
  private final Set<String> nodes = new LinkedHashSet<>();
  /** The endpoint of each slot's master; null until the first answer, null entries for slots nobody serves. */
  private volatile String[] owners;
  private Future<Void> refreshing;
  private long timer = -1;
  private boolean closed;

  ClusterTopology(Vertx vertx, List<String> seedUrls, Function<String, Redis> clientOf, long timeoutMs, long refreshMs) {
    if (seedUrls.isEmpty()) throw new IllegalArgumentException("a cluster needs at least one seed node");
    this.vertx = vertx;
    this.ctx = ((VertxInternal) vertx).createEventLoopContext();
    this.clientOf = clientOf;
    this.timeoutMs = timeoutMs;
    this.refreshMs = refreshMs;
    URI first = URI.create(seedUrls.get(0));
    this.scheme = first.getScheme();
    this.userInfo = first.getRawUserInfo();
    for (String url : seedUrls) {
      URI u = URI.create(url);
      nodes.add(u.getHost() + ":" + (u.getPort() < 0 ? 6379 : u.getPort()));
    }
  }

  /** Learns the slots, then keeps them fresh. */
  Future<Void> start() {
    Promise<Void> started = Promise.promise();
    ctx.runOnContext(v -> {
      timer = vertx.setPeriodic(refreshMs, t -> refresh());
      refresh().onComplete(started);
    });
    return started.future();
  }

  void onChange(Runnable listener) {
    ctx.runOnContext(v -> onChange.add(listener));
  }

  static int slotOf(String key) {
    return ZModem.generate(key);
  }

  static int slotOf(byte[] key) {
    return ZModem.generate(key);
  }

  /** The endpoint of the master that serves {@code key} now, or null when unknown or unserved. */
  String ownerOf(String key) {
    return ownerOfSlot(slotOf(key));
  }

  /** The endpoint of the master that serves {@code slot} now, or null when unknown or unserved. */
  String ownerOfSlot(int slot) {
    String[] o = owners;
    return o == null ? null : o[slot];
  }

  /** Every endpoint that serves at least one slot now. */
  Set<String> masters() {
    String[] o = owners;
    Set<String> masters = new LinkedHashSet<>();
    if (o != null) for (String e : o) if (e != null) masters.add(e);
    return masters;
  }

  /** Reads the slots now (joining a read in progress); fails when no node answered. */
  Future<Void> refresh() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      if (closed) {
        p.fail(new StoreUnavailableException("store closed"));
        return;
      }
      if (refreshing == null) {
        refreshing = ask(new ArrayList<>(nodes), 0, null).andThen(ar -> refreshing = null);
      }
      refreshing.onComplete(p);
    });
    return p.future();
  }

  Future<Void> close() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      closed = true;
      vertx.cancelTimer(timer);
      List<Future<Void>> all = new ArrayList<>();
      for (Redis c : clients.values()) all.add(c.close());
      clients.clear();
      Future.join(all).<Void>mapEmpty().onComplete(ar -> p.complete());
    });
    return p.future();
  }

  String endpoint(String hostPort) {
    return scheme + "://" + (userInfo == null ? "" : userInfo + "@") + hostPort;
  }

  private Future<Void> ask(List<String> candidates, int i, Throwable last) {
    if (i >= candidates.size()) {
      return Future.failedFuture(new StoreUnavailableException("no cluster node answered CLUSTER SLOTS", last));
    }
    String node = candidates.get(i);
    return clients.computeIfAbsent(node, n -> clientOf.apply(endpoint(n)))
        .send(Request.cmd(Command.CLUSTER).arg("SLOTS"))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .transform(ar -> {
          Promise<Void> done = ctx.promise();
          ctx.runOnContext(v -> {
            if (ar.succeeded()) {
              learn(node, ar.result());
              done.complete();
            } else {
              ask(candidates, i + 1, ar.cause()).onComplete(done);
            }
          });
          return done.future();
        });
  }

  private void learn(String answeredBy, Response slots) {
    String[] next = new String[SLOTS];
    Set<String> seen = new LinkedHashSet<>();
    seen.add(answeredBy);
    String askedHost = answeredBy.substring(0, answeredBy.lastIndexOf(':'));
    for (int r = 0; r < slots.size(); r++) {
      Response range = slots.get(r);
      String master = null;
      for (int n = 2; n < range.size(); n++) {
        Response node = range.get(n);
        String host = node.get(0) == null || node.get(0).toString().isEmpty() ? askedHost : node.get(0).toString();
        String hostPort = host + ":" + node.get(1).toInteger();
        seen.add(hostPort);
        if (n == 2) master = hostPort;
      }
      String ep = master == null ? null : endpoint(master);
      for (int s = range.get(0).toInteger(); s <= range.get(1).toInteger(); s++) next[s] = ep;
    }
    nodes.addAll(seen);
    // The node that answered goes first next time; the rest keep their order.
    nodes.remove(answeredBy);
    List<String> rest = new ArrayList<>(nodes);
    nodes.clear();
    nodes.add(answeredBy);
    nodes.addAll(rest);
    boolean changed = owners == null || !Arrays.equals(owners, next);
    owners = next;
    if (changed) for (Runnable r : List.copyOf(onChange)) r.run();
  }
}

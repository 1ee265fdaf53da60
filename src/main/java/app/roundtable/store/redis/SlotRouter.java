package app.roundtable.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.RequestImpl;
import io.vertx.redis.client.impl.types.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Ordinary commands in a Redis Cluster: each goes to the master of its key's slot (from {@link
 * ClusterTopology}) over a pooled connection to that master alone, and follows the cluster's
 * redirections: {@code -MOVED} (the slot has a new master: read the slots again, send there) and
 * {@code -ASK} (the slot is migrating and the key already moved: {@code ASKING} and the command on
 * one connection to the importing master).
 *
 * <p>Why not the Vert.x cluster client: it takes a pooled connection to every node of the cluster
 * for each command (its {@code connect()}), so under the benchmark's load (140 clients joining)
 * commands queued for the pool ~200 ms on average and joins took 2.5 s; routed per slot, one
 * connection to one master, they do not (docs/capacity.md).
 *
 * <p>Commands without a key (PING) go to any master. All of a command's keys must share its first
 * key's slot, as every Roundtable command's do (hash tags).
 */
final class SlotRouter implements Redis {
  /** Redirections followed for one command before giving up (a slot moving back and forth). */
  private static final int MAX_REDIRECTS = 5;

  private final ClusterTopology topology;
  private final Function<String, Redis> pooledClientOf;
  private final Map<String, Redis> clients = new ConcurrentHashMap<>();

  SlotRouter(ClusterTopology topology, Function<String, Redis> pooledClientOf) {
    this.topology = topology;
    this.pooledClientOf = pooledClientOf;
  }

  @Override
  public Future<Response> send(Request request) {
    List<byte[]> keys = ((RequestImpl) request).keys();
    String endpoint = keys.isEmpty() ? anyMaster() : topology.ownerOfSlot(ClusterTopology.slotOf(keys.get(0)));
    if (endpoint == null) {
      // Unknown yet (just started) or unserved (its master is lost): read the slots, then decide.
      return topology.refresh().compose(v -> {
        String now = keys.isEmpty() ? anyMaster() : topology.ownerOfSlot(ClusterTopology.slotOf(keys.get(0)));
        return now == null ? Future.failedFuture("no master serves this key's slot now") : send(now, request, 0);
      });
    }
    return send(endpoint, request, 0);
  }

  private Future<Response> send(String endpoint, Request request, int redirects) {
    return client(endpoint).send(request).recover(e -> {
      if (!(e instanceof ErrorType err) || redirects >= MAX_REDIRECTS) return Future.failedFuture(e);
      if (err.is("MOVED")) {
        topology.refresh();
        return send(redirectedTo(err), request, redirects + 1);
      }
      if (err.is("ASK")) return asking(redirectedTo(err), request, redirects + 1);
      return Future.failedFuture(e);
    });
  }

  /** ASKING is valid for the next command on the same connection only: both on one borrowed connection. */
  private Future<Response> asking(String endpoint, Request request, int redirects) {
    return client(endpoint).connect().compose(conn -> conn.batch(List.of(Request.cmd(Command.ASKING), request))
        .eventually(conn::close)
        .map(replies -> replies.get(1))
        .recover(e -> e instanceof ErrorType err && err.is("MOVED") && redirects < MAX_REDIRECTS
            ? send(redirectedTo(err), request, redirects + 1)
            : Future.failedFuture(e)));
  }

  /** "-MOVED 3999 127.0.0.1:6381": the endpoint of that address, with the seeds' scheme and credentials. */
  private String redirectedTo(ErrorType err) {
    return topology.endpoint(err.slice(' ', 2));
  }

  private String anyMaster() {
    var masters = topology.masters();
    return masters.isEmpty() ? null : masters.iterator().next();
  }

  private Redis client(String endpoint) {
    return clients.computeIfAbsent(endpoint, pooledClientOf);
  }

  @Override
  public Future<RedisConnection> connect() {
    return Future.failedFuture(new UnsupportedOperationException("a cluster has no single connection: use send"));
  }

  @Override
  public Future<List<Response>> batch(List<Request> requests) {
    return Future.failedFuture(new UnsupportedOperationException("batches may span slots: send one by one"));
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> all = new ArrayList<>();
    for (Redis c : clients.values()) all.add(c.close());
    clients.clear();
    return Future.join(all).mapEmpty();
  }
}

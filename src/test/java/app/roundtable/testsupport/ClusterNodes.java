package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.server.Config;
import app.roundtable.server.RoundtableNode;
import app.roundtable.store.redis.RedisSessionStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two Roundtable nodes in one JVM (REDIS_MODE=cluster) over a {@link RedisCluster}, as behind a
 * plain load balancer, and the few moves the cluster tests share.
 */
public final class ClusterNodes implements AutoCloseable {
  public final RedisCluster cluster;
  public final Vertx clients = Vertx.vertx();
  public final RoundtableNode a;
  public final RoundtableNode b;

  public ClusterNodes(RedisCluster cluster) {
    this.cluster = cluster;
    this.a = Nodes.start(config("node-a"));
    this.b = Nodes.start(config("node-b"));
  }

  private Config config(String id) {
    return TestConfig.redis(String.join(",", cluster.seedUrls()),
        Map.of("REDIS_MODE", "cluster", "NODE_ID", id, "VERTICLES", "2", "HEARTBEAT_MS", "200"));
  }

  /** A session whose slot {@code master} serves, its facilitator on node a. */
  public WsClient facilitatorOn(RedisCluster.Node master, String title) {
    for (int i = 0; i < 60; i++) {
      JsonObject created = new Http(a.port()).createSession(title, "blank");
      String code = created.getString("code");
      if (cluster.masterOfKey(RedisSessionStore.clusterStateKey(code)) != master) continue;
      WsClient c = WsClient.connect(clients, a.port());
      c.code = code;
      c.facilitatorKey = created.getString("facilitatorKey");
      c.joinWithKey(code, "Fae", c.facilitatorKey);
      return c;
    }
    throw new IllegalStateException("no session landed on " + master + " in 60 tries");
  }

  public WsClient memberOnB(String code, String name) {
    WsClient m = WsClient.connect(clients, b.port());
    m.join(code, name);
    return m;
  }

  public int slotOf(String code) {
    return cluster.slotOf(RedisSessionStore.clusterStateKey(code));
  }

  /** A change from one node reaches the other node's member, and back. */
  public static void changesFlowBothWays(WsClient facOnA, WsClient memberOnB) {
    long v = facOnA.command("addAgendaItem", "title", "item " + System.nanoTime(), "minutes", 5);
    memberOnB.awaitVersion(v);
    long back = memberOnB.command("raiseHand");
    facOnA.awaitVersion(back);
    assertTrue(back > v);
  }

  /**
   * Sends until a command is applied (syncing first after each {@code unavailable}, as clients
   * must: the change may have landed) and returns its version.
   */
  public static long retryUntilApplied(WsClient c, String type, Object... fields) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String id = c.send(type, fields);
      JsonObject reply = c.next(m -> id.equals(m.getString("id")) || ("error".equals(m.getString("type")) && m.getString("id") == null));
      if ("ack".equals(reply.getString("type"))) return reply.getLong("v");
      assertEquals("unavailable", reply.getString("code"), reply.encode());
      c.send("sync");
      pause(100);
    }
    throw new AssertionError(type + " never applied");
  }

  /** A command that must be refused with {@code unavailable} and its own id; returns how long the answer took in ms. */
  public static long unavailableWithItsId(WsClient c, String type, Object... fields) {
    long started = System.nanoTime();
    String id = c.send(type, fields);
    JsonObject reply = c.next(m -> "error".equals(m.getString("type")) || id.equals(m.getString("id")));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertEquals("error", reply.getString("type"), reply.encode());
    assertEquals("unavailable", reply.getString("code"), reply.encode());
    assertEquals(id, reply.getString("id"), "the refusal carries the command's id");
    return ms;
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (RoundtableNode n : List.of(a, b)) {
      try {
        Nodes.await(n.close());
      } catch (RuntimeException alreadyClosed) {
        // a test may have closed it
      }
    }
    Nodes.await(clients.close());
  }
}

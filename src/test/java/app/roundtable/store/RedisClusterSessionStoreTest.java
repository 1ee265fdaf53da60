package app.roundtable.store;

import static app.roundtable.testsupport.Sessions.addIdea;
import static app.roundtable.testsupport.Sessions.fresh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.store.redis.RedisEndpoint;
import app.roundtable.store.redis.RedisSessionStore;
import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.Recorder;
import app.roundtable.testsupport.RedisCluster;
import app.roundtable.testsupport.RedisServer;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's contract against a real three-master Redis Cluster, and what only a cluster has:
 * one slot per session (key and shard channel together), sessions spread over every shard, and
 * publishes that stay on their shard.
 */
class RedisClusterSessionStoreTest extends SessionStoreContract {
  private static RedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3, 0);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @Override
  protected SessionStore openStore(Vertx vertx, long ttlMs, SessionSize size) {
    List<RedisEndpoint> seeds = cluster.seedUrls().stream().map(url -> new RedisEndpoint(url, null)).toList();
    return RedisSessionStore.cluster(vertx, seeds, new RedisSessionStore.Options(ttlMs,
        RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS, size, java.time.Duration.ofMinutes(10)));
  }

  @Override
  protected SessionStore otherNode(SessionStore node, long ttlMs) {
    return openStore(vertx, ttlMs);
  }

  @Override
  protected void age(SessionStore store, String code, long ms) {
    String key = RedisSessionStore.clusterStateKey(code);
    RedisServer master = cluster.masterOfKey(key).client();
    long left = (Long) master.command("PTTL", key);
    if (left - ms <= 0) master.command("DEL", key);
    else master.command("PEXPIRE", key, String.valueOf(left - ms));
  }

  @Override
  protected long now() {
    return System.currentTimeMillis();
  }

  @Test
  void sessionsSpreadOverEveryShardAndPublishOnlyOnTheirOwn() {
    SessionStore a = open(LONG_TTL_MS);
    SessionStore b = track(otherNode(a, LONG_TTL_MS));
    Set<RedisCluster.Node> used = new HashSet<>();
    for (int i = 0; i < 40 && used.size() < 3; i++) {
      String code = newCode();
      Await.result(a.create(fresh(code, now())));
      Recorder seen = new Recorder();
      Await.result(b.subscribe(code, seen));
      Await.result(a.update(code, addIdea("idea " + i, now())));
      seen.awaitVersion(2, WAIT);

      RedisCluster.Node owner = cluster.masterOfKey(RedisSessionStore.clusterStateKey(code));
      assertEquals(cluster.slotOf(RedisSessionStore.clusterStateKey(code)), cluster.slotOf("rt:c:{" + code + "}"),
          "key and channel share a slot");
      for (RedisCluster.Node m : cluster.masters()) {
        List<?> channels = (List<?>) m.client().command("PUBSUB", "SHARDCHANNELS", "rt:c:{" + code + "}");
        assertEquals(m == owner ? 1 : 0, channels.size(), "the channel is subscribed on its owner only: " + m);
      }
      used.add(owner);
    }
    assertEquals(3, used.size(), "sessions landed on every shard");
  }
}

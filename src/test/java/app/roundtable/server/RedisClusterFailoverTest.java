package app.roundtable.server;

import static app.roundtable.testsupport.ClusterNodes.changesFlowBothWays;
import static app.roundtable.testsupport.ClusterNodes.retryUntilApplied;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.roundtable.testsupport.Await;
import app.roundtable.testsupport.ClusterNodes;
import app.roundtable.testsupport.RedisCluster;
import app.roundtable.testsupport.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over a three-master Redis Cluster with one replica per master: a master killed, its
 * replica takes over, and the session's members on both nodes carry on (commands land on the new
 * master, and every node's shard subscription moves there).
 */
class RedisClusterFailoverTest {

  @Test
  void aKilledMastersSessionsCarryOnOnItsReplica() {
    try (RedisCluster cluster = RedisCluster.start(3, 1); ClusterNodes nodes = new ClusterNodes(cluster)) {
      RedisCluster.Node lost = cluster.masters().get(0);
      WsClient fac = nodes.facilitatorOn(lost, "Failover");
      WsClient member = nodes.memberOnB(fac.code, "Fay");
      changesFlowBothWays(fac, member);
      int slot = nodes.slotOf(fac.code);
      cluster.awaitHealthy(); // the replica has every write so far
      cluster.kill(lost);
      Await.until("a replica took over", Duration.ofSeconds(15), () -> cluster.masterOf(slot) != lost);
      assertNotEquals(lost, cluster.masterOf(slot));
      long v = retryUntilApplied(fac, "addAgendaItem", "title", "after the failover", "minutes", 5);
      member.awaitVersion(v);
      changesFlowBothWays(fac, member);
      fac.close();
      member.close();
    }
  }
}

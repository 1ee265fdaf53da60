package app.roundtable.server;

import static app.roundtable.testsupport.ClusterNodes.changesFlowBothWays;
import static app.roundtable.testsupport.ClusterNodes.retryUntilApplied;
import static app.roundtable.testsupport.ClusterNodes.unavailableWithItsId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.ClusterNodes;
import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.RedisCluster;
import app.roundtable.testsupport.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in REDIS_MODE=cluster over a real three-master Redis Cluster (no replicas): members on
 * both nodes follow sessions on every shard; a master lost stops only its own sessions (refused
 * with {@code unavailable} and the command's id within 2 s) until it returns; a slot migrated
 * while members are connected carries on on its new master.
 */
class RedisClusterNodesTest {
  static RedisCluster cluster;
  ClusterNodes nodes;
  final List<WsClient> sockets = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3, 0);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @BeforeEach
  void startNodes() {
    nodes = new ClusterNodes(cluster);
  }

  @AfterEach
  void stopNodes() {
    sockets.forEach(WsClient::close);
    nodes.close();
  }

  private WsClient keep(WsClient c) {
    sockets.add(c);
    return c;
  }

  @Test
  void membersOnBothNodesFollowSessionsOnEveryShard() {
    for (RedisCluster.Node master : cluster.masters()) {
      WsClient fac = keep(nodes.facilitatorOn(master, "Shard " + master.port));
      WsClient member = keep(nodes.memberOnB(fac.code, "Bea"));
      changesFlowBothWays(fac, member);
    }
  }

  @Test
  void aLostMasterStopsOnlyItsOwnSessionsUntilItReturns() {
    List<RedisCluster.Node> masters = cluster.masters();
    RedisCluster.Node lost = masters.get(0);
    WsClient facLost = keep(nodes.facilitatorOn(lost, "On the lost shard"));
    WsClient memberLost = keep(nodes.memberOnB(facLost.code, "Lou"));
    WsClient facKept = keep(nodes.facilitatorOn(masters.get(1), "On a kept shard"));
    WsClient memberKept = keep(nodes.memberOnB(facKept.code, "Kit"));

    cluster.kill(lost);
    try {
      long ms = unavailableWithItsId(facLost, "addAgendaItem", "title", "while lost", "minutes", 5);
      assertTrue(ms <= 2_000, "refused within 2 s, took " + ms + " ms");
      changesFlowBothWays(facKept, memberKept);
      assertEquals(200, new Http(nodes.a.port()).get("/health/ready").status(), "one lost shard does not make a node unready");
    } finally {
      cluster.restart(lost);
    }
    long v = retryUntilApplied(facLost, "addAgendaItem", "title", "after the return", "minutes", 5);
    memberLost.awaitVersion(v);
    changesFlowBothWays(facLost, memberLost);
  }

  @Test
  void aSlotMigratedWhileMembersAreConnectedCarriesOnOnItsNewMaster() {
    List<RedisCluster.Node> masters = cluster.masters();
    WsClient fac = keep(nodes.facilitatorOn(masters.get(0), "Moving"));
    WsClient member = keep(nodes.memberOnB(fac.code, "Mia"));
    int slot = nodes.slotOf(fac.code);
    RedisCluster.Node to = masters.get(1);

    // Mid-migration (keys moved, slot not yet handed over) the script follows ASK to the new master.
    cluster.migrateSlot(slot, to, () -> fac.command("addAgendaItem", "title", "mid-move", "minutes", 5));

    assertEquals(to, cluster.masterOf(slot));
    assertNotEquals(masters.get(0), cluster.masterOf(slot));
    changesFlowBothWays(fac, member);
    assertEquals(2, member.latest.getJsonObject("agenda").getJsonArray("items").size(), "nothing lost in the move");
  }
}

package app.roundtable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.server.RoundtableNode;
import app.roundtable.testsupport.Nodes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flood benchmark's harness ({@link Flood}) against an in-process in-memory node, small: three
 * attackers with two commitments each, two members, one-second windows. Checks that every phase
 * measured the facilitator, the members, the slow line and the attackers, and that the attackers'
 * commands were answered; it asserts no timings (a harness check, not a benchmark).
 */
class FloodSmokeTest {

  @Test
  void everyPhaseMeasuresTheFacilitatorTheSlowMemberAndTheAttackers() throws Exception {
    RoundtableNode node = Nodes.startInMemory();
    try {
      Flood.Options o = new Flood.Options();
      o.target = "127.0.0.1:" + node.port();
      o.attackers = 3;
      o.commitmentsEach = 2;
      o.members = 2;
      o.warmupSec = 1;
      o.durationSec = 1;
      o.quiet = true;
      o.serverPids = List.of(ProcessHandle.current().pid());
      Flood.Report r = Flood.run(o);

      List<String> names = r.phases().stream().map(p -> p.name).toList();
      assertEquals(List.of("quiet, small state", "attackers build the large state", "quiet, large state",
          "flood: 3 names rename"), names);
      for (Flood.Phase p : r.phases()) {
        // The build lasts as long as the budgets make it (here it may be shorter than the facilitator's
        // 200 ms): the windows of fixed length must have the facilitator's commands.
        boolean window = !p.name.startsWith("attackers build");
        assertTrue(!window || (p.facilitatorSent > 0 && p.facilitatorAcked > 0), p.name + ": the facilitator was answered");
        assertEquals(p.facilitatorAcked, p.facilitatorAck.getTotalCount(), p.name + ": one latency per ack");
        assertEquals(p.facilitatorAcked, p.facilitatorToSlow.getTotalCount() + p.notAtSlow,
            p.name + ": every acked version is matched on the slow member or counted as not there");
        assertTrue(!window || p.framesPerSec[Flood.Group.SLOW.ordinal()] > 0, p.name + ": the slow member read states");
      }
      Flood.Phase quiet = r.phases().get(0);
      Flood.Phase large = r.phases().get(2);
      Flood.Phase flood = r.phases().get(3);
      assertTrue(large.stateBytes > quiet.stateBytes + 3 * 2 * 2 * 280 * 4,
          "the attackers' commitments and notes are in the state: " + quiet.stateBytes + " → " + large.stateBytes);
      assertEquals(3 * 2 * 2, r.phases().get(1).attackerAccepted, "each commitment added and its note set, once");
      assertEquals(0, quiet.attackerSent, "the attackers wait in the quiet phases");
      assertTrue(flood.attackerSent > 0, "the attackers renamed");
      assertTrue(flood.attackerAccepted + flood.attackerRateLimited > 0, "their renames were answered");
      assertTrue(r.slowConnected(), "the slow member is still connected: " + r.slowClose());
      String table = Flood.table("smoke", r);
      assertTrue(table.contains("| smoke: phase |") && table.contains("| flood: 3 names rename |"), table);
    } finally {
      Nodes.await(node.close());
    }
  }
}

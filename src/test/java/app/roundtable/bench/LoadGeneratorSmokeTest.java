package app.roundtable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.server.RoundtableNode;
import app.roundtable.testsupport.Nodes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load generator against an in-process in-memory node: 5 sessions for about 3 s. Checks that
 * it measured something and that every client got every version; it asserts no timings (this is
 * a harness check, not a benchmark).
 */
class LoadGeneratorSmokeTest {

  @Test
  void measuresDeliveriesAndEveryClientGetsEveryVersion() throws Exception {
    RoundtableNode node = Nodes.startInMemory();
    try {
      LoadGenerator.Options o = new LoadGenerator.Options();
      o.targets = List.of("127.0.0.1:" + node.port());
      o.sessions = 5;
      o.rate = 2;
      o.warmupSec = 1;
      o.durationSec = 2;
      o.loops = 1;
      o.quiet = true;
      // The node runs in this JVM: its resident memory is this process's.
      o.serverPids = List.of(ProcessHandle.current().pid());
      LoadGenerator.Report report = LoadGenerator.run(o);

      assertEquals(35, report.setup().connections(), "5 sessions × 7 clients joined");
      LoadGenerator.Row row = report.rows().get(0);
      assertTrue(row.commands() > 0, "commands were sent in the measured window");
      assertTrue(row.deliveries() > 0, "state frames were delivered in the measured window");
      assertEquals(row.commands(), row.completed(), "every command's version reached all 7 clients of its session");
      assertEquals(row.commands(), row.fromSend().getTotalCount(), "one latency per command");
      assertEquals(0, row.gaps(), "no client saw a gap in versions");
      assertEquals(0, row.errors(), "no command was refused: " + row.errorCodes());
      assertTrue(LoadGenerator.table(report).contains("| bench | 5 | 35 |"));
      assertTrue(report.setup().rssBefore() > 0 && report.setup().rssJoined() > 0, "server RSS read before and after joining");
      assertTrue(LoadGenerator.table(report).contains("KiB resident per connection"), LoadGenerator.table(report));
    } finally {
      Nodes.await(node.close());
    }
  }
}

package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real process, the real signal: SIGTERM turns readiness 503, closes sockets with 1001, exits. */
class SigtermDrainTest {

  @Test
  void sigtermDrainsAndExitsWithinTheGracePeriod() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", System.getProperty("java.class.path"), "app.roundtable.server.Main")
        .redirectErrorStream(true)
        .redirectOutput(new File("target/sigterm-drain.log"));
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("DRAIN_SECONDS", "8");
    pb.environment().remove("REDIS_URL");
    // The default store (SQLite), kept out of the working directory.
    pb.environment().put("DATA_DIR", java.nio.file.Files.createTempDirectory("sigterm-drain").toString());
    Process server = pb.start();
    Vertx clients = Vertx.vertx();
    try {
      Http http = new Http(port);
      MultiNodeTest.awaitStatus(http, "/health/ready", 200, java.time.Duration.ofSeconds(30));
      JsonObject created = http.createSession("Drain", "blank");
      WsClient m = WsClient.connect(clients, port);
      m.join(created.getString("code"), "Dee");

      long signalled = System.nanoTime();
      server.destroy(); // SIGTERM
      MultiNodeTest.awaitStatus(http, "/health/ready", 503, java.time.Duration.ofSeconds(5));
      assertEquals(1001, m.awaitClosed());
      assertTrue(server.waitFor(8, TimeUnit.SECONDS), "exited within the grace period");
      assertTrue(System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(8));
    } finally {
      server.destroyForcibly();
      Nodes.await(clients.close());
    }
  }
}

package app.roundtable.testsupport;

import app.roundtable.server.Config;
import app.roundtable.server.RoundtableNode;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starting and stopping server nodes from blocking test code. */
public final class Nodes {
  private Nodes() {}

  public static RoundtableNode start(Config config) {
    return await(RoundtableNode.start(config));
  }

  /** An in-memory node on a free port with two event loops (so cross-loop paths are exercised). */
  public static RoundtableNode startInMemory() {
    return start(TestConfig.of(Map.of("VERTICLES", "2", "NODE_ID", "test-node")));
  }

  public static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

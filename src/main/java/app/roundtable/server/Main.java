package app.roundtable.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/roundtable.jar}: configuration from the environment (see README). */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.fromEnv(System.getenv());
    RoundtableNode node;
    try {
      node = RoundtableNode.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      // The operator needs the reason and what to do, not a stack trace (the store's messages say both).
      System.err.println("Roundtable could not start: " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    System.out.println("Roundtable is serving http://localhost:" + node.port() + "/");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM: readiness goes 503, sockets close with 1001 (clients resume elsewhere), then exit.
      try {
        node.drain(Duration.ofSeconds(Math.min(5, Math.max(0, config.node().drainSeconds() / 4))))
            .toCompletionStage().toCompletableFuture().get(config.node().drainSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("drain did not finish in time: " + e);
      }
    }, "drain"));
  }
}

package app.roundtable.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code java -jar target/roundtable.jar}: configuration from the environment (see README). */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    // Every library's lines in the one format (LogSetup): Vert.x told to use SLF4J rather than
    // left to find it, and anything on java.util.logging bridged.
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(Main.class);

    Config config = Config.fromEnv(System.getenv());
    RoundtableNode node;
    try {
      node = RoundtableNode.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      // The operator needs the reason and what to do, not a stack trace (the store's messages say both).
      log.atError().addKeyValue("event", "start_failed").log("Roundtable could not start: {}", e.getCause().getMessage());
      System.exit(1);
      return;
    }
    log.atInfo().addKeyValue("event", "serving").log("Roundtable is serving http://localhost:{}/", node.port());
    if (config.http().publicUrl() == null) {
      // Once, at start: behind a proxy without either, join links are relative and QR codes carry this node's address.
      log.atWarn().addKeyValue("event", "no_public_url").log("PUBLIC_URL is not set: links use the request's Host only"
          + " when it is loopback, this node's own address or one of ALLOWED_ORIGINS; otherwise join links are relative"
          + " and QR codes carry this node's address. Set PUBLIC_URL in a deployment.");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM: readiness goes 503, sockets close with 1001 (clients resume elsewhere), then exit.
      try {
        node.drain(Duration.ofSeconds(Math.min(5, Math.max(0, config.node().drainSeconds() / 4))))
            .toCompletionStage().toCompletableFuture().get(config.node().drainSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        log.atWarn().addKeyValue("event", "drain_late").log("drain did not finish in time: {}", e.getClass().getSimpleName());
      }
    }, "drain"));
  }
}

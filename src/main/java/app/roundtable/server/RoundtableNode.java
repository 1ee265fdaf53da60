package app.roundtable.server;

import app.roundtable.protocol.FrameDecoder;
import app.roundtable.store.Deadlines;
import app.roundtable.store.SessionStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Roundtable server: a Vert.x instance, its store, and one {@link HttpVerticle} per event loop.
 * Tests start several in one JVM (each its own Vert.x) to play a cluster behind a load balancer.
 */
public final class RoundtableNode {
  private static final Logger LOG = LoggerFactory.getLogger(RoundtableNode.class);
  private final Vertx vertx;
  private final Services services;
  /** The kernel interface the event loops use ({@link Transports}), for the start-up line. */
  private String transport = "?";
  private final List<String> deployments = new ArrayList<>();
  private int port;
  /** The METRICS_PORT server, when there is one. */
  private io.vertx.core.http.HttpServer metricsServer;

  private RoundtableNode(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.services = services;
  }

  public static Future<RoundtableNode> start(Config config) {
    return start(config, System::currentTimeMillis);
  }

  public static Future<RoundtableNode> start(Config config, LongSupplier clock) {
    FrameDecoder decoder = new FrameDecoder(config.sessions().limits());
    Metrics metrics = new Metrics(decoder.types());
    io.vertx.core.transport.Transport transport = Transports.choose(config.node().transport());
    Vertx vertx = Vertx.builder()
        .withTransport(transport)
        // As many event loops as HTTP verticles (not Vert.x's default of two per core): the store's
        // connections (Redis commands and pub/sub) then share the verticles' loops, so with one
        // loop a change never wakes another thread; a pub/sub connection on a loop of its own cost
        // a wake-up of that loop and a hand-over back per change (docs/benchmarks.md).
        .with(new VertxOptions().setEventLoopPoolSize(Math.max(1, config.node().verticles()))
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                // Not Vert.x's per-connection network metrics: they sit on every socket read and
                // write, and their report branch, first taken ~40 s after a connection opens (every
                // 4 KB read), made the JIT recompile the whole read path (0.3 s of C2 in the
                // benchmark's measured window). Ours count connections, commands and frames, and
                // Metrics#httpResponse times the API's requests.
                .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
                .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
                .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry))
        .build();
    SessionStore store;
    try {
      store = StoreFactory.open(vertx, config, metrics, clock);
    } catch (RuntimeException e) {
      vertx.close();
      return Future.failedFuture(e);
    }
    Services services = new Services(config, store, metrics, decoder, clock, new Deadlines(vertx));
    RoundtableNode node = new RoundtableNode(vertx, services);
    node.transport = transport.name();
    return node.deploy().recover(e -> {
      // Close in the background: a future completed on a closing Vert.x may never be delivered.
      vertx.close();
      return Future.failedFuture(e);
    });
  }

  private Future<RoundtableNode> deploy() {
    int n = Math.max(1, services.config.node().verticles());
    HttpVerticle[] verticles = new HttpVerticle[n];
    // The first binds the port; the rest share it (Vert.x shares a random port 0 too).
    verticles[0] = new HttpVerticle(services, services.config.http().port());
    return vertx.deployVerticle(verticles[0]).compose(id -> {
      deployments.add(id);
      port = verticles[0].actualPort();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 1; i < n; i++) {
        int k = i;
        chain = chain.compose(v -> {
          verticles[k] = new HttpVerticle(services, services.config.http().port());
          return vertx.deployVerticle(verticles[k]).map(dep -> {
            deployments.add(dep);
            return (Void) null;
          });
        });
      }
      return chain;
    }).compose(v -> services.config.http().metricsPort() < 0 ? Future.succeededFuture()
        : MetricsServer.start(vertx, services).map(s -> {
          metricsServer = s;
          return null;
        })).map(v -> {
      services.presence.start(vertx);
      String store = StoreFactory.describe(services.config.store());
      LOG.atInfo().addKeyValue("event", "listening").addKeyValue("node", services.config.node().id())
          .addKeyValue("port", port).log("Roundtable node listening on port {} ({} store, {} transport)", port, store, transport);
      return this;
    });
  }

  public int port() {
    return port;
  }

  /** The port /metrics is served on: METRICS_PORT's (the actual one when it was 0), or the public port with METRICS_PUBLIC. */
  public int metricsPort() {
    return metricsServer == null ? port : metricsServer.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public String metrics() {
    return services.metrics.scrape();
  }

  /**
   * Leaves gracefully: readiness turns 503 at once, then after {@code delay} (time for the load
   * balancer to notice) every socket is closed with 1001 so clients resume on another node.
   */
  public Future<Void> drain(Duration delay) {
    services.draining.set(true);
    LOG.atInfo().addKeyValue("event", "draining").addKeyValue("node", services.config.node().id()).log("draining");
    Future<Void> wait = delay.isZero() ? Future.succeededFuture()
        : Future.future(p -> vertx.setTimer(delay.toMillis(), id -> p.complete()));
    return wait.compose(v -> undeployAll()).compose(v -> close());
  }

  private Future<Void> undeployAll() {
    List<Future<Void>> all = new ArrayList<>();
    for (String id : deployments) all.add(vertx.undeploy(id));
    deployments.clear();
    return Future.join(all).mapEmpty();
  }

  /** Stops at once (the connections just drop, as when a process dies). */
  public Future<Void> close() {
    services.presence.stop(vertx);
    return services.store.close().transform(ar -> vertx.close());
  }
}

package app.roundtable.server;

import app.roundtable.protocol.HttpError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /metrics} on a port of its own (METRICS_PORT, on loopback unless METRICS_HOST says
 * otherwise), for a scraper on the host or inside the cluster: the public port answers 404 for
 * it, so the internet does not learn the node's load, sessions or error rates.
 */
final class MetricsServer {
  private MetricsServer() {}

  static Future<HttpServer> start(Vertx vertx, Services services) {
    return vertx.createHttpServer().requestHandler(req -> {
      services.headers.apply(req.response());
      if ("/metrics".equals(req.path()) && req.method() == HttpMethod.GET) scrape(req, services.metrics);
      else ApiErrors.error(req.response(), HttpError.NOT_FOUND, "Only /metrics is served on this port.");
    }).listen(services.config.http().metricsPort(), services.config.http().metricsHost());
  }

  static void scrape(HttpServerRequest req, Metrics metrics) {
    req.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
  }
}

package app.roundtable.server;

import app.roundtable.protocol.HttpError;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's HTTP server: pages, API, probes, metrics and WebSockets. A node runs VERTICLES
 * of them (by default one per two cores, {@link Config#defaultLoops}) on a shared port; each keeps its own {@link SessionHub}, so a socket's work never leaves
 * its loop.
 */
final class HttpVerticle extends VerticleBase {
  private static final long PING_EVERY_MS = 25_000;
  /** Context data key: the request is already being timed for {@link Metrics#httpResponse}. */
  private static final String TIMED = "roundtable.timed";
  /** Pings go out in this many slices spread over the period, not all at once (see {@link #pingSlice}). */
  private static final int PING_SLICES = 25;
  private int pingTick;
  private final Services services;
  private final int port;
  private SessionHub hub;
  private JoinFlow joins;
  private HttpServer server;

  /** {@code port} 0 picks a free port; later verticles of the node pass the port the first got. */
  HttpVerticle(Services services, int port) {
    this.services = services;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    hub = new SessionHub(services);
    joins = new JoinFlow(services, hub);
    Router router = Router.router(vertx);
    // Again inside the router: a reroute (/ → /index.html) starts the response's headers afresh.
    router.route().handler(ctx -> {
      services.headers.apply(ctx.response());
      // Timed once per request, a reroute included (its data stays with the context).
      if (ctx.get(TIMED) == null) {
        long start = System.nanoTime();
        ctx.put(TIMED, start);
        ctx.addEndHandler(ar -> services.metrics.httpResponse(ctx.request().method().name(),
            ctx.response().getStatusCode(), System.nanoTime() - start));
      }
      ctx.next();
    });
    router.get("/health/live").handler(ctx -> ctx.response().end("ok"));
    router.get("/health/ready").handler(this::ready);
    // The metrics live on METRICS_PORT (see MetricsServer), here only with METRICS_PUBLIC=true.
    if (services.config.http().metricsPort() < 0) router.get("/metrics").handler(ctx -> MetricsServer.scrape(ctx.request(), services.metrics));
    new SessionApi(services).mount(router);
    new Pages(services.config.http().webRoot()).mount(router);
    errorsAs(router, HttpError.BODY_TOO_LARGE, "The request body is too large.");
    errorsAs(router, HttpError.BAD_REQUEST, "Malformed request.");
    errorsAs(router, HttpError.NOT_FOUND, "Nothing here.");
    errorsAs(router, HttpError.INTERNAL, "Something went wrong on the server.");

    HttpServerOptions options = new HttpServerOptions()
        .setPort(port)
        .setHost(services.config.http().host())
        .setMaxWebSocketFrameSize(services.config.sessions().limits().frameBytes())
        .setMaxWebSocketMessageSize(services.config.sessions().limits().frameBytes())
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // A peer that stopped reading won't answer our close either: don't wait long for it.
        .setWebSocketClosingTimeout(3)
        .setIdleTimeout(75)
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setTcpNoDelay(true);
    vertx.setPeriodic(PING_EVERY_MS / PING_SLICES, id -> pingSlice());
    vertx.setPeriodic(1000, id -> services.known.forgetOldFrames());
    // The WebSocket is taken before the router: the router would hand out a wrapper of it, and the
    // connection writes its ready-made frames to the socket's own Netty channel (see SocketWriter).
    server = vertx.createHttpServer(options).requestHandler(req -> {
      services.headers.apply(req.response());
      if ("/ws".equals(req.path()) && req.method() == HttpMethod.GET) upgrade(req);
      else router.handle(req);
    }).invalidRequestHandler(req -> {
      // Requests Vert.x refuses before routing (a bad Host, an over-long line) get the headers too.
      services.headers.apply(req.response());
      HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(req);
    });
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    // Drain: every client is told to go elsewhere (1001) and resumes on another node.
    for (LocalSession ls : new ArrayList<>(hub.all())) ls.sendAway();
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The router's own failures (over-long body, no route, ...) answer as the API's errors do. */
  private static void errorsAs(Router router, HttpError error, String message) {
    router.errorHandler(error.status, ctx -> ApiErrors.error(ctx, error, message));
  }

  int actualPort() {
    return server.actualPort();
  }

  private void ready(RoutingContext ctx) {
    if (services.draining.get()) {
      ctx.response().setStatusCode(503).end("draining");
      return;
    }
    services.store.ping().timeout(2, TimeUnit.SECONDS).onComplete(ar -> {
      if (ar.succeeded()) ctx.response().end("ready");
      else ctx.response().setStatusCode(503).end("store unreachable");
    });
  }

  private void upgrade(HttpServerRequest req) {
    if (services.draining.get()) {
      req.response().setStatusCode(503).end();
      return;
    }
    if (!originAllowed(req)) {
      req.response().setStatusCode(403).end();
      return;
    }
    String client = services.client(req);
    if (!services.unjoinedSockets.open(client)) {
      ApiErrors.error(req.response(), HttpError.RATE_LIMITED, "Too many open connections that have not joined a session; "
          + "close some or join with them.");
      return;
    }
    req.toWebSocket()
        .onSuccess(ws -> new Connection(ws, services, hub, joins, client, Links.base(services.config, req)))
        .onFailure(e -> services.unjoinedSockets.done(client));
  }

  /**
   * Browsers always send Origin; a page on another site must not drive a member's session. Clients
   * that are not browsers send none and are let through: they hold no one else's cookies anyway.
   * An origin is scheme, host and port: {@code http://} and {@code https://} of one host are two
   * (a page served over plain HTTP on the same name must not reach an HTTPS deployment's sockets).
   */
  private boolean originAllowed(HttpServerRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null) return true;
    List<String> allowed = services.config.http().allowedOrigins();
    if (!allowed.isEmpty()) return allowed.contains(origin) || allowed.contains("*");
    try {
      URI o = URI.create(origin);
      String scheme = o.getScheme() == null ? "" : o.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (o.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) return false;
      if (services.config.http().publicUrl() != null) {
        URI p = URI.create(services.config.http().publicUrl());
        return scheme.equalsIgnoreCase(p.getScheme()) && o.getHost().equalsIgnoreCase(p.getHost())
            && port(scheme, o.getPort()) == port(p.getScheme(), p.getPort());
      }
      // Without PUBLIC_URL, the server's own origin: the scheme and authority this request came in on.
      String own = req.isSSL() ? "https" : "http";
      String host = req.authority() == null ? null : req.authority().host();
      int hPort = req.authority() == null ? -1 : req.authority().port();
      return scheme.equals(own) && o.getHost().equalsIgnoreCase(host) && port(scheme, o.getPort()) == port(own, hPort);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A URL's port, or its scheme's default when none is written. */
  private static int port(String scheme, int port) {
    return port != -1 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /**
   * Every connection is pinged once per {@link #PING_EVERY_MS}, a 1/{@link #PING_SLICES} slice of
   * them at a time: pinging thousands of sockets in one go stalled the loop for hundreds of
   * milliseconds (one write and one pong read each), which every session on it felt.
   */
  private void pingSlice() {
    int slice = pingTick++ % PING_SLICES;
    // Sliced by session (its code's cached hash), not by connection: a tick then walks the
    // sessions once instead of every socket on the loop.
    for (LocalSession ls : hub.all()) {
      if (Math.floorMod(ls.code.hashCode(), PING_SLICES) == slice) ls.ping();
    }
  }
}

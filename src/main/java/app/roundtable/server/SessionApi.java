package app.roundtable.server;

import app.roundtable.domain.Member;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.protocol.HttpError;
import app.roundtable.protocol.SpeakingChart;
import app.roundtable.protocol.SummaryView;
import app.roundtable.protocol.Wire;
import app.roundtable.store.StoreFullException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP half of the contract: create, look up, delete, summary, follow-up, QR code. */
final class SessionApi {
  private static final int MAX_BODY = 4096;
  private final Services services;

  SessionApi(Services services) {
    this.services = services;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
    router.post("/api/*").handler(SessionApi::jsonOnly);
    router.post("/api/sessions").handler(body).handler(this::create);
    router.get("/api/sessions/:code").handler(this::info);
    router.delete("/api/sessions/:code").handler(this::delete);
    router.get("/api/sessions/:code/summary").handler(this::summary);
    router.post("/api/sessions/:code/follow-up").handler(body).handler(this::followUp);
    router.get("/api/sessions/:code/qr.svg").handler(this::qr);
  }

  private void create(RoutingContext ctx) {
    if (services.config.sessions().createToken() != null) {
      String auth = ctx.request().getHeader("Authorization");
      if (auth == null || !Secrets.sameHash(Secrets.hash(auth), Secrets.hash("Bearer " + services.config.sessions().createToken()))) {
        error(ctx, HttpError.NO_CREDENTIALS, "Creating sessions needs the server's create token.");
        return;
      }
    }
    JsonObject in = json(ctx);
    if (in == null) return;
    String title = title(ctx, in.getValue("title"), true);
    if (title == null) return;
    long wait = services.creationGuard.tryCreate(services.client(ctx.request()), services.clock.getAsLong());
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString((wait + 999) / 1000));
      error(ctx, HttpError.RATE_LIMITED, "Too many sessions created; try again in a moment.");
      return;
    }
    Object t = in.getValue("template", "first");
    Template template = t instanceof String s ? Wire.parse(Template.class, s) : null;
    if (template == null) {
      error(ctx, HttpError.BAD_REQUEST, "Field 'template' must be \"first\", \"follow-up\" or \"blank\".");
      return;
    }
    String key = Secrets.token();
    Session s = Sessions.create(SessionCodes.generate(), title, template, Secrets.hash(key),
        services.clock.getAsLong(), services.random);
    store(ctx, s, key);
  }

  private void followUp(RoutingContext ctx) {
    JsonObject in = ctx.body().length() == 0 ? new JsonObject() : json(ctx);
    if (in == null) return;
    String title = in.getValue("title") == null ? null : title(ctx, in.getValue("title"), false);
    if (in.getValue("title") != null && title == null) return;
    withFacilitator(ctx, earlier -> {
      String key = Secrets.token();
      Session s = Sessions.followUp(earlier, SessionCodes.generate(), title, Secrets.hash(key),
          services.clock.getAsLong(), services.random);
      store(ctx, s, key);
    });
  }

  private void store(RoutingContext ctx, Session s, String key) {
    services.store.create(s).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof StoreFullException) {
        ctx.response().putHeader("Retry-After", "3600");
        error(ctx, HttpError.UNAVAILABLE, "This server holds as many sessions as it can; try again later.");
      } else if (ar.failed()) {
        failure(ctx, ar.cause());
      } else if (!ar.result()) {
        error(ctx, HttpError.UNAVAILABLE, "Could not allocate a session code; try again.");
      } else {
        String base = base(ctx);
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store")
            .end(new JsonObject().put("code", s.code).put("joinUrl", base + "/s/" + s.code)
                .put("displayUrl", base + "/d/" + s.code).put("facilitatorKey", key).encode());
      }
    });
  }

  private void info(RoutingContext ctx) {
    withSession(ctx, s -> {
      int online = 0;
      for (Member m : s.members.values()) if (!m.removed && m.online()) online++;
      ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("code", s.code).put("title", s.title)
              .put("status", Wire.name(s.status)).put("members", online).encode());
    });
  }

  /**
   * Deletes the session and everything of it now, for whoever has its facilitator key (an ended
   * session too): every socket gets {@code closed deleted}, and the code answers 404 from then on.
   */
  private void delete(RoutingContext ctx) {
    withFacilitator(ctx, s -> services.store.delete(s.code).onComplete(ar -> {
      if (ar.failed()) {
        failure(ctx, ar.cause());
      } else if (!ar.result()) {
        error(ctx, HttpError.UNKNOWN_SESSION, "There is no session with that code.");
      } else {
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      }
    }));
  }

  private void summary(RoutingContext ctx) {
    withFacilitator(ctx, s -> {
      String accept = ctx.request().getHeader("Accept");
      long now = services.clock.getAsLong();
      boolean markdown = accept != null && accept.contains("text/markdown");
      ctx.response().putHeader("Cache-Control", "no-store");
      if (markdown) {
        ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"roundtable-" + s.code + ".md\"")
            .end(SummaryView.markdown(s, now));
      } else if (accept != null && accept.contains("image/svg+xml")) {
        // The speaking record's chart alone, the same one the Markdown record carries inline.
        ctx.response().putHeader("Content-Type", "image/svg+xml").end(SpeakingChart.svg(s));
      } else {
        ctx.response().putHeader("Content-Type", "application/json").end(SummaryView.json(s, now));
      }
    });
  }

  private void qr(RoutingContext ctx) {
    withSession(ctx, s -> ctx.response().putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "private, max-age=3600")
        .end(QrCode.svg(base(ctx) + "/s/" + s.code)));
  }

  // --- helpers ------------------------------------------------------------------------------

  private interface WithSession {
    void accept(Session s);
  }

  /** Loads the session named in the path, counting unknown codes against the caller's IP. */
  private void withSession(RoutingContext ctx, WithSession then) {
    String ip = services.client(ctx.request());
    long now = services.clock.getAsLong();
    if (!services.joinGuard.allow(ip, now)) {
      error(ctx, HttpError.RATE_LIMITED, "Too many look-ups; wait a minute and try again.");
      return;
    }
    String code = SessionCodes.normalise(ctx.pathParam("code"));
    Future<Session> f = code == null ? Future.succeededFuture(null) : services.store.load(code);
    f.onComplete(ar -> {
      if (ar.failed()) {
        failure(ctx, ar.cause());
      } else if (ar.result() == null) {
        services.joinGuard.miss(ip, now);
        error(ctx, HttpError.UNKNOWN_SESSION, "There is no session with that code.");
      } else {
        then.accept(ar.result());
      }
    });
  }

  private void withFacilitator(RoutingContext ctx, WithSession then) {
    String key = ctx.request().getHeader("X-Facilitator-Key");
    if (key == null || key.isBlank()) {
      error(ctx, HttpError.NO_CREDENTIALS, "This needs the facilitator key in the X-Facilitator-Key header.");
      return;
    }
    withSession(ctx, s -> {
      if (!Secrets.sameHash(Secrets.hash(key.trim()), s.facilitatorKeyHash)) {
        error(ctx, HttpError.WRONG_CREDENTIALS, "That is not this session's facilitator key.");
      } else {
        then.accept(s);
      }
    });
  }

  /**
   * A POST with a body must say it is JSON: a cross-site form can send {@code text/plain} without
   * a preflight, JSON it cannot. A POST with neither body nor type passes (follow-up needs none).
   */
  private static void jsonOnly(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String length = ctx.request().getHeader("Content-Length");
    boolean noBody = type == null && !ctx.request().headers().contains("Transfer-Encoding")
        && (length == null || "0".equals(length.trim()));
    String media = type == null ? "" : type.split(";", 2)[0].trim();
    if (noBody || "application/json".equalsIgnoreCase(media)) {
      ctx.next();
    } else {
      error(ctx, HttpError.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON, sent as Content-Type: application/json.");
    }
  }

  private JsonObject json(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      if (o == null) error(ctx, HttpError.BAD_REQUEST, "The body must be a JSON object.");
      return o;
    } catch (DecodeException | ClassCastException e) {
      error(ctx, HttpError.BAD_REQUEST, "The body must be a JSON object.");
      return null;
    }
  }

  private String title(RoutingContext ctx, Object v, boolean required) {
    if (!(v instanceof String s) || s.isBlank()) {
      error(ctx, HttpError.BAD_REQUEST, "Field 'title' must be a non-blank string.");
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.codePointCount(0, t.length()) > services.config.sessions().limits().maxTextLength()) {
      error(ctx, HttpError.FIELD_TOO_LONG, "Field 'title' is longer than " + services.config.sessions().limits().maxTextLength() + " characters.");
      return null;
    }
    return t;
  }

  /** The absolute base for links: PUBLIC_URL, or else what the request says it reached. */
  private String base(RoutingContext ctx) {
    if (services.config.http().publicUrl() != null) return services.config.http().publicUrl();
    String host = ctx.request().authority() == null ? "localhost:" + services.config.http().port() : ctx.request().authority().toString();
    return ctx.request().scheme() + "://" + host;
  }

  private void failure(RoutingContext ctx, Throwable e) {
    Refusal r = Failures.refusal(e);
    HttpError as = switch (r.reason()) {
      case UNAVAILABLE -> HttpError.UNAVAILABLE;
      case UNKNOWN_SESSION -> HttpError.UNKNOWN_SESSION;
      default -> HttpError.INTERNAL;
    };
    error(ctx, as, r.message());
  }

  /** Answers with {@code error}'s status and the contract's {@code {"error", "message"}} body. */
  static void error(RoutingContext ctx, HttpError error, String message) {
    error(ctx.response(), error, message);
  }

  static void error(HttpServerResponse r, HttpError error, String message) {
    if (r.ended()) return;
    r.setStatusCode(error.status).putHeader("Content-Type", "application/json").end(error.body(message));
  }
}

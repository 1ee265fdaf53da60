package app.roundtable.server;

import app.roundtable.domain.Language;
import app.roundtable.domain.Member;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.protocol.HttpError;
import app.roundtable.protocol.TextHygiene;
import app.roundtable.protocol.Wire;
import app.roundtable.store.StoreFullException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP half of the contract: create, look up, delete, follow-up; the files made from a session
 * (summary, chart, calendar, QR code) are {@link SessionDownloads}. Who may read a session is
 * {@link SessionLookup}; every error answer is {@link ApiErrors}.
 */
final class SessionApi {
  private static final int MAX_BODY = 4096;
  private final Services services;
  private final SessionLookup lookup;

  SessionApi(Services services) {
    this.services = services;
    this.lookup = new SessionLookup(services);
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
    router.post("/api/*").handler(SessionApi::jsonOnly);
    router.post("/api/sessions").handler(body).handler(this::create);
    router.get("/api/sessions/:code").handler(this::info);
    router.delete("/api/sessions/:code").handler(this::delete);
    router.post("/api/sessions/:code/follow-up").handler(body).handler(this::followUp);
    new SessionDownloads(services, lookup).mount(router);
  }

  private void create(RoutingContext ctx) {
    if (services.config.sessions().createToken() != null) {
      String auth = ctx.request().getHeader("Authorization");
      if (auth == null || !Secrets.sameHash(Secrets.hash(auth), Secrets.hash("Bearer " + services.config.sessions().createToken()))) {
        ApiErrors.error(ctx, HttpError.NO_CREDENTIALS, "Creating sessions needs the server's create token.");
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
      ApiErrors.error(ctx, HttpError.RATE_LIMITED, "Too many sessions created; try again in a moment.");
      return;
    }
    Object t = in.getValue("template", "first");
    Template template = t instanceof String s ? Wire.parse(Template.class, s) : null;
    if (template == null) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Field 'template' must be \"first\", \"follow-up\" or \"blank\".");
      return;
    }
    Object l = in.getValue("language", "en");
    Language language = l instanceof String name ? Wire.parse(Language.class, name) : null;
    if (language == null) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Field 'language' must be \"en\", \"de\" or \"es\".");
      return;
    }
    String key = Secrets.token();
    Session s = Sessions.create(SessionCodes.generate(), title, template, language, Secrets.hash(key),
        services.clock.getAsLong(), services.random);
    store(ctx, s, key);
  }

  /**
   * The follow-up, maybe planned ({@code at}, {@code minutes}); the earlier session's state shows
   * it to its members. One per session: a second gets 409, the first stays where the state says.
   */
  private void followUp(RoutingContext ctx) {
    JsonObject in = ctx.body().length() == 0 ? new JsonObject() : json(ctx);
    if (in == null) return;
    String title = in.getValue("title") == null ? null : title(ctx, in.getValue("title"), false);
    if (in.getValue("title") != null && title == null) return;
    Object at = in.getValue("at");
    Object minutes = in.getValue("minutes");
    if (!wholeOrAbsent(at) || !wholeOrAbsent(minutes)) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Fields 'at' and 'minutes' must be whole numbers.");
      return;
    }
    Long when = at == null ? null : ((Number) at).longValue();
    // Beyond an int it is out of range anyway: the schedule's check says so in its words.
    Integer length = minutes == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) minutes).longValue()));
    lookup.withFacilitator(ctx, earlier -> {
      if (earlier.followUp != null) {
        ApiErrors.error(ctx, HttpError.CONFLICT, "This session has its follow-up already: " + earlier.followUp.joinUrl());
        return;
      }
      services.followUps.create(earlier, title, when, length, base(ctx)).onComplete(ar -> {
        if (ar.failed()) {
          ApiErrors.failure(ctx, ar.cause());
        } else if (ar.result() instanceof FollowUps.Refused r) {
          if (r.storeFull()) ctx.response().putHeader("Retry-After", "3600");
          ApiErrors.error(ctx, HttpError.of(r.refusal().reason()), r.refusal().message());
        } else {
          FollowUps.Created f = (FollowUps.Created) ar.result();
          created(ctx, f.code(), f.joinUrl(), f.displayUrl(), f.facilitatorKey());
        }
      });
    });
  }

  /** JSON integers decode as Integer or Long (larger ones as BigInteger, fractions as Double: refused). */
  private static boolean wholeOrAbsent(Object v) {
    return v == null || v instanceof Integer || v instanceof Long;
  }

  private void store(RoutingContext ctx, Session s, String key) {
    services.store.create(s).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof StoreFullException) {
        ctx.response().putHeader("Retry-After", "3600");
        ApiErrors.error(ctx, HttpError.UNAVAILABLE, "This server holds as many sessions as it can; try again later.");
      } else if (ar.failed()) {
        ApiErrors.failure(ctx, ar.cause());
      } else if (!ar.result()) {
        ApiErrors.error(ctx, HttpError.UNAVAILABLE, "Could not allocate a session code; try again.");
      } else {
        String base = base(ctx);
        created(ctx, s.code, Links.join(base, s.code), Links.display(base, s.code), key);
      }
    });
  }

  /** The contract's 201 for a new session: the only answer that ever carries its key. */
  private static void created(RoutingContext ctx, String code, String joinUrl, String displayUrl, String key) {
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("code", code).put("joinUrl", joinUrl)
            .put("displayUrl", displayUrl).put("facilitatorKey", key).encode());
  }

  private void info(RoutingContext ctx) {
    lookup.withSession(ctx, s -> {
      int online = 0;
      for (Member m : s.members.values()) if (!m.removed && m.online()) online++;
      // followUp and scheduled as in the state: an ended session's pages, whose socket is gone,
      // learn here that the group meets again.
      JsonObject followUp = s.followUp == null ? null : new JsonObject().put("code", s.followUp.code())
          .put("joinUrl", s.followUp.joinUrl()).put("displayUrl", s.followUp.displayUrl()).put("at", s.followUp.at());
      JsonObject scheduled = s.scheduled == null ? null
          : new JsonObject().put("at", s.scheduled.at).put("minutes", s.scheduled.minutes);
      ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("code", s.code).put("title", s.title)
              .put("status", Wire.name(s.status)).put("members", online)
              // Issue 21: the join form can say the room is locked before anyone types a name.
              .put("locked", s.locked)
              .put("followUp", followUp).put("scheduled", scheduled).encode());
    });
  }

  /**
   * Deletes the session and everything of it now, for whoever has its facilitator key (an ended
   * session too): every socket gets {@code closed deleted}, and the code answers 404 from then on.
   */
  private void delete(RoutingContext ctx) {
    lookup.withFacilitator(ctx, s -> services.store.delete(s.code).onComplete(ar -> {
      if (ar.failed()) {
        ApiErrors.failure(ctx, ar.cause());
      } else if (!ar.result()) {
        ApiErrors.error(ctx, HttpError.UNKNOWN_SESSION, "There is no session with that code.");
      } else {
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      }
    }));
  }

  // --- the body ---------------------------------------------------------------------------

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
      ApiErrors.error(ctx, HttpError.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON, sent as Content-Type: application/json.");
    }
  }

  private JsonObject json(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      if (o == null) ApiErrors.error(ctx, HttpError.BAD_REQUEST, "The body must be a JSON object.");
      return o;
    } catch (DecodeException | ClassCastException e) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "The body must be a JSON object.");
      return null;
    }
  }

  private String title(RoutingContext ctx, Object v, boolean required) {
    if (!(v instanceof String s) || s.isBlank()) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Field 'title' must be a non-blank string.");
      return null;
    }
    String t;
    try {
      t = TextHygiene.clean(s).strip().replaceAll("\\s+", " ");
    } catch (TextHygiene.Refused e) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Field 'title' " + e.getMessage() + ".");
      return null;
    }
    if (TextHygiene.invisible(t)) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Field 'title' must be a non-blank string.");
      return null;
    }
    if (t.codePointCount(0, t.length()) > services.config.sessions().limits().maxTextLength()) {
      ApiErrors.error(ctx, HttpError.FIELD_TOO_LONG, "Field 'title' is longer than " + services.config.sessions().limits().maxTextLength() + " characters.");
      return null;
    }
    return t;
  }

  /** The base for links: PUBLIC_URL, a Host that cannot be a stranger's, or "" (relative links; see {@link Links}). */
  private String base(RoutingContext ctx) {
    return Links.base(services.config, ctx.request());
  }
}

package app.roundtable.server;

import app.roundtable.domain.Member;
import app.roundtable.domain.Session;
import app.roundtable.protocol.HttpError;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may read a session over HTTP: the code in the path (unknown codes counted against the caller
 * by {@link JoinGuard}), and for the key holder's calls the facilitator key. Thread-safe: it holds
 * nothing but the node's services.
 */
final class SessionLookup {
  private final Services services;

  SessionLookup(Services services) {
    this.services = services;
  }

  interface WithSession {
    void accept(Session s);
  }

  /** Loads the session named in the path, counting unknown codes against the caller ({@link JoinGuard}). */
  void withSession(RoutingContext ctx, WithSession then) {
    withSession(ctx, null, then);
  }

  /**
   * As {@link #withSession(RoutingContext, WithSession)}; {@code key}, when given, is the facilitator
   * key the caller shows, and the session is handed on only when it is the right one.
   */
  void withSession(RoutingContext ctx, String key, WithSession then) {
    String ip = services.client(ctx.request());
    String client = JoinGuard.client(ip, key);
    long now = services.clock.getAsLong();
    String code = SessionCodes.normalise(ctx.pathParam("code"));
    JoinGuard.Pass pass = services.joinGuard.admit(ip, client, key != null, code, now);
    if (pass == JoinGuard.Pass.REFUSE) {
      ApiErrors.error(ctx, HttpError.RATE_LIMITED, "Too many look-ups; wait a minute and try again.");
      return;
    }
    Future<Session> f = code == null ? Future.succeededFuture(null) : services.store.load(code);
    f.onComplete(ar -> {
      if (ar.failed()) {
        ApiErrors.failure(ctx, ar.cause());
        return;
      }
      Session s = ar.result();
      boolean rightKey = s != null && key != null && opens(s, Secrets.hash(key));
      if (s == null || (pass == JoinGuard.Pass.PROVE && !rightKey)) {
        services.joinGuard.miss(ip, client, now);
        // Under PROVE, a wrong key and a code that does not exist get the same answer.
        if (pass == JoinGuard.Pass.PROVE) ApiErrors.error(ctx, HttpError.RATE_LIMITED, "Too many look-ups; wait a minute and try again.");
        else ApiErrors.error(ctx, HttpError.UNKNOWN_SESSION, "There is no session with that code.");
      } else if (key != null && !rightKey) {
        ApiErrors.error(ctx, HttpError.WRONG_CREDENTIALS, "That is not this session's facilitator key.");
      } else {
        then.accept(s);
      }
    });
  }

  void withFacilitator(RoutingContext ctx, WithSession then) {
    String key = ctx.request().getHeader("X-Facilitator-Key");
    if (key == null || key.isBlank()) {
      ApiErrors.error(ctx, HttpError.NO_CREDENTIALS, "This needs the facilitator key in the X-Facilitator-Key header.");
      return;
    }
    withSession(ctx, key.trim(), then);
  }

  /**
   * The record's readers (summary and chart): the key holder ({@code X-Facilitator-Key}), or
   * whoever holds the facilitator role, shown by their resume token ({@code X-Resume-Token}). The
   * role carries the record (v1.2), and once the session has ended its sockets are closed: a
   * facilitator who was handed the role, and holds no key, has no other way to the record then.
   */
  void withRecordReader(RoutingContext ctx, WithSession then) {
    String token = ctx.request().getHeader("X-Resume-Token");
    if (ctx.request().getHeader("X-Facilitator-Key") != null || token == null || token.isBlank()) {
      withFacilitator(ctx, then);
      return;
    }
    withSession(ctx, s -> {
      Member m = JoinFlow.byResumeToken(s, token.trim());
      if (m == null) {
        ApiErrors.error(ctx, HttpError.WRONG_CREDENTIALS, "That is not the resume token of a member of this session.");
      } else if (!m.facilitator) {
        ApiErrors.error(ctx, HttpError.WRONG_CREDENTIALS, "Only whoever facilitates the session gets its record.");
      } else {
        then.accept(s);
      }
    });
  }

  /** Whether the key of this hash opens {@code s} as facilitator: its own, or an earlier session's (v1.2). */
  static boolean opens(Session s, String keyHash) {
    boolean match = Secrets.sameHash(keyHash, s.facilitatorKeyHash);
    for (String earlier : s.earlierKeyHashes) match |= Secrets.sameHash(keyHash, earlier);
    return match;
  }
}

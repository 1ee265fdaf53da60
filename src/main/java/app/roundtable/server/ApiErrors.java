package app.roundtable.server;

import app.roundtable.domain.Refusal;
import app.roundtable.protocol.HttpError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** The node's HTTP error answers: the contract's status and {@code {"error", "message"}} body. */
final class ApiErrors {
  private ApiErrors() {}

  /** A store's failure as the contract's 503, 404 or 500. */
  static void failure(RoutingContext ctx, Throwable e) {
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

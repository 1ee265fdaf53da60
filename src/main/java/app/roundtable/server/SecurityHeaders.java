package app.roundtable.server;

import io.vertx.core.http.HttpServerResponse;

/** Headers for every response: no inline script, no framing, no sniffing, no leaking join links. */
final class SecurityHeaders {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(HttpServerResponse r) {
    r.putHeader("Content-Security-Policy", CSP);
    r.putHeader("X-Content-Type-Options", "nosniff");
    r.putHeader("X-Frame-Options", "DENY");
    // A session link is a key to the session: never hand it to another site in a Referer.
    r.putHeader("Referrer-Policy", "no-referrer");
    r.putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }
}

package app.roundtable.server;

import io.vertx.core.http.HttpServerResponse;
import java.net.URI;

/**
 * Headers for every response, errors included: no inline script, no framing, no sniffing, no
 * leaking join links; sockets only to this server (and its configured public origin, the ws/wss
 * form of it); and behind https, HSTS so that a browser never tries plain http again.
 */
final class SecurityHeaders {
  /** 180 days: long enough that a member's browser stays on https between sessions weeks apart. */
  static final long HSTS_SECONDS = 180L * 24 * 3600;

  private final String csp;
  private final String hsts;

  SecurityHeaders(String publicUrl) {
    String connect = "'self'";
    boolean https = false;
    if (publicUrl != null) {
      URI u = URI.create(publicUrl);
      https = "https".equalsIgnoreCase(u.getScheme());
      String authority = u.getRawAuthority();
      connect += " " + u.getScheme() + "://" + authority + " " + (https ? "wss" : "ws") + "://" + authority;
    }
    this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'";
    this.hsts = https ? "max-age=" + HSTS_SECONDS : null;
  }

  String csp() {
    return csp;
  }

  void apply(HttpServerResponse r) {
    if (r.headWritten()) return;
    r.putHeader("Content-Security-Policy", csp);
    r.putHeader("X-Content-Type-Options", "nosniff");
    r.putHeader("X-Frame-Options", "DENY");
    // A session link is a key to the session: never hand it to another site in a Referer.
    r.putHeader("Referrer-Policy", "no-referrer");
    r.putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (hsts != null) r.putHeader("Strict-Transport-Security", hsts);
  }
}

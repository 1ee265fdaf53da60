package app.roundtable.server;

import io.vertx.core.http.HttpServerRequest;

/**
 * The absolute links of a session: its member page ({@code /s/code}) and projector page
 * ({@code /d/code}) under PUBLIC_URL, or else under what the request says it reached. The same
 * for a link made over HTTP and one made over the socket (from its upgrade request).
 */
final class Links {
  private Links() {}

  static String base(Config config, HttpServerRequest req) {
    if (config.http().publicUrl() != null) return config.http().publicUrl();
    String host = req.authority() == null ? "localhost:" + config.http().port() : req.authority().toString();
    return req.scheme() + "://" + host;
  }

  static String join(String base, String code) {
    return base + "/s/" + code;
  }

  static String display(String base, String code) {
    return base + "/d/" + code;
  }
}

package app.roundtable.server;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The links of a session: its member page ({@code /s/code}) and projector page ({@code /d/code}).
 * Under PUBLIC_URL when it is set. Without it, the request's {@code Host} is used only when it
 * cannot be a stranger's: one of ALLOWED_ORIGINS (whose scheme then wins, as behind a TLS proxy),
 * a loopback name or address, or the very address the connection reached. Any other Host gives
 * relative links ({@code /s/code}, as PROTOCOL.md writes them), which a page makes absolute from
 * its own location: a forged Host must never put a foreign origin into a join link, a QR code or
 * a follow-up that every member is shown (review finding, issue 21). The same for a link made over
 * HTTP and one made over the socket (from its upgrade request).
 */
final class Links {
  private Links() {}

  /** PUBLIC_URL, a trusted origin the request reached, or "" (links are then relative). */
  static String base(Config config, HttpServerRequest req) {
    if (config.http().publicUrl() != null) return config.http().publicUrl();
    HostAndPort host = req.authority();
    if (host == null || host.host() == null || host.host().isEmpty()) return "";
    String allowed = allowedOrigin(config.http().allowedOrigins(), host);
    if (allowed != null) return allowed;
    if (loopback(host.host()) || reachedAt(req.localAddress(), host.host())) return req.scheme() + "://" + host;
    return "";
  }

  /**
   * A base that is always absolute, for what leaves the browser (a QR code, a calendar file):
   * {@link #base}, or else the address this connection reached, which no header can change.
   */
  static String absoluteBase(Config config, HttpServerRequest req) {
    String base = base(config, req);
    if (!base.isEmpty()) return base;
    SocketAddress local = req.localAddress();
    if (local == null || local.hostAddress() == null) return "http://localhost:" + config.http().port();
    String ip = local.hostAddress();
    return req.scheme() + "://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + local.port();
  }

  static String join(String base, String code) {
    return base + "/s/" + code;
  }

  static String display(String base, String code) {
    return base + "/d/" + code;
  }

  /** The allowed origin (as configured) whose host, and port when the Host names one, the request's Host is. */
  private static String allowedOrigin(List<String> origins, HostAndPort host) {
    for (String o : origins) {
      if (o.equals("*")) continue; // "any origin may connect" says nothing about which one is ours
      try {
        URI u = URI.create(o);
        if (u.getHost() == null || !u.getHost().equalsIgnoreCase(host.host())) continue;
        int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        if (host.port() == -1 || host.port() == port) return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
      } catch (IllegalArgumentException e) {
        // not an origin: never matches
      }
    }
    return null;
  }

  private static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }

  /** The Host is the IP address the connection came in on: the client reached us there, so links may point there. */
  private static boolean reachedAt(SocketAddress local, String host) {
    if (local == null || local.hostAddress() == null) return false;
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase(local.hostAddress());
  }
}

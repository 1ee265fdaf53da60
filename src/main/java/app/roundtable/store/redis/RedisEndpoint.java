package app.roundtable.store.redis;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where Redis is and how to reach it: {@code redis://[[user]:password@]host:port[/db]}, or {@code
 * rediss://…} for TLS. The client sends the user and password itself (HELLO/AUTH) on every new
 * connection. Over TLS the server's certificate must be trusted — by the JVM's trust store, or by
 * {@code caFile} (PEM) for a private CA — and must name the host in the URL.
 *
 * @param url the connection URL; it may hold a password, so it is never logged
 * @param caFile PEM certificate(s) to trust for {@code rediss://}; null means the JVM's trust store
 * @param password overrides the URL's password when set: a secret kept apart from the URL needs
 *     no URL escaping
 */
public record RedisEndpoint(String url, String caFile, String password) {

  public RedisEndpoint(String url, String caFile) {
    this(url, caFile, null);
  }

  public RedisEndpoint {
    String scheme = parse(url).getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
    }
  }

  /**
   * The URL parsed; a malformed one is refused with the reason and position only. The parser's own
   * message quotes the whole input, and with it the password (it reached the start-up error).
   */
  private static URI parse(String url) {
    try {
      URI u = new URI(url);
      if (u.getHost() == null && u.getRawAuthority() != null) {
        throw new IllegalArgumentException("REDIS_URL is not a valid URL: its host cannot be read "
            + "(characters such as @ : / # ? in a password must be percent-encoded, or use REDIS_PASSWORD)");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("REDIS_URL is not a valid URL: " + e.getReason()
          + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
          + " (characters such as @ : / # ? or spaces in a password must be percent-encoded, or use REDIS_PASSWORD)");
    }
  }

  boolean tls() {
    return "rediss".equals(URI.create(url).getScheme());
  }

  RedisOptions options(long timeoutMs) {
    NetClientOptions net = new NetClientOptions()
        .setConnectTimeout((int) timeoutMs)
        .setTcpKeepAlive(true)
        .setTcpNoDelay(true);
    if (tls()) {
      net.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
      if (caFile != null) net.setTrustOptions(new PemTrustOptions().addCertPath(caFile));
    }
    RedisOptions options = new RedisOptions()
        .setConnectionString(url)
        .setPreferredProtocolVersion(ProtocolVersion.RESP3)
        .setNetClientOptions(net);
    return password == null ? options : options.setPassword(password);
  }
}

package app.roundtable.testsupport;

import app.roundtable.server.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * A node's config for tests, built the way the server builds its own: from environment variables
 * (README "Configuration"), so a test exercises the same parsing and checks as a deployment.
 */
public final class TestConfig {
  private TestConfig() {}

  /**
   * {@code vars} over a free port (and a free metrics port) and, unless they name a store (STORE or REDIS_URL), the in-memory
   * one, e.g. {@code TestConfig.of(Map.of("VERTICLES", "1", "CREATE_TOKEN", "t"))}.
   */
  public static Config of(Map<String, String> vars) {
    Map<String, String> all = new HashMap<>();
    all.put("PORT", "0");
    // Tests run side by side: metrics on a free loopback port, not the default 9090.
    if (!vars.containsKey("METRICS_PUBLIC")) all.put("METRICS_PORT", "0");
    if (!vars.containsKey("STORE") && !vars.containsKey("REDIS_URL")) all.put("STORE", "memory");
    all.putAll(vars);
    return Config.fromEnv(all);
  }

  /** Redis at {@code url} (one server) with {@code vars}. */
  public static Config redis(String url, Map<String, String> vars) {
    Map<String, String> all = new HashMap<>(vars);
    all.put("REDIS_URL", url);
    return of(all);
  }
}

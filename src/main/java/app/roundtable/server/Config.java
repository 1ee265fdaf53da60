package app.roundtable.server;

import app.roundtable.domain.Limits;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything configurable, read once from the environment (see README "Configuration").
 *
 * @param publicUrl absolute base for join links and QR codes; null means "from the request's Host"
 * @param allowedOrigins WebSocket Origins accepted; empty means "the server's own host"
 * @param createToken bearer token required to create sessions; null means anyone may
 * @param redisUrl Redis for sessions shared by many nodes ({@code redis://[[user]:password@]host:port},
 *     {@code rediss://} for TLS); null means in-memory, one node
 * @param redisCaFile PEM certificate(s) to trust for {@code rediss://}; null means the JVM's trust store
 * @param redisPassword Redis password kept apart from REDIS_URL (e.g. from a Secret); null means the URL's
 * @param redisCluster true for {@code REDIS_MODE=cluster}: {@code redisUrl} is a comma list of Redis
 *     Cluster seed nodes (each as above)
 * @param nodeId this node's name in presence records (defaults to the host name)
 * @param verticles event-loop verticles serving HTTP and sockets (defaults to the core count)
 * @param drainSeconds how long a SIGTERM drain may take before the process exits anyway
 * @param heartbeatMs how often this node says it is alive; a node silent for 3 beats is dead and
 *     its connections no longer count as online
 * @param clientAddress who a request comes from, trusting forwarding headers only from TRUSTED_PROXIES
 * @param metricsPort where {@code /metrics} is served instead of the public port; -1 means the public port
 * @param edge creation limits, the in-memory session bound and the unjoined-socket bound
 * @param store where sessions live: {@code sqlite} (the default without REDIS_URL), {@code memory} or {@code redis}
 * @param dataDir the SQLite store's directory (its file is {@code roundtable.db})
 * @param sqliteSyncFull fsync every SQLite commit (survives power loss); otherwise only a crash of the process
 * @param sqliteMaxPages the most 4 KiB pages the SQLite file may grow to (0: no cap); past it changes are refused
 */
public record Config(
    int port,
    String host,
    String publicUrl,
    List<String> allowedOrigins,
    String createToken,
    int sessionTtlDays,
    String redisUrl,
    boolean redisCluster,
    String redisCaFile,
    String redisPassword,
    String nodeId,
    int verticles,
    int drainSeconds,
    String webRoot,
    Limits limits,
    long heartbeatMs,
    ClientAddress clientAddress,
    int metricsPort,
    EdgeLimits edge,
    String store,
    String dataDir,
    boolean sqliteSyncFull,
    long sqliteMaxPages) {

  public static Config fromEnv(Map<String, String> env) {
    return new Config(
        intOf(env, "PORT", 8080),
        env.getOrDefault("HOST", "0.0.0.0"),
        blankToNull(stripSlash(env.get("PUBLIC_URL"))),
        listOf(env.get("ALLOWED_ORIGINS")),
        blankToNull(env.get("CREATE_TOKEN")),
        intOf(env, "SESSION_TTL_DAYS", 30),
        blankToNull(env.get("REDIS_URL")),
        redisClusterOf(env),
        blankToNull(env.get("REDIS_CA_FILE")),
        blankToNull(env.get("REDIS_PASSWORD")),
        // A fresh suffix per process: a restarted node must not inherit its predecessor's presence.
        env.getOrDefault("NODE_ID", defaultNodeId()) + "-" + Secrets.base32(4),
        intOf(env, "VERTICLES", defaultLoops(Runtime.getRuntime().availableProcessors())),
        intOf(env, "DRAIN_SECONDS", 20),
        env.getOrDefault("WEB_ROOT", "web"),
        limitsOf(env),
        intOf(env, "HEARTBEAT_MS", 5000),
        ClientAddress.of(env.get("TRUSTED_PROXIES"), env.get("CLIENT_ADDRESS_HEADER")),
        intOf(env, "METRICS_PORT", -1),
        edgeOf(env),
        storeOf(env),
        env.getOrDefault("DATA_DIR", "data"),
        syncOf(env),
        intOf(env, "SQLITE_MAX_PAGES", 0));
  }

  public static final String STORE_SQLITE = "sqlite";
  public static final String STORE_MEMORY = "memory";
  public static final String STORE_REDIS = "redis";

  private static boolean syncOf(Map<String, String> env) {
    String v = env.getOrDefault("SQLITE_SYNC", "normal").trim().toLowerCase(java.util.Locale.ROOT);
    if (!v.equals("normal") && !v.equals("full")) {
      throw new IllegalArgumentException("SQLITE_SYNC must be normal or full, got '" + v + "'");
    }
    return v.equals("full");
  }

  /** Durable by default: SQLite on one node, Redis when REDIS_URL names one; memory only when asked. */
  private static String storeOf(Map<String, String> env) {
    String redis = blankToNull(env.get("REDIS_URL"));
    String s = blankToNull(env.get("STORE"));
    if (s == null) return redis != null ? STORE_REDIS : STORE_SQLITE;
    s = s.toLowerCase(java.util.Locale.ROOT);
    if (!List.of(STORE_SQLITE, STORE_MEMORY, STORE_REDIS).contains(s)) {
      throw new IllegalArgumentException("STORE must be sqlite, memory or redis, got '" + s + "'");
    }
    if (s.equals(STORE_REDIS) && redis == null) throw new IllegalArgumentException("STORE=redis needs REDIS_URL");
    if (!s.equals(STORE_REDIS) && redis != null) {
      throw new IllegalArgumentException("REDIS_URL is set but STORE=" + s + ": unset one of them");
    }
    return s;
  }

  private static EdgeLimits edgeOf(Map<String, String> env) {
    EdgeLimits d = EdgeLimits.DEFAULTS;
    return new EdgeLimits(intOf(env, "CREATES_PER_MINUTE", d.createsPerMinute()),
        intOf(env, "CREATES_PER_MINUTE_TOTAL", d.createsPerMinuteTotal()),
        intOf(env, "MAX_SESSIONS", d.maxSessions()),
        intOf(env, "MAX_UNJOINED_SOCKETS", d.unjoinedSockets()));
  }

  /** Without secrets: REDIS_URL may hold a password and CREATE_TOKEN is one. */
  @Override
  public String toString() {
    return "Config[port=" + port + ", publicUrl=" + publicUrl + ", redis=" + (redisUrl == null ? "none" : "set")
        + ", createToken=" + (createToken == null ? "none" : "set") + ", nodeId=" + nodeId + ", edge=" + edge
        + ", metricsPort=" + metricsPort + ", store=" + store + ", dataDir=" + dataDir + "]";
  }

  /** The public origin (scheme://host[:port]) of PUBLIC_URL, or null when none is configured. */
  String publicOrigin() {
    if (publicUrl == null) return null;
    java.net.URI u = java.net.URI.create(publicUrl);
    return u.getScheme() + "://" + u.getRawAuthority();
  }

  /** REDIS_MODE: {@code standalone} (the default: one Redis) or {@code cluster}. */
  private static boolean redisClusterOf(Map<String, String> env) {
    String mode = env.getOrDefault("REDIS_MODE", "standalone").trim().toLowerCase(java.util.Locale.ROOT);
    return switch (mode) {
      case "", "standalone" -> false;
      case "cluster" -> true;
      default -> throw new IllegalArgumentException("REDIS_MODE must be standalone or cluster, got '" + mode + "'");
    };
  }

  /** REDIS_URL as a list of seed nodes (cluster mode): comma-separated, blanks ignored. */
  public List<String> redisSeeds() {
    return listOf(redisUrl);
  }

  /** The contract's default limits; MAX_MEMBERS raises or lowers members per session (e.g. for a large class). */
  private static Limits limitsOf(Map<String, String> env) {
    Limits d = Limits.DEFAULTS;
    int maxMembers = intOf(env, "MAX_MEMBERS", d.maxMembers());
    if (maxMembers < 1) throw new IllegalArgumentException("MAX_MEMBERS must be at least 1");
    if (maxMembers == d.maxMembers()) return d;
    return new Limits(maxMembers, d.maxDisplays(), d.maxAgendaItems(), d.maxIdeas(), d.maxCommitmentsPerMember(),
        d.maxNameLength(), d.maxTextLength(), d.maxGroundRules(), d.maxGroupLength(), d.maxVotesPerMember(),
        d.maxItemMinutes(), d.maxTimerSeconds(), d.maxTurnLimitSec(), d.frameBytes(), d.commandsPerSecond());
  }

  /** A config for tests and embedding: in-memory, given port, defaults elsewhere. */
  public static Config defaults(int port) {
    return fromEnv(Map.of("PORT", Integer.toString(port), "STORE", STORE_MEMORY));
  }

  public Config withRedis(String url) {
    return with(d -> {
      d.redisUrl = url;
      d.store = url == null ? STORE_MEMORY : STORE_REDIS;
    });
  }

  /** The SQLite store in {@code dir}. */
  public Config withSqlite(String dir) {
    return with(d -> {
      d.redisUrl = null;
      d.store = STORE_SQLITE;
      d.dataDir = dir;
    });
  }

  public Config withSqliteMaxPages(long pages) {
    return with(d -> d.sqliteMaxPages = pages);
  }

  /** A Redis Cluster reached through {@code seedUrls}. */
  public Config withRedisCluster(List<String> seedUrls) {
    return with(d -> {
      d.redisUrl = String.join(",", seedUrls);
      d.redisCluster = true;
      d.store = STORE_REDIS;
    });
  }

  public Config withRedis(String url, String caFile) {
    return with(d -> {
      d.redisUrl = url;
      d.redisCaFile = caFile;
      d.store = url == null ? STORE_MEMORY : STORE_REDIS;
    });
  }

  public Config withRedisPassword(String password) {
    return with(d -> d.redisPassword = password);
  }

  public Config withNodeId(String id) {
    return with(d -> d.nodeId = id);
  }

  public Config withCreateToken(String token) {
    return with(d -> d.createToken = token);
  }

  public Config withAllowedOrigins(List<String> origins) {
    return with(d -> d.allowedOrigins = origins);
  }

  public Config withVerticles(int n) {
    return with(d -> d.verticles = n);
  }

  public Config withLimits(Limits l) {
    return with(d -> d.limits = l);
  }

  public Config withHeartbeatMs(long ms) {
    return with(d -> d.heartbeatMs = ms);
  }

  public Config withPublicUrl(String url) {
    return with(d -> d.publicUrl = stripSlash(url));
  }

  /** Trusts forwarding headers from these comma-listed CIDRs (as TRUSTED_PROXIES). */
  public Config withTrustedProxies(String cidrs, String header) {
    return with(d -> d.clientAddress = ClientAddress.of(cidrs, header));
  }

  public Config withMetricsPort(int port) {
    return with(d -> d.metricsPort = port);
  }

  public Config withEdgeLimits(int createsPerMinute, int createsPerMinuteTotal, int maxSessions, int unjoinedSockets) {
    return with(d -> d.edge = new EdgeLimits(createsPerMinute, createsPerMinuteTotal, maxSessions, unjoinedSockets));
  }

  /** A copy with some fields changed: one place that lists them all. */
  private Config with(java.util.function.Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new Config(d.port, d.host, d.publicUrl, d.allowedOrigins, d.createToken, d.sessionTtlDays,
        d.redisUrl, d.redisCluster, d.redisCaFile, d.redisPassword, d.nodeId, d.verticles, d.drainSeconds, d.webRoot, d.limits, d.heartbeatMs,
        d.clientAddress, d.metricsPort, d.edge, d.store, d.dataDir, d.sqliteSyncFull, d.sqliteMaxPages);
  }

  private static final class Draft {
    int port;
    String host;
    String publicUrl;
    List<String> allowedOrigins;
    String createToken;
    int sessionTtlDays;
    String redisUrl;
    boolean redisCluster;
    String redisCaFile;
    String redisPassword;
    String nodeId;
    int verticles;
    int drainSeconds;
    String webRoot;
    Limits limits;
    long heartbeatMs;
    ClientAddress clientAddress;
    int metricsPort;
    EdgeLimits edge;
    String store;
    String dataDir;
    boolean sqliteSyncFull;
    long sqliteMaxPages;

    Draft(Config c) {
      port = c.port;
      host = c.host;
      publicUrl = c.publicUrl;
      allowedOrigins = c.allowedOrigins;
      createToken = c.createToken;
      sessionTtlDays = c.sessionTtlDays;
      redisUrl = c.redisUrl;
      redisCluster = c.redisCluster;
      redisCaFile = c.redisCaFile;
      redisPassword = c.redisPassword;
      nodeId = c.nodeId;
      verticles = c.verticles;
      drainSeconds = c.drainSeconds;
      webRoot = c.webRoot;
      limits = c.limits;
      heartbeatMs = c.heartbeatMs;
      clientAddress = c.clientAddress;
      metricsPort = c.metricsPort;
      edge = c.edge;
      store = c.store;
      dataDir = c.dataDir;
      sqliteSyncFull = c.sqliteSyncFull;
      sqliteMaxPages = c.sqliteMaxPages;
    }
  }

  /**
   * Event loops when {@code VERTICLES} is not set: one per two cores, at least one. A change goes
   * to every socket of its session, and each other loop holding one of them costs a hand-over and
   * a wake-up of that loop per change; on two cores one loop took 25-50 % less CPU per delivered
   * frame than two and its knee was no lower (docs/benchmarks.md, "Capacity as shipped"). The
   * other cores are not idle: the kernel's network work, the JIT, the GC and the store's own
   * threads (SQLite's writer) run there.
   */
  static int defaultLoops(int cores) {
    return Math.max(1, cores / 2);
  }

  private static int intOf(Map<String, String> env, String name, int otherwise) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return otherwise;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }

  private static List<String> listOf(String v) {
    if (v == null || v.isBlank()) return List.of();
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Config::stripSlash).toList();
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String stripSlash(String v) {
    return v != null && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  private static String defaultNodeId() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) return h;
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }
}

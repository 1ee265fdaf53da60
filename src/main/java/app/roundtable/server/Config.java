package app.roundtable.server;

import app.roundtable.domain.Limits;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything configurable, read once from the environment (see README "Configuration"). A setting is
 * one component of the record it belongs to and one line in that record's {@code from}; tests build a
 * config the same way, from a map of variables (testsupport/TestConfig).
 *
 * @param http the public listener and what it serves
 * @param node this process among the others
 * @param sessions who may create sessions, how long they live, and the bounds on them
 * @param store where sessions live
 */
public record Config(Http http, Node node, Sessions sessions, Store store) {

  public static Config fromEnv(Map<String, String> vars) {
    Env env = new Env(vars);
    return new Config(Http.from(env), Node.from(env), Sessions.from(env), Store.from(env));
  }

  /**
   * @param publicUrl absolute base for join links and QR codes; null means "from the request's Host"
   * @param allowedOrigins WebSocket Origins accepted; empty means "the server's own host"
   * @param metricsPort where {@code /metrics} is served, never on the public port (METRICS_PORT, 9090;
   *     0 for a free one); -1 means on the public port after all ({@code METRICS_PUBLIC=true})
   * @param metricsHost the address the metrics port listens on: loopback unless METRICS_HOST says
   *     otherwise (a pod sets {@code 0.0.0.0} for its scraper, behind its NetworkPolicy)
   * @param clientAddress who a request comes from, trusting forwarding headers only from TRUSTED_PROXIES
   */
  public record Http(int port, String host, String publicUrl, List<String> allowedOrigins, String webRoot,
      int metricsPort, String metricsHost, ClientAddress clientAddress) {
    static Http from(Env env) {
      return new Http(env.integer("PORT", 8080), env.text("HOST", "0.0.0.0"), env.url("PUBLIC_URL"),
          env.list("ALLOWED_ORIGINS"), env.text("WEB_ROOT", "web"), metricsPortOf(env),
          env.text("METRICS_HOST", "127.0.0.1"),
          ClientAddress.of(env.text("TRUSTED_PROXIES"), env.text("CLIENT_ADDRESS_HEADER")));
    }

    /**
     * The load, sessions and error rates of a node are nobody's business on the internet, and the
     * counters of a small session say when its members act: so /metrics is off the public port
     * unless asked for.
     */
    private static int metricsPortOf(Env env) {
      boolean pub = env.choice("METRICS_PUBLIC", "false", List.of("true", "false")).equals("true");
      if (pub && env.text("METRICS_PORT") != null) {
        throw new IllegalArgumentException("METRICS_PUBLIC=true serves /metrics on PORT: unset METRICS_PORT");
      }
      int port = env.integer("METRICS_PORT", 9090);
      if (!pub && (port < 0 || port > 65535)) throw new IllegalArgumentException("METRICS_PORT must be 0 to 65535");
      return pub ? -1 : port;
    }
  }

  /**
   * @param id this node's name in presence records: NODE_ID (else the host name) and a suffix fresh per
   *     process, so a restarted node does not inherit its predecessor's presence
   * @param verticles event-loop verticles serving HTTP and sockets (see {@link #defaultLoops})
   * @param drainSeconds how long a SIGTERM drain may take before the process exits anyway
   * @param heartbeatMs how often this node says it is alive; a node silent for 3 beats is dead and
   *     its connections no longer count as online
   * @param transport TRANSPORT: auto, io_uring, epoll or nio ({@link Transports})
   */
  public record Node(String id, int verticles, int drainSeconds, long heartbeatMs, String transport) {
    /** TRANSPORT: the kernel interface the event loops use ({@link Transports}). */
    static final List<String> TRANSPORTS = List.of("auto", "io_uring", "epoll", "nio");

    static Node from(Env env) {
      return new Node(env.text("NODE_ID", defaultNodeId()) + "-" + Secrets.base32(4),
          env.integer("VERTICLES", defaultLoops(Runtime.getRuntime().availableProcessors())),
          env.integer("DRAIN_SECONDS", 20), env.integer("HEARTBEAT_MS", 5000),
          env.choice("TRANSPORT", "auto", TRANSPORTS));
    }
  }

  /**
   * @param createToken bearer token required to create sessions; null means anyone may
   * @param limits the contract's limits; MAX_MEMBERS raises or lowers members per session (e.g. for a large class)
   * @param edge creation limits, the session bound and the unjoined-socket bound
   * @param size how large one session may grow, in the bytes every store writes (MAX_SESSION_KB)
   * @param maxResidentBytes the most session bytes the memory and SQLite stores hold in memory
   *     (MAX_RESIDENT_MB; by default an eighth of the heap): past it SQLite evicts idle sessions,
   *     and creates get 503 when the sessions in use fill it
   * @param room the byte budgets of members and sessions, and the joined-socket bounds
   */
  public record Sessions(int ttlDays, String createToken, Limits limits, EdgeLimits edge,
      app.roundtable.store.SessionSize size, long maxResidentBytes, RoomBudgets room) {
    public Sessions {
      if (maxResidentBytes < 1) throw new IllegalArgumentException("MAX_RESIDENT_MB must be at least 1");
    }

    /** The default bounds on bytes. */
    public Sessions(int ttlDays, String createToken, Limits limits, EdgeLimits edge) {
      this(ttlDays, createToken, limits, edge, app.roundtable.store.SessionSize.DEFAULT, defaultResidentBytes(),
          RoomBudgets.DEFAULTS);
    }

    static Sessions from(Env env) {
      EdgeLimits d = EdgeLimits.DEFAULTS;
      int sessionKb = env.integer("MAX_SESSION_KB", app.roundtable.store.SessionSize.DEFAULT_MAX_BYTES / 1024);
      if (sessionKb < 4) throw new IllegalArgumentException("MAX_SESSION_KB must be at least 4");
      int residentMb = env.integer("MAX_RESIDENT_MB", (int) (defaultResidentBytes() >> 20));
      return new Sessions(env.integer("SESSION_TTL_DAYS", 30), env.text("CREATE_TOKEN"), limitsOf(env),
          new EdgeLimits(env.integer("CREATES_PER_MINUTE", d.createsPerMinute()),
              env.integer("CREATES_PER_MINUTE_TOTAL", d.createsPerMinuteTotal()),
              env.integer("MAX_SESSIONS", d.maxSessions()), env.integer("MAX_UNJOINED_SOCKETS", d.unjoinedSockets())),
          new app.roundtable.store.SessionSize(sessionKb * 1024), (long) residentMb << 20, RoomBudgets.from(env));
    }

    /**
     * An eighth of the heap: decoded, a session takes a few times its encoded bytes, and the
     * heap also holds sockets, frames and the JIT's own; at {@code -Xmx128m} that is 16 MiB.
     */
    static long defaultResidentBytes() {
      return Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Without the token: it is a secret. */
    @Override
    public String toString() {
      return "Sessions[ttlDays=" + ttlDays + ", createToken=" + (createToken == null ? "none" : "set")
          + ", limits=" + limits + ", edge=" + edge + ", size=" + size + ", residentMb=" + (maxResidentBytes >> 20) + ", room=" + room + "]";
    }

    private static Limits limitsOf(Env env) {
      Limits d = Limits.DEFAULTS;
      int maxMembers = env.integer("MAX_MEMBERS", d.maxMembers());
      if (maxMembers < 1) throw new IllegalArgumentException("MAX_MEMBERS must be at least 1");
      if (maxMembers == d.maxMembers()) return d;
      return new Limits(maxMembers, d.maxDisplays(), d.maxAgendaItems(), d.maxIdeas(), d.maxCommitmentsPerMember(),
          d.maxNameLength(), d.maxTextLength(), d.maxGroundRules(), d.maxGroupLength(), d.maxVotesPerMember(),
          d.maxItemMinutes(), d.maxTimerSeconds(), d.maxTurnLimitSec(), d.frameBytes(), d.commandsPerSecond());
    }
  }

  /**
   * Where sessions live: durable by default (SQLite on one node, Redis when REDIS_URL names one),
   * memory only when asked. {@link #match} is the one switch over the choices, so a new kind of store
   * does not compile until every place that tells them apart handles it.
   */
  public sealed interface Store {
    <T> T match(Function<Memory, T> memory, Function<Sqlite, T> sqlite, Function<Redis, T> redis);

    /** In this process only: gone on restart, one node. */
    record Memory() implements Store {
      @Override
      public <T> T match(Function<Memory, T> memory, Function<Sqlite, T> sqlite, Function<Redis, T> redis) {
        return memory.apply(this);
      }
    }

    /**
     * @param dataDir the directory of the file {@code roundtable.db}
     * @param syncFull fsync every commit (survives power loss); otherwise only a crash of the process
     * @param maxPages the most 4 KiB pages the file may grow to (0: no cap); past it changes are refused
     */
    record Sqlite(String dataDir, boolean syncFull, long maxPages) implements Store {
      @Override
      public <T> T match(Function<Memory, T> memory, Function<Sqlite, T> sqlite, Function<Redis, T> redis) {
        return sqlite.apply(this);
      }
    }

    /**
     * @param url {@code redis://[[user]:password@]host:port} ({@code rediss://} for TLS); in cluster mode a
     *     comma list of seed nodes, each like that
     * @param cluster {@code REDIS_MODE=cluster}: a Redis Cluster rather than one server
     * @param caFile PEM certificate(s) to trust for {@code rediss://}; null means the JVM's trust store
     * @param password kept apart from the URL (e.g. from a Secret); null means the URL's
     * @param cacheIdleSeconds how long this node keeps a state it touched to start the next update
     *     from (a shortcut only: what is put back after Redis lost its data does not depend on it)
     */
    record Redis(String url, boolean cluster, String caFile, String password, int cacheIdleSeconds) implements Store {
      @Override
      public <T> T match(Function<Memory, T> memory, Function<Sqlite, T> sqlite, Function<Redis, T> redis) {
        return redis.apply(this);
      }

      /** The URL as seed nodes (cluster mode): comma-separated, blanks ignored. */
      public List<String> seeds() {
        return Env.listOf(url);
      }

      /** Without secrets: the URL may hold a password. */
      @Override
      public String toString() {
        return "Redis[cluster=" + cluster + ", caFile=" + caFile + "]";
      }
    }

    /** Every store's settings are read (and a bad one refused) whichever store is chosen. */
    static Store from(Env env) {
      String url = env.text("REDIS_URL");
      boolean cluster = env.choice("REDIS_MODE", "standalone", List.of("standalone", "cluster")).equals("cluster");
      boolean syncFull = env.choice("SQLITE_SYNC", "normal", List.of("normal", "full")).equals("full");
      Sqlite sqlite = new Sqlite(env.text("DATA_DIR", "data"), syncFull, env.integer("SQLITE_MAX_PAGES", 0));
      String kind = env.choice("STORE", url != null ? "redis" : "sqlite", List.of("sqlite", "memory", "redis"));
      if (kind.equals("redis") && url == null) throw new IllegalArgumentException("STORE=redis needs REDIS_URL");
      if (!kind.equals("redis") && url != null) {
        throw new IllegalArgumentException("REDIS_URL is set but STORE=" + kind + ": unset one of them");
      }
      return switch (kind) {
        case "memory" -> new Memory();
        case "redis" -> new Redis(url, cluster, env.text("REDIS_CA_FILE"), env.text("REDIS_PASSWORD"),
            env.integer("REDIS_CACHE_IDLE_SECONDS", 600));
        default -> sqlite;
      };
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

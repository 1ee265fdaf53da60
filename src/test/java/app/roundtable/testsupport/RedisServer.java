package app.roundtable.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis for tests. With {@code REDIS_URL} set, that server is used (its database flushed);
 * otherwise a private {@code redis-server} is started on a free port, without automatic snapshots
 * or AOF, in a temporary directory, and stopped by {@link #close()}.
 *
 * <p>{@link #stop()} and {@link #start()} simulate an outage on a private server: stop saves the
 * data set first (as a deployment with persistence would keep it) and start brings the server back
 * on the same port with that data.
 *
 * {@link #freeze()} and {@link #thaw()} make it stop answering without closing any connection.
 *
 * <p>{@link #startWithPassword} and {@link #startWithTls} start private servers as a deployment
 * exposed to others runs them: protected mode on, {@code requirepass}, and optionally TLS (with a
 * throw-away self-signed certificate; {@link #caFile()} is what a client must trust).
 *
 * <p>Also a tiny blocking RESP client ({@link #command}) for looking behind a store's back.
 */
public final class RedisServer implements AutoCloseable {
  private static final String BINARY = "/usr/bin/redis-server";

  private final String host;
  private final int port;
  private final String password;
  private final int db;
  private final boolean external;
  private final Path dir;
  /** The TLS port when the server speaks TLS (plain {@link #port} stays open for {@link #command}); 0 otherwise. */
  private int tlsPort;
  /** Extra server options, e.g. an append-only file ({@link #startWithAppendOnlyFile}). */
  private final List<String> options = new ArrayList<>();
  private Process process;

  private RedisServer(String host, int port, String password, int db, boolean external, Path dir) {
    this.host = host;
    this.port = port;
    this.password = password;
    this.db = db;
    this.external = external;
    this.dir = dir;
  }

  /** A private server that refuses every client without {@code password} (protected mode on). */
  public static RedisServer startWithPassword(String password) {
    return startPrivate(password, false);
  }

  /** As {@link #startWithPassword}, and {@link #url()} is a {@code rediss://} URL to its TLS port. */
  public static RedisServer startWithTls(String password) {
    return startPrivate(password, true);
  }

  private static RedisServer startPrivate(String password, boolean tls) {
    if (!new File(BINARY).canExecute()) throw new IllegalStateException("no " + BINARY + ": install the redis-server package");
    try {
      RedisServer server = new RedisServer("127.0.0.1", freePort(), password, 0, false, Files.createTempDirectory("redis-test"));
      if (tls) {
        server.tlsPort = freePort();
        server.selfSignedCertificate();
      }
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A private server that persists as a deployment does ({@code appendonly yes}), with its files
   * written uncompressed and the AOF without an RDB preamble, so that a test reading their raw
   * bytes sees every string they hold ({@link #dir()}).
   */
  public static RedisServer startWithAppendOnlyFile() {
    if (!new File(BINARY).canExecute()) throw new IllegalStateException("no " + BINARY + ": install the redis-server package");
    try {
      RedisServer server = new RedisServer("127.0.0.1", freePort(), null, 0, false, Files.createTempDirectory("redis-aof"));
      server.options.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec", "--aof-use-rdb-preamble", "no",
          "--rdbcompression", "no"));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where a private server keeps its files (RDB, AOF). */
  public Path dir() {
    return dir;
  }

  /** The PEM certificate a TLS client must trust, or null for a plain server. */
  public String caFile() {
    return tlsPort == 0 ? null : dir.resolve("cert.pem").toString();
  }

  /** The URL with another password (or none), to see what a client that has it wrong gets. */
  public String urlWithPassword(String other) {
    String auth = other == null ? "" : ":" + other + "@";
    return (tlsPort == 0 ? "redis://" : "rediss://") + auth + (tlsPort == 0 ? host : "localhost") + ":"
        + (tlsPort == 0 ? port : tlsPort) + "/" + db;
  }

  private void selfSignedCertificate() throws IOException {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The server named by {@code REDIS_URL}, flushed; or a fresh private one. */
  public static RedisServer startOrConnect() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      URI uri = URI.create(url);
      String userInfo = uri.getUserInfo();
      String password = userInfo == null ? null : userInfo.substring(userInfo.indexOf(':') + 1);
      String path = uri.getPath();
      int db = path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
      RedisServer server = new RedisServer(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), password, db, true, null);
      server.command("FLUSHDB");
      return server;
    }
    if (!new File(BINARY).canExecute()) {
      throw new IllegalStateException("no " + BINARY + " and no REDIS_URL: install the redis-server package");
    }
    try {
      RedisServer server = new RedisServer("127.0.0.1", freePort(), null, 0, false, Files.createTempDirectory("redis-test"));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server someone else runs (e.g. one node of a {@link RedisCluster}): for {@link #command} only. */
  public static RedisServer at(String host, int port) {
    return new RedisServer(host, port, null, 0, true, null);
  }

  public String url() {
    return urlWithPassword(password);
  }

  /** True when this fixture owns the process, so {@link #stop()} and {@link #start()} work. */
  public boolean canRestart() {
    return !external;
  }

  /** Starts the private server (again, on the same port) and waits until it answers. */
  public synchronized void start() {
    if (external) throw new UnsupportedOperationException("REDIS_URL server: cannot start it");
    if (process != null && process.isAlive()) return;
    List<String> args = new ArrayList<>(List.of(BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString()));
    args.addAll(options); // later options win: an append-only file replaces "--appendonly no"
    if (password == null) {
      args.addAll(List.of("--protected-mode", "no"));
    } else {
      args.addAll(List.of("--protected-mode", "yes", "--requirepass", password));
    }
    if (tlsPort != 0) {
      args.addAll(List.of("--tls-port", String.valueOf(tlsPort), "--tls-cert-file", caFile(),
          "--tls-key-file", dir.resolve("key.pem").toString(), "--tls-auth-clients", "no"));
    }
    try {
      process = new ProcessBuilder(args)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + BINARY, e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        if ("PONG".equals(command("PING"))) return;
      } catch (RuntimeException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not come up on port " + port + ": " + log(), notYet);
        }
      }
      pause(20);
    }
  }

  /** Saves the data set and stops the private server; the port refuses connections until {@link #start()}. */
  public synchronized void stop() {
    if (external) throw new UnsupportedOperationException("REDIS_URL server: cannot stop it");
    if (process == null) return;
    try {
      command("SHUTDOWN", "SAVE");
    } catch (RuntimeException expected) {
      // The server closes the connection instead of answering.
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Saves the data set now and keeps a copy of it: {@link #restartFrom} brings the server back
   * with it, as an RDB or AOF that missed the writes since would.
   */
  public synchronized Path snapshot() {
    if (external) throw new UnsupportedOperationException("REDIS_URL server: no snapshots");
    command("SAVE");
    try {
      Path copy = dir.resolve("snapshot-" + System.nanoTime() + ".rdb");
      Files.copy(dir.resolve("dump.rdb"), copy);
      return copy;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Kills the server (SIGKILL: nothing saved) and starts it again on the same port holding
   * {@code snapshot}'s data, or nothing at all when it is null.
   */
  public synchronized void restartFrom(Path snapshot) {
    if (external) throw new UnsupportedOperationException("REDIS_URL server: cannot restart it");
    try {
      if (process != null) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        process = null;
      }
      Files.deleteIfExists(dir.resolve("dump.rdb"));
      if (snapshot != null) Files.copy(snapshot, dir.resolve("dump.rdb"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    start();
  }

  /** Suspends the private server's process: connections stay open, nothing is answered. */
  public synchronized void freeze() {
    signal("-STOP");
  }

  public synchronized void thaw() {
    signal("-CONT");
  }

  private void signal(String sig) {
    if (external || process == null) throw new UnsupportedOperationException("no private redis-server running");
    try {
      int rc = new ProcessBuilder("kill", sig, String.valueOf(process.pid())).inheritIO().start().waitFor();
      if (rc != 0) throw new IllegalStateException("kill " + sig + " exited " + rc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (!external) {
      if (process != null) {
        process.destroy();
        signalQuietly("-CONT");
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
      }
      deleteQuietly(dir);
    }
  }

  /**
   * Sends one command and returns the reply: a simple or bulk string, a Long, null, or a List of
   * those. An error reply throws.
   */
  public Object command(String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      if (password != null) {
        write(out, "AUTH", password);
        read(in);
      }
      if (db != 0) {
        write(out, "SELECT", String.valueOf(db));
        read(in);
      }
      write(out, args);
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("redis command " + args[0] + " failed: " + e, e);
    }
  }

  private static void write(OutputStream out, String... args) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
    for (String a : args) {
      byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
      b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      b.writeBytes(bytes);
      b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(b.toByteArray());
    out.flush();
  }

  private static Object read(InputStream in) throws IOException {
    int type = in.read();
    String line = line(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IllegalStateException("redis error: " + line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int n = Integer.parseInt(line);
        if (n < 0) return null;
        byte[] bytes = in.readNBytes(n);
        line(in);
        return new String(bytes, StandardCharsets.UTF_8);
      }
      case '*': {
        int n = Integer.parseInt(line);
        if (n < 0) return null;
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(read(in));
        return items;
      }
      case -1:
        throw new IOException("connection closed");
      default:
        throw new IOException("unexpected RESP type " + (char) type);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\r') {
      if (c == -1) throw new IOException("connection closed");
      b.write(c);
    }
    in.read();
    return b.toString(StandardCharsets.UTF_8);
  }

  private void signalQuietly(String sig) {
    try {
      signal(sig);
    } catch (RuntimeException ignored) {
      // Already gone.
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("redis.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) return;
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temp directory left behind is harmless.
    }
  }
}

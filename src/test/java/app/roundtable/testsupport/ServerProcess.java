package app.roundtable.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Roundtable server in a JVM of its own ({@code Main} on the test classpath), so that it can be
 * stopped with a real SIGTERM or SIGKILL. Its output goes to {@code target/<name>.log}.
 */
public final class ServerProcess implements AutoCloseable {
  public final int port;
  public final Http http;
  private final Process process;

  private ServerProcess(int port, Process process) {
    this.port = port;
    this.http = new Http(port);
    this.process = process;
  }

  /** Starts a server with {@code env} (on a free port) and waits until it is ready. */
  public static ServerProcess start(String name, Map<String, String> env) throws IOException {
    return start(name, env, java.util.List.of(), Duration.ofSeconds(30));
  }

  /** As {@link #start(String, Map)}, with options for the JVM (e.g. {@code -Xmx128m}) and a time to become ready. */
  public static ServerProcess start(String name, Map<String, String> env, java.util.List<String> jvmOptions,
      Duration ready) throws IOException {
    int port = freePort();
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(jvmOptions);
    command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "app.roundtable.server.Main"));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", name + ".log").toFile()));
    pb.environment().remove("REDIS_URL");
    pb.environment().remove("STORE");
    pb.environment().put("METRICS_PORT", "0"); // not the default 9090: other servers run beside it
    pb.environment().putAll(env);
    pb.environment().put("PORT", Integer.toString(port));
    ServerProcess s = new ServerProcess(port, pb.start());
    s.awaitReady(ready);
    return s;
  }

  private void awaitReady(Duration within) {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) throw new AssertionError("the server exited with " + process.exitValue() + " (see its log)");
      try {
        if (http.get("/health/ready").status() == 200) return;
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      sleep(100);
    }
    throw new AssertionError("the server was not ready within " + within);
  }

  /** SIGTERM (the graceful drain); returns the exit code. */
  public int terminate(Duration within) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("no exit after SIGTERM");
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: nothing runs after it, no shutdown hook, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}

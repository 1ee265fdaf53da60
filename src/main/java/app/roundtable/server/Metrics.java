package app.roundtable.server;

import app.roundtable.protocol.CommandTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's meters. Labels are closed sets only (command types known to the protocol, error
 * codes, connection kinds): never a session code, a name, an idea or anything a member typed, and
 * no label that tells a vote from an unvote ({@link CommandTable#meterLabel}).
 */
public final class Metrics {
  public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  public final AtomicInteger memberConnections = new AtomicInteger();
  public final AtomicInteger displayConnections = new AtomicInteger();
  public final AtomicInteger openSockets = new AtomicInteger();
  public final AtomicInteger activeSessions = new AtomicInteger();
  private final Map<String, Counter> commands = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private final Set<String> commandTypes;
  private final Timer fanout;
  private final Timer joinToWelcome;
  private final Counter slowConsumers;
  private final Counter stateFramesWritten;
  private final Counter sharedFramesSent;
  private final Counter ownFramesSent;
  private final io.micrometer.core.instrument.DistributionSummary commitChanges;
  private final Timer commitTime;

  public Metrics(Set<String> commandTypes) {
    this.commandTypes = commandTypes;
    Gauge.builder("roundtable_connections", memberConnections, AtomicInteger::get)
        .tag("kind", "member").description("Joined member connections on this node").register(registry);
    Gauge.builder("roundtable_connections", displayConnections, AtomicInteger::get)
        .tag("kind", "display").description("Joined display connections on this node").register(registry);
    Gauge.builder("roundtable_sockets_open", openSockets, AtomicInteger::get)
        .description("Open WebSockets, joined or not").register(registry);
    Gauge.builder("roundtable_sessions_active", activeSessions, AtomicInteger::get)
        .description("Sessions with at least one connection on this node").register(registry);
    fanout = Timer.builder("roundtable_fanout")
        .description("Time to hand one version to every local connection of its session")
        .publishPercentileHistogram().register(registry);
    joinToWelcome = Timer.builder("roundtable_join_welcome")
        .description("Time from a join frame to its welcome").publishPercentileHistogram().register(registry);
    slowConsumers = Counter.builder("roundtable_slow_consumers_closed")
        .description("Connections closed because they stopped reading").register(registry);
    stateFramesWritten = Counter.builder("roundtable_state_frames_written")
        .description("State frames written (JSON and WebSocket framing): once per version per node, whatever the number of sockets")
        .register(registry);
    sharedFramesSent = Counter.builder("roundtable_frames_sent").tag("kind", "shared")
        .description("Messages written to sockets: shared (one buffer for every socket of a session) or own (one socket's)")
        .register(registry);
    ownFramesSent = Counter.builder("roundtable_frames_sent").tag("kind", "own")
        .description("Messages written to sockets: shared (one buffer for every socket of a session) or own (one socket's)")
        .register(registry);
    // The SQLite store's group commit: its count is commits, its sum the changes they carried.
    commitChanges = io.micrometer.core.instrument.DistributionSummary.builder("roundtable_store_commit_changes")
        .description("Changes saved per database commit (SQLite store)").register(registry);
    commitTime = Timer.builder("roundtable_store_commit")
        .description("Time to write and sync one database commit (SQLite store)").publishPercentileHistogram()
        .register(registry);
  }

  /** One commit of the SQLite store; called on its writer thread. */
  public void storeCommit(int changes, long nanos) {
    commitChanges.record(changes);
    commitTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One command received; practice-log commands are not counted at all ({@link CommandTable#UNCOUNTED}). */
  public void command(String type) {
    if (type != null && CommandTable.UNCOUNTED.contains(type)) return;
    String t = type != null && commandTypes.contains(type) ? CommandTable.meterLabel(type) : "unknown";
    commands.computeIfAbsent(t, k -> Counter.builder("roundtable_commands").tag("type", k)
        .description("Commands received, by type").register(registry)).increment();
  }

  public void error(String code) {
    errors.computeIfAbsent(code, k -> Counter.builder("roundtable_errors").tag("code", k)
        .description("Refusals sent, by error code").register(registry)).increment();
  }

  /** Timers of answered HTTP requests by method and status class ("GET 2xx"); few and fixed. */
  private final Map<String, Timer> httpResponses = new ConcurrentHashMap<>();

  /**
   * One answered HTTP request (API, pages, health; not the WebSocket upgrade): its method, status
   * class and time. Replaces Vert.x's own HTTP server metrics, which sit on every socket read.
   */
  public void httpResponse(String method, int status, long nanos) {
    String m = switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" -> method;
      default -> "OTHER";
    };
    String statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    httpResponses.computeIfAbsent(m + " " + statusClass, k -> Timer.builder("roundtable_http_responses")
        .tag("method", m).tag("status", statusClass)
        .description("Answered HTTP requests (API, pages, health), by method and status class")
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  public void fanout(long nanos) {
    fanout.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void joinToWelcome(long nanos) {
    joinToWelcome.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A message went to one socket: {@code shared} when it is the buffer every socket of the session gets. */
  public void frameSent(boolean shared) {
    (shared ? sharedFramesSent : ownFramesSent).increment();
  }

  public void stateFrameWritten() {
    stateFramesWritten.increment();
  }

  public void slowConsumer() {
    slowConsumers.increment();
  }

  public String scrape() {
    return registry.scrape();
  }
}

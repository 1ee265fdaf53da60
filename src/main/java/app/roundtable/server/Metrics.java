package app.roundtable.server;

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
 * codes, connection kinds): never a session code, a name, an idea or anything a member typed.
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

  public void command(String type) {
    String t = type != null && commandTypes.contains(type) ? type : "unknown";
    commands.computeIfAbsent(t, k -> Counter.builder("roundtable_commands").tag("type", k)
        .description("Commands received, by type").register(registry)).increment();
  }

  public void error(String code) {
    errors.computeIfAbsent(code, k -> Counter.builder("roundtable_errors").tag("code", k)
        .description("Refusals sent, by error code").register(registry)).increment();
  }

  public void fanout(long nanos) {
    fanout.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void joinToWelcome(long nanos) {
    joinToWelcome.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void slowConsumer() {
    slowConsumers.increment();
  }

  public String scrape() {
    return registry.scrape();
  }
}

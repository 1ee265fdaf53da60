package app.roundtable.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis Cluster for tests: {@code masters} {@code redis-server --cluster-enabled yes}
 * processes (and {@code replicas} per master) on free ports, joined with {@code redis-cli --cluster
 * create}, each with an append-only file fsynced on every write (a killed master that comes back
 * has its data, as a persistent deployment would), {@code cluster-require-full-coverage no} (a lost
 * shard stops only its own slots) and a 1 s node timeout (failures noticed fast). Stopped and
 * deleted by {@link #close()}.
 */
public final class RedisCluster implements AutoCloseable {
  private static final String SERVER = "/usr/bin/redis-server";
  private static final String CLI = "/usr/bin/redis-cli";
  private static final int NODE_TIMEOUT_MS = 1000;

  private final Path dir;
  private final List<Node> nodes = new ArrayList<>();

  /** One cluster node: its port and process. */
  public static final class Node {
    public final int port;
    private final Path dir;
    private Process process;

    Node(int port, Path dir) {
      this.port = port;
      this.dir = dir;
    }

    public String url() {
      return "redis://127.0.0.1:" + port;
    }

    public RedisServer client() {
      return RedisServer.at("127.0.0.1", port);
    }

    public boolean alive() {
      return process != null && process.isAlive();
    }

    @Override
    public String toString() {
      return "127.0.0.1:" + port;
    }
  }

  private RedisCluster(Path dir) {
    this.dir = dir;
  }

  public static RedisCluster start(int masters, int replicas) {
    for (String bin : List.of(SERVER, CLI)) {
      if (!new File(bin).canExecute()) throw new IllegalStateException("no " + bin + ": install the redis-server package (redis-tools)");
    }
    RedisCluster c;
    try {
      c = new RedisCluster(Files.createTempDirectory("redis-cluster-test"));
      for (int i = 0; i < masters * (1 + replicas); i++) {
        int port = RedisServer.freePort();
        Node n = new Node(port, Files.createDirectories(c.dir.resolve(Integer.toString(port))));
        c.nodes.add(n);
        c.launch(n);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      for (Node n : c.nodes) c.awaitPing(n);
      List<String> args = new ArrayList<>(List.of(CLI, "--cluster", "create"));
      for (Node n : c.nodes) args.add(n.toString());
      args.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
      run(args);
      c.awaitHealthy();
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  public List<String> seedUrls() {
    return nodes.stream().map(Node::url).toList();
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The hash slot of {@code key}, as Redis computes it. */
  public int slotOf(String key) {
    return ((Long) live().client().command("CLUSTER", "KEYSLOT", key)).intValue();
  }

  /** The node that serves {@code slot} as master now, according to a live node. */
  public Node masterOf(int slot) {
    for (Object range : (List<?>) live().client().command("CLUSTER", "SLOTS")) {
      List<?> r = (List<?>) range;
      if ((Long) r.get(0) <= slot && slot <= (Long) r.get(1)) {
        int port = ((Long) ((List<?>) r.get(2)).get(1)).intValue();
        return nodes.stream().filter(n -> n.port == port).findFirst().orElseThrow();
      }
    }
    throw new IllegalStateException("no master for slot " + slot);
  }

  public Node masterOfKey(String key) {
    return masterOf(slotOf(key));
  }

  /** The masters now (a node is one when it serves any slot). */
  public List<Node> masters() {
    List<Node> masters = new ArrayList<>();
    for (Object range : (List<?>) live().client().command("CLUSTER", "SLOTS")) {
      int port = ((Long) ((List<?>) ((List<?>) range).get(2)).get(1)).intValue();
      Node n = nodes.stream().filter(x -> x.port == port).findFirst().orElseThrow();
      if (!masters.contains(n)) masters.add(n);
    }
    return masters;
  }

  /** SIGKILL: the node vanishes without a word, as a crashed machine would. */
  public void kill(Node n) {
    if (n.process == null) return;
    n.process.destroyForcibly();
    try {
      n.process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    n.process = null;
  }

  /** Starts a killed node again on its port, with its data and its cluster config; waits until the cluster is whole. */
  public void restart(Node n) {
    launch(n);
    awaitPing(n);
    awaitHealthy();
  }

  /**
   * Moves {@code slot} from its master to {@code to} while it is in use, as {@code redis-cli
   * --cluster reshard} does: IMPORTING on the target, MIGRATING on the source, MIGRATE of every key,
   * then the new owner announced to every master.
   */
  public void migrateSlot(int slot, Node to) {
    migrateSlot(slot, to, () -> {});
  }

  /** As {@link #migrateSlot(int, Node)}, running {@code midway} after the keys moved and before the handover. */
  public void migrateSlot(int slot, Node to, Runnable midway) {
    Node from = masterOf(slot);
    if (from == to) return;
    String s = Integer.toString(slot);
    to.client().command("CLUSTER", "SETSLOT", s, "IMPORTING", id(from));
    from.client().command("CLUSTER", "SETSLOT", s, "MIGRATING", id(to));
    while (true) {
      List<?> keys = (List<?>) from.client().command("CLUSTER", "GETKEYSINSLOT", s, "100");
      if (keys.isEmpty()) break;
      List<String> args = new ArrayList<>(List.of("MIGRATE", "127.0.0.1", Integer.toString(to.port), "", "0", "5000", "KEYS"));
      for (Object k : keys) args.add((String) k);
      from.client().command(args.toArray(String[]::new));
    }
    midway.run();
    to.client().command("CLUSTER", "SETSLOT", s, "NODE", id(to));
    from.client().command("CLUSTER", "SETSLOT", s, "NODE", id(to));
    for (Node m : masters()) {
      if (m != to && m != from) m.client().command("CLUSTER", "SETSLOT", s, "NODE", id(to));
    }
  }

  /**
   * Waits until every live node says the cluster is ok and agrees on who serves every slot, and
   * every live replica has caught up with its master (replication is asynchronous: a failover may
   * lose what a replica has not yet received, which is not what the tests are about).
   */
  public void awaitHealthy() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      if (healthy() && replicasCaughtUp()) return;
      if (System.nanoTime() > deadline) throw new IllegalStateException("cluster not healthy in 20 s");
      pause(50);
    }
  }

  private boolean healthy() {
    String view = null;
    for (Node n : nodes) {
      if (!n.alive()) continue;
      try {
        if (!((String) n.client().command("CLUSTER", "INFO")).contains("cluster_state:ok")) return false;
        String slots = n.client().command("CLUSTER", "SLOTS").toString();
        if (view != null && !view.equals(slots)) return false;
        view = slots;
      } catch (RuntimeException notYet) {
        return false;
      }
    }
    return view != null;
  }

  private boolean replicasCaughtUp() {
    for (Node n : nodes) {
      if (!n.alive()) continue;
      String info = (String) n.client().command("INFO", "replication");
      if (!info.contains("role:slave")) continue;
      if (!info.contains("master_link_status:up")) return false;
      // The master's offset first: what the replica must reach (the master moves on meanwhile).
      RedisServer master = RedisServer.at("127.0.0.1", Integer.parseInt(field(info, "master_port")));
      long target = Long.parseLong(field((String) master.command("INFO", "replication"), "master_repl_offset"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (Long.parseLong(field((String) n.client().command("INFO", "replication"), "slave_repl_offset")) < target) {
        if (System.nanoTime() > deadline) return false;
        pause(10);
      }
    }
    return true;
  }

  private static String field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) return line.substring(name.length() + 1).trim();
    }
    throw new IllegalStateException("no " + name + " in " + info);
  }

  private String id(Node n) {
    return (String) n.client().command("CLUSTER", "MYID");
  }

  private Node live() {
    return nodes.stream().filter(Node::alive).findFirst().orElseThrow();
  }

  private void launch(Node n) {
    try {
      n.process = new ProcessBuilder(SERVER, "--port", Integer.toString(n.port), "--bind", "127.0.0.1",
          "--protected-mode", "no", "--dir", n.dir.toString(), "--cluster-enabled", "yes",
          "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MS),
          "--cluster-require-full-coverage", "no", "--cluster-replica-validity-factor", "0",
          "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--repl-diskless-sync-delay", "0")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(n.dir.resolve("redis.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + SERVER, e);
    }
  }

  private void awaitPing(Node n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        if ("PONG".equals(n.client().command("PING"))) return;
      } catch (RuntimeException notYet) {
        if (!n.alive() || System.nanoTime() > deadline) throw new IllegalStateException("redis-server did not come up on " + n, notYet);
      }
      pause(20);
    }
  }

  private static void run(List<String> args) {
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Node n : nodes) kill(n);
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temp directory left behind is harmless.
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
}

package app.roundtable.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.server.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis Cluster overlay ({@code k8s-cluster/}, an overlay of {@code k8s/}) checked without a
 * Kubernetes cluster: what it lists, that its patches hit resources of the base, that the server's
 * settings in it parse into cluster mode with seeds that are pods of the cluster's StatefulSet, and
 * that the cluster is one a lost shard does not stop.
 */
class ClusterManifestsTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path OVERLAY = ROOT.resolve("k8s-cluster");
  private static final Path BASE = ROOT.resolve("k8s");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static JsonNode kustomization;
  private static final Map<String, JsonNode> files = new HashMap<>();
  private static final List<JsonNode> base = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    kustomization = YAML.readTree(OVERLAY.resolve("kustomization.yaml").toFile());
    try (Stream<Path> all = Files.list(OVERLAY)) {
      for (Path p : all.toList()) files.put(p.getFileName().toString(), YAML.readTree(p.toFile()));
    }
    for (JsonNode r : YAML.readTree(BASE.resolve("kustomization.yaml").toFile()).path("resources")) {
      base.add(YAML.readTree(BASE.resolve(r.asText()).toFile()));
    }
  }

  @Test
  void theOverlayListsEveryFileOnceAndBuildsOnTheBase() {
    Set<String> listed = new TreeSet<>();
    for (JsonNode r : kustomization.path("resources")) listed.add(r.asText());
    for (JsonNode p : kustomization.path("patches")) listed.add(p.path("path").asText());
    assertTrue(listed.remove("../k8s"), "the overlay builds on k8s/");
    Set<String> onDisk = files.keySet().stream().filter(n -> !n.equals("kustomization.yaml"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(onDisk, listed, "every k8s-cluster/*.yaml is listed, and only those");
    assertEquals("roundtable", kustomization.path("namespace").asText());
    for (JsonNode p : kustomization.path("patches")) {
      JsonNode patch = files.get(p.path("path").asText());
      assertNotNull(baseResource(patch.path("kind").asText(), patch.at("/metadata/name").asText()),
          p.path("path").asText() + " patches a resource of the base");
    }
  }

  @Test
  void theServerRunsInClusterModeSeededWithPodsOfTheCluster() {
    Map<String, String> env = new HashMap<>();
    baseResource("ConfigMap", "roundtable-config").path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    files.get("configmap-patch.yaml").path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    Config config = Config.fromEnv(env);
    Config.Store.Redis redis = assertInstanceOf(Config.Store.Redis.class, config.store());
    assertTrue(redis.cluster(), "REDIS_MODE=cluster");
    List<String> seeds = redis.seeds();
    assertTrue(seeds.size() >= 2, "more than one seed: " + seeds);

    JsonNode sts = baseResource("StatefulSet", "roundtable-redis");
    String service = sts.at("/spec/serviceName").asText();
    int pods = files.get("redis-statefulset-patch.yaml").at("/spec/replicas").asInt();
    for (String seed : seeds) {
      var m = java.util.regex.Pattern.compile("redis://roundtable-redis-(\\d+)\\." + service + ":6379").matcher(seed);
      assertTrue(m.matches(), "a seed is a pod of the cluster's StatefulSet by its stable name: " + seed);
      assertTrue(Integer.parseInt(m.group(1)) < pods, "seed pod exists: " + seed);
    }
  }

  @Test
  void everyPodIsAPersistentClusterNodeAndALostShardStopsOnlyItself() {
    JsonNode patch = files.get("redis-statefulset-patch.yaml");
    JsonNode redis = patch.at("/spec/template/spec/containers/0");
    List<String> args = new ArrayList<>();
    redis.path("args").forEach(a -> args.add(a.asText()));
    assertEquals("yes", after(args, "--cluster-enabled"));
    assertEquals("no", after(args, "--cluster-require-full-coverage"), "other shards carry on when one is lost");
    assertEquals("yes", after(args, "--appendonly"));
    assertEquals("noeviction", after(args, "--maxmemory-policy"), "sessions are never evicted");
    assertTrue(after(args, "--cluster-config-file").startsWith("/data/"), "nodes.conf on the volume: a pod rejoins as itself");
    assertEquals("$(POD_NAME).roundtable-redis", after(args, "--cluster-announce-hostname"));
    assertEquals("$(REDIS_PASSWORD)", after(args, "--requirepass"), "every node needs the base's password");
    assertEquals("$(REDIS_PASSWORD)", after(args, "--masterauth"), "replicas reach their masters with it");
    assertEquals("yes", after(args, "--protected-mode"));
    assertEquals("metadata.name", redis.at("/env/0/valueFrom/fieldRef/fieldPath").asText());
    Set<Integer> ports = new TreeSet<>();
    redis.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
    assertEquals(Set.of(6379, 16379), ports, "clients and the cluster bus");

    int pods = patch.at("/spec/replicas").asInt();
    JsonNode job = files.get("redis-cluster-init-job.yaml");
    Map<String, String> jobEnv = new HashMap<>();
    job.at("/spec/template/spec/containers/0/env").forEach(e -> jobEnv.put(e.path("name").asText(), e.path("value").asText()));
    assertEquals(pods, Integer.parseInt(jobEnv.get("NODES")), "the Job joins every pod");
    boolean jobAuth = false;
    for (JsonNode e : job.at("/spec/template/spec/containers/0/env")) {
      jobAuth |= e.path("name").asText().equals("REDISCLI_AUTH") && e.at("/valueFrom/secretKeyRef/key").asText().equals("REDIS_PASSWORD");
    }
    assertTrue(jobAuth, "the Job authenticates with the password from the Secret");
    int replicas = Integer.parseInt(jobEnv.get("REPLICAS"));
    assertTrue(replicas >= 1, "every master has a replica to fail over to");
    assertTrue(pods / (1 + replicas) >= 3, "at least three masters");
    assertTrue(job.at("/spec/template/spec/containers/0/command/2").asText().contains("--cluster-replicas \"$REPLICAS\""));

    JsonNode svc = files.get("redis-service-patch.yaml");
    assertTrue(svc.at("/spec/publishNotReadyAddresses").asBoolean(), "nodes find each other before they are ready");
    assertEquals(1, files.get("redis-pdb.yaml").at("/spec/maxUnavailable").asInt(), "one node down at a time");
  }

  @Test
  void clusterNodesReachEachOtherAndTheInitJobReachesThem() {
    JsonNode policy = files.get("networkpolicy-redis-cluster.yaml");
    Map<String, Set<Integer>> portsByComponent = new HashMap<>();
    for (JsonNode rule : policy.at("/spec/ingress")) {
      for (JsonNode from : rule.path("from")) {
        String component = from.at("/podSelector/matchLabels/app.kubernetes.io~1component").asText();
        for (JsonNode p : rule.path("ports")) portsByComponent.computeIfAbsent(component, k -> new TreeSet<>()).add(p.path("port").asInt());
      }
    }
    assertEquals(Set.of(6379, 16379), portsByComponent.get("redis"), "replication and the cluster bus");
    String jobComponent = files.get("redis-cluster-init-job.yaml").at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText();
    assertEquals(Set.of(6379), portsByComponent.get(jobComponent), "the init Job's pods reach the nodes");
  }

  private static String after(List<String> args, String flag) {
    int i = args.indexOf(flag);
    assertTrue(i >= 0 && i + 1 < args.size(), "missing " + flag);
    return args.get(i + 1);
  }

  private static JsonNode baseResource(String kind, String name) {
    for (JsonNode r : base) {
      if (kind.equals(r.path("kind").asText()) && name.equals(r.at("/metadata/name").asText())) return r;
    }
    return null;
  }
}

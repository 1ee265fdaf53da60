package app.roundtable.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the Kubernetes manifests in {@code k8s/} and the {@code Dockerfile} without a cluster:
 * every file listed in {@code k8s/kustomization.yaml} is parsed and the deployment requirements of
 * issue 4 are checked field by field.
 */
class KubernetesManifestsTest {

  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path K8S = ROOT.resolve("k8s");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static final Map<String, String> SERVER_LABELS =
      Map.of("app.kubernetes.io/name", "roundtable", "app.kubernetes.io/component", "server");
  private static final Map<String, String> REDIS_LABELS =
      Map.of("app.kubernetes.io/name", "roundtable", "app.kubernetes.io/component", "redis");

  private static JsonNode kustomization;
  /** Every parsed resource, in file order. */
  private static final List<JsonNode> resources = new ArrayList<>();
  /** Resource file name -> documents parsed from it. */
  private static final Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();

  @BeforeAll
  static void load() throws IOException {
    kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
    for (JsonNode entry : kustomization.path("resources")) {
      Path file = K8S.resolve(entry.asText());
      assertTrue(Files.isRegularFile(file), "kustomization lists a missing file: " + entry.asText());
      List<JsonNode> docs = readAll(file);
      byFile.put(entry.asText(), docs);
      resources.addAll(docs);
    }
  }

  private static List<JsonNode> readAll(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      Iterator<JsonNode> it = new ObjectMapper().readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  // --- kustomization -------------------------------------------------------------------------

  @Test
  void kustomizationListsEveryManifestAndEveryListedFileHoldsResources() throws IOException {
    assertEquals("Kustomization", kustomization.path("kind").asText());
    Set<String> listed = new TreeSet<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    Set<String> onDisk;
    try (Stream<Path> files = Files.list(K8S)) {
      onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
              .filter(n -> !n.equals("kustomization.yaml"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(onDisk, listed, "every k8s/*.yaml must be listed in kustomization.yaml, and only those");
    byFile.forEach(
        (file, docs) -> {
          assertFalse(docs.isEmpty(), file + " holds no resource");
          for (JsonNode doc : docs) {
            assertFalse(doc.path("apiVersion").asText().isEmpty(), file + ": apiVersion");
            assertFalse(doc.path("kind").asText().isEmpty(), file + ": kind");
            assertFalse(doc.at("/metadata/name").asText().isEmpty(), file + ": metadata.name");
          }
        });
  }

  @Test
  void everyResourceCarriesTheAppLabel() {
    for (JsonNode r : resources) {
      assertEquals(
          "roundtable",
          r.at("/metadata/labels/app.kubernetes.io~1name").asText(),
          describe(r) + " lacks app.kubernetes.io/name=roundtable");
      if (!"Namespace".equals(r.path("kind").asText())) {
        assertTrue(
            Set.of("server", "redis")
                .contains(r.at("/metadata/labels/app.kubernetes.io~1component").asText()),
            describe(r) + " lacks app.kubernetes.io/component server|redis");
      }
    }
  }

  @Test
  void kindsRequiredByTheIssueArePresent() {
    for (String kind :
        List.of(
            "Deployment",
            "Service",
            "HTTPRoute",
            "StatefulSet",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ConfigMap")) {
      assertFalse(ofKind(kind).isEmpty(), "no " + kind + " in k8s/kustomization.yaml resources");
    }
  }

  // --- server Deployment ----------------------------------------------------------------------

  @Test
  void serverDeploymentIsHighlyAvailableAndRollsWithoutLosingCapacity() {
    JsonNode d = serverDeployment();
    assertEquals("apps/v1", d.path("apiVersion").asText());
    assertTrue(d.at("/spec/replicas").asInt(0) >= 2, "replicas >= 2");
    assertEquals("RollingUpdate", d.at("/spec/strategy/type").asText());
    assertEquals(0, d.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1), "maxUnavailable 0");
    assertTrue(
        d.at("/spec/strategy/rollingUpdate/maxSurge").asInt(0) >= 1
            || d.at("/spec/strategy/rollingUpdate/maxSurge").asText().endsWith("%"),
        "maxSurge must allow a new pod before an old one goes");
    assertTrue(selects(d.at("/spec/selector/matchLabels"), SERVER_LABELS), "selector = server labels");
    assertTrue(
        selects(d.at("/spec/selector/matchLabels"), podLabels(d)), "selector matches the pod template");

    JsonNode pod = d.at("/spec/template/spec");
    boolean spread = false;
    for (JsonNode c : pod.path("topologySpreadConstraints")) {
      spread |= selects(c.at("/labelSelector/matchLabels"), SERVER_LABELS) && c.has("topologyKey");
    }
    for (JsonNode t :
        pod.at("/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution")) {
      spread |= selects(t.at("/podAffinityTerm/labelSelector/matchLabels"), SERVER_LABELS);
    }
    for (JsonNode t : pod.at("/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution")) {
      spread |= selects(t.at("/labelSelector/matchLabels"), SERVER_LABELS);
    }
    assertTrue(spread, "server pods need a topology spread constraint or pod anti-affinity on their labels");
  }

  @Test
  void serverProbesUseTheHealthEndpoints() {
    JsonNode d = serverDeployment();
    JsonNode c = serverContainer(d);
    assertEquals(8080, containerPort(c, "http"), "container port 8080 named http");

    assertEquals("/health/ready", c.at("/readinessProbe/httpGet/path").asText(), "readiness path");
    assertEquals(8080, resolvePort(c, c.at("/readinessProbe/httpGet/port")), "readiness port");
    assertEquals("/health/live", c.at("/livenessProbe/httpGet/path").asText(), "liveness path");
    assertEquals(8080, resolvePort(c, c.at("/livenessProbe/httpGet/port")), "liveness port");
    // Startup gates liveness: it must not depend on Redis (ready is 503 while Redis is down).
    assertEquals("/health/live", c.at("/startupProbe/httpGet/path").asText(), "startup probe path");
    assertEquals(8080, resolvePort(c, c.at("/startupProbe/httpGet/port")), "startup port");
    assertTrue(
        c.at("/startupProbe/failureThreshold").asInt(3) * c.at("/startupProbe/periodSeconds").asInt(10)
            >= 30,
        "startup probe should allow the JVM at least 30 s");
  }

  @Test
  void serverHasRequestsAndLimits() {
    assertRequestsAndLimits(serverContainer(serverDeployment()), "server");
  }

  @Test
  void serverRunsNonRootReadOnlyWithoutCapabilities() {
    JsonNode d = serverDeployment();
    JsonNode pod = d.at("/spec/template/spec");
    JsonNode c = serverContainer(d);
    assertTrue(effective(pod, c, "runAsNonRoot").asBoolean(false), "runAsNonRoot");
    assertEquals(10001, effective(pod, c, "runAsUser").asInt(-1), "runAsUser 10001");
    assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean(false), "readOnlyRootFilesystem");
    assertTrue(
        c.at("/securityContext/allowPrivilegeEscalation").isBoolean()
            && !c.at("/securityContext/allowPrivilegeEscalation").asBoolean(),
        "allowPrivilegeEscalation must be explicitly false");
    assertTrue(dropsAll(c), "capabilities.drop must contain ALL");
    assertFalse(c.at("/securityContext/capabilities/add").size() > 0, "no capabilities added");
    assertEquals("RuntimeDefault", effective(pod, c, "seccompProfile").path("type").asText(), "seccomp");
    assertFalse(c.at("/securityContext/privileged").asBoolean(false), "not privileged");

    // The only writable path is an emptyDir at /tmp.
    String tmpVolume = null;
    for (JsonNode m : c.path("volumeMounts")) {
      if ("/tmp".equals(m.path("mountPath").asText())) {
        tmpVolume = m.path("name").asText();
        assertFalse(m.path("readOnly").asBoolean(false), "/tmp must be writable");
      }
    }
    assertNotNull(tmpVolume, "a volume must be mounted at /tmp");
    JsonNode vol = named(pod.path("volumes"), tmpVolume);
    assertTrue(vol.has("emptyDir"), "/tmp must be an emptyDir");
  }

  @Test
  void serverDrainsWithinTheGracePeriod() {
    JsonNode d = serverDeployment();
    JsonNode pod = d.at("/spec/template/spec");
    JsonNode preStop = serverContainer(d).at("/lifecycle/preStop");
    int sleep;
    if (preStop.has("sleep")) {
      sleep = preStop.at("/sleep/seconds").asInt(0);
    } else {
      List<String> cmd = strings(preStop.at("/exec/command"));
      Matcher m = Pattern.compile("\\bsleep\\s+(\\d+)").matcher(String.join(" ", cmd));
      assertTrue(m.find(), "preStop must sleep (sleep action or exec sleep N), was " + preStop);
      sleep = Integer.parseInt(m.group(1));
    }
    assertTrue(sleep >= 2 && sleep <= 15, "preStop pause of a few seconds, was " + sleep);

    int drain = Integer.parseInt(serverEnv(d).getOrDefault("DRAIN_SECONDS", "20"));
    int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
    assertTrue(
        grace > sleep + drain,
        "terminationGracePeriodSeconds " + grace + " must exceed preStop " + sleep + " + drain " + drain);
  }

  @Test
  void serverIsConfiguredFromTheConfigMap() {
    JsonNode d = serverDeployment();
    JsonNode c = serverContainer(d);
    boolean fromConfigMap = false;
    for (JsonNode e : c.path("envFrom")) {
      String name = e.at("/configMapRef/name").asText();
      if (!name.isEmpty()) {
        assertNotNull(find("ConfigMap", name), "envFrom references a missing ConfigMap " + name);
        fromConfigMap = true;
      }
    }
    assertTrue(fromConfigMap, "server env must come from a ConfigMap (envFrom.configMapRef)");

    Map<String, String> env = serverEnv(d);
    assertEquals("redis://roundtable-redis:6379", env.get("REDIS_URL"));
    assertTrue(env.getOrDefault("PUBLIC_URL", "").matches("https?://.+"), "PUBLIC_URL placeholder");
    assertEquals("8080", env.getOrDefault("PORT", "8080"), "PORT must match the container port");
    // REDIS_URL's host is the Redis Service, on the port it exposes.
    JsonNode redisSvc = find("Service", "roundtable-redis");
    assertNotNull(redisSvc, "Service roundtable-redis");
    assertTrue(servicePorts(redisSvc).contains(6379), "roundtable-redis exposes 6379");
    assertFalse(c.path("image").asText().isEmpty(), "image");
  }

  // --- Service and HTTPRoute ------------------------------------------------------------------

  @Test
  void serverServiceIsClusterIpPort80ToContainer8080() {
    JsonNode d = serverDeployment();
    JsonNode svc = serverService();
    assertEquals("ClusterIP", svc.at("/spec/type").asText("ClusterIP"));
    assertFalse("None".equals(svc.at("/spec/clusterIP").asText()), "server Service is not headless");
    assertTrue(selects(svc.at("/spec/selector"), podLabels(d)), "Service selects the server pods");
    assertFalse(selects(svc.at("/spec/selector"), REDIS_LABELS), "Service must not select Redis");
    JsonNode port = null;
    for (JsonNode p : svc.at("/spec/ports")) {
      if (p.path("port").asInt() == 80) port = p;
    }
    assertNotNull(port, "Service port 80");
    assertEquals(8080, resolvePort(serverContainer(d), port.path("targetPort")), "targetPort -> 8080");
    assertFalse("ClientIP".equals(svc.at("/spec/sessionAffinity").asText()), "no sticky sessions");
  }

  @Test
  void httpRouteUsesTheGatewayAndNeverTimesOutWebSockets() {
    List<JsonNode> routes = ofKind("HTTPRoute");
    assertEquals(1, routes.size(), "one HTTPRoute");
    JsonNode route = routes.get(0);
    assertEquals("gateway.networking.k8s.io/v1", route.path("apiVersion").asText());
    assertEquals("roundtable-gateway", route.at("/spec/parentRefs/0/name").asText(), "parentRef Gateway");
    assertEquals("Gateway", route.at("/spec/parentRefs/0/kind").asText("Gateway"));

    String svcName = serverService().at("/metadata/name").asText();
    JsonNode wsRule = null;
    int wsRank = -1;
    for (JsonNode rule : route.at("/spec/rules")) {
      assertTrue(rule.path("backendRefs").size() > 0, "every rule has a backend");
      for (JsonNode b : rule.path("backendRefs")) {
        assertEquals(svcName, b.path("name").asText(), "backendRef -> server Service");
        assertEquals(80, b.path("port").asInt(), "backendRef port 80");
      }
      int rank = pathMatchRank(rule, "/ws");
      if (rank > wsRank) {
        wsRule = rule;
        wsRank = rank;
      }
    }
    assertNotNull(wsRule, "some rule must route /ws");
    // The rule that wins for /ws (Gateway API precedence: Exact, then longest prefix) must not
    // cut a WebSocket that lasts a whole meeting.
    String request = wsRule.at("/timeouts/request").asText("");
    assertFalse(request.isEmpty(), "the rule serving /ws must set timeouts.request");
    Duration t = gatewayDuration(request);
    assertTrue(t.isZero() || t.compareTo(Duration.ofHours(1)) >= 0, "/ws timeout 0s or >= 1h, was " + request);
    String backend = wsRule.at("/timeouts/backendRequest").asText("");
    if (!backend.isEmpty()) {
      Duration b = gatewayDuration(backend);
      assertTrue(b.isZero() || b.compareTo(Duration.ofHours(1)) >= 0, "/ws backendRequest timeout " + backend);
    }
  }

  // --- Redis ----------------------------------------------------------------------------------

  @Test
  void redisIsAPersistentStatefulSetWithAof() {
    List<JsonNode> sets = ofKind("StatefulSet");
    assertEquals(1, sets.size());
    JsonNode s = sets.get(0);
    assertTrue(selects(s.at("/spec/selector/matchLabels"), REDIS_LABELS), "selector = redis labels");
    assertTrue(selects(s.at("/spec/selector/matchLabels"), podLabels(s)), "selector matches template");
    JsonNode c = s.at("/spec/template/spec/containers/0");
    assertTrue(c.path("image").asText().matches("redis:7(\\..*)?(-.*)?"), "redis:7 image, was " + c.path("image"));

    String cmdline = String.join(" ", strings(c.path("command"))) + " " + String.join(" ", strings(c.path("args")));
    assertTrue(cmdline.matches(".*--appendonly\\s+yes\\b.*"), "--appendonly yes: " + cmdline);
    assertTrue(cmdline.matches(".*--appendfsync\\s+everysec\\b.*"), "--appendfsync everysec: " + cmdline);

    // Data lives on a PVC from volumeClaimTemplates, mounted where Redis writes (/data).
    JsonNode claims = s.at("/spec/volumeClaimTemplates");
    assertTrue(claims.size() > 0, "volumeClaimTemplates");
    String claim = claims.get(0).at("/metadata/name").asText();
    assertFalse(claims.get(0).at("/spec/resources/requests/storage").asText().isEmpty(), "PVC size");
    JsonNode mount = null;
    for (JsonNode m : c.path("volumeMounts")) {
      if (claim.equals(m.path("name").asText())) mount = m;
    }
    assertNotNull(mount, "the PVC must be mounted");
    String dir = "/data";
    Matcher dm = Pattern.compile("--dir\\s+(\\S+)").matcher(cmdline);
    if (dm.find()) dir = dm.group(1);
    assertEquals(dir, mount.path("mountPath").asText(), "PVC mounted at Redis' --dir");

    JsonNode pod = s.at("/spec/template/spec");
    assertTrue(effective(pod, c, "runAsNonRoot").asBoolean(false), "redis runAsNonRoot");
    assertTrue(effective(pod, c, "runAsUser").asInt(0) > 0, "redis runAsUser non-zero");
    assertTrue(dropsAll(c), "redis drops ALL capabilities");
    assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), "redis no escalation");
    assertEquals("RuntimeDefault", effective(pod, c, "seccompProfile").path("type").asText());

    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      String cmd = String.join(" ", strings(c.at("/" + probe + "/exec/command")));
      assertTrue(cmd.contains("redis-cli") && cmd.contains("ping"), probe + " must run redis-cli ping: " + cmd);
    }
    assertRequestsAndLimits(c, "redis");
    assertEquals(6379, containerPort(c, null), "redis container port");

    JsonNode headless = find("Service", s.at("/spec/serviceName").asText());
    assertNotNull(headless, "serviceName must name a Service in the kustomization");
    assertEquals("roundtable-redis", headless.at("/metadata/name").asText());
    assertEquals("None", headless.at("/spec/clusterIP").asText(), "headless");
    assertTrue(selects(headless.at("/spec/selector"), podLabels(s)), "headless Service selects Redis");
  }

  // --- HPA, PDB, NetworkPolicy ----------------------------------------------------------------

  @Test
  void hpaScalesTheServerOnCpu() {
    List<JsonNode> hpas = ofKind("HorizontalPodAutoscaler");
    assertEquals(1, hpas.size());
    JsonNode h = hpas.get(0);
    JsonNode d = serverDeployment();
    assertEquals("autoscaling/v2", h.path("apiVersion").asText());
    assertEquals("Deployment", h.at("/spec/scaleTargetRef/kind").asText());
    assertEquals(d.at("/metadata/name").asText(), h.at("/spec/scaleTargetRef/name").asText());
    assertTrue(h.at("/spec/minReplicas").asInt(1) >= 2, "minReplicas >= 2");
    assertTrue(h.at("/spec/maxReplicas").asInt() >= h.at("/spec/minReplicas").asInt(), "max >= min");
    boolean cpu = false;
    for (JsonNode m : h.at("/spec/metrics")) {
      cpu |=
          "Resource".equals(m.path("type").asText())
              && "cpu".equals(m.at("/resource/name").asText())
              && m.at("/resource/target/averageUtilization").asInt(0) > 0;
    }
    assertTrue(cpu, "a CPU utilization target");
  }

  @Test
  void pdbKeepsOneServerPod() {
    List<JsonNode> pdbs = ofKind("PodDisruptionBudget");
    assertEquals(1, pdbs.size());
    JsonNode p = pdbs.get(0);
    assertEquals("policy/v1", p.path("apiVersion").asText());
    assertEquals(1, p.at("/spec/minAvailable").asInt(-1), "minAvailable 1");
    assertTrue(selects(p.at("/spec/selector/matchLabels"), podLabels(serverDeployment())), "selects server pods");
    assertFalse(selects(p.at("/spec/selector/matchLabels"), REDIS_LABELS), "not Redis");
  }

  @Test
  void onlyServerPodsReachRedis() {
    JsonNode policy = policyFor(REDIS_LABELS);
    assertNotNull(policy, "a NetworkPolicy selecting the Redis pods");
    assertTrue(strings(policy.at("/spec/policyTypes")).contains("Ingress"), "policyTypes Ingress");
    JsonNode ingress = policy.at("/spec/ingress");
    assertTrue(ingress.size() > 0, "an ingress rule (none would deny all, also the server)");
    Map<String, String> serverPod = podLabels(serverDeployment());
    for (JsonNode rule : ingress) {
      JsonNode from = rule.path("from");
      assertTrue(from.size() > 0, "a rule without `from` admits every pod");
      for (JsonNode peer : from) {
        assertFalse(peer.has("ipBlock") || peer.has("namespaceSelector"), "only pod peers: " + peer);
        assertTrue(selects(peer.at("/podSelector/matchLabels"), SERVER_LABELS), "peer = server pods: " + peer);
        assertTrue(selects(peer.at("/podSelector/matchLabels"), serverPod), "peer matches server pods");
        assertFalse(selects(peer.at("/podSelector/matchLabels"), REDIS_LABELS), "peer is not Redis");
      }
      JsonNode ports = rule.path("ports");
      assertEquals(1, ports.size(), "exactly one port");
      assertEquals(6379, ports.get(0).path("port").asInt());
      assertEquals("TCP", ports.get(0).path("protocol").asText("TCP"));
    }
  }

  @Test
  void serverPodsAcceptTheirHttpPortOnlyFromTheGatewayAndMetricsOnlyFromMonitoring() {
    JsonNode policy = policyFor(SERVER_LABELS);
    assertNotNull(policy, "a NetworkPolicy selecting the server pods");
    assertTrue(strings(policy.at("/spec/policyTypes")).contains("Ingress"));
    assertTrue(policy.at("/spec/ingress").size() > 0, "ingress rules");
    JsonNode c = serverContainer(serverDeployment());
    int metrics = containerPort(c, "metrics");
    for (JsonNode rule : policy.at("/spec/ingress")) {
      assertTrue(rule.path("ports").size() > 0, "each rule names its ports");
      for (JsonNode p : rule.path("ports")) {
        int port = resolvePort(c, p.path("port"));
        assertTrue(port == 8080 || port == metrics, "port 8080 or the metrics port, was " + port);
        // 8080 too: any pod that reaches it could send an X-Forwarded-For (review finding).
        assertTrue(rule.path("from").size() > 0, "port " + port + " admitted from named peers only");
        for (JsonNode peer : rule.path("from")) {
          assertTrue(peer.has("namespaceSelector") || peer.has("podSelector"), "a named namespace or pods: " + peer);
          assertFalse(peer.path("namespaceSelector").isObject() && peer.path("namespaceSelector").isEmpty(),
              "an empty namespaceSelector admits every namespace");
        }
      }
    }
  }

  // --- exposure (issue 10) --------------------------------------------------------------------

  @Test
  void metricsAreScrapedOnTheirOwnPortThatNoRouteReaches() {
    JsonNode d = serverDeployment();
    JsonNode c = serverContainer(d);
    Map<String, String> env = serverEnv(d);
    int metrics = Integer.parseInt(env.get("METRICS_PORT"));
    assertEquals(metrics, containerPort(c, "metrics"), "a container port named metrics = METRICS_PORT");
    assertTrue(metrics != 8080, "not the public port");
    assertEquals("0.0.0.0", env.get("METRICS_HOST"), "reachable by the scraper (the default is loopback only)");
    assertFalse("true".equals(env.get("METRICS_PUBLIC")), "never on the public port");
    assertEquals(String.valueOf(metrics), d.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(),
        "Prometheus scrapes the metrics port");
    // The Gateway reaches pods only through the Service, and the Service never maps to METRICS_PORT.
    for (JsonNode p : serverService().at("/spec/ports")) {
      assertTrue(resolvePort(c, p.path("targetPort")) != metrics, "the Service exposes the metrics port: " + p);
    }
    for (JsonNode rule : ofKind("HTTPRoute").get(0).at("/spec/rules")) {
      for (JsonNode b : rule.path("backendRefs")) {
        assertEquals(serverService().at("/metadata/name").asText(), b.path("name").asText(), "only the Service");
      }
    }
  }

  @Test
  void redisRequiresThePasswordFromTheSecretWithProtectedModeOn() {
    JsonNode redis = ofKind("StatefulSet").get(0).at("/spec/template/spec/containers/0");
    String args = String.join(" ", strings(redis.path("args")));
    assertTrue(args.matches(".*--protected-mode\\s+yes\\b.*"), "protected mode on: " + args);
    Matcher pass = Pattern.compile("--requirepass\\s+\\$\\((\\w+)\\)").matcher(args);
    assertTrue(pass.find(), "--requirepass $(VAR): " + args);
    JsonNode fromSecret = secretRef(redis, pass.group(1));
    assertNotNull(fromSecret, pass.group(1) + " comes from a Secret");
    assertNotNull(secretRef(redis, "REDISCLI_AUTH"), "the probes' redis-cli authenticates");
    JsonNode server = secretRef(serverContainer(serverDeployment()), "REDIS_PASSWORD");
    assertNotNull(server, "the server reads REDIS_PASSWORD from a Secret");
    assertEquals(fromSecret.path("name").asText(), server.path("name").asText(), "the same Secret");
    assertEquals(fromSecret.path("key").asText(), server.path("key").asText(), "the same key");
    assertFalse(serverEnv(serverDeployment()).get("REDIS_URL").contains("@"), "no password in the ConfigMap");
  }

  @Test
  void creatingSessionsNeedsTheTokenFromARequiredSecret() {
    JsonNode ref = secretRef(serverContainer(serverDeployment()), "CREATE_TOKEN");
    assertNotNull(ref, "CREATE_TOKEN from a Secret");
    assertFalse(ref.path("optional").asBoolean(false), "required: an open create endpoint fills Redis");
  }

  @Test
  void clientAddressesAreTakenFromTheGatewayOnly() {
    Map<String, String> env = serverEnv(serverDeployment());
    String proxies = env.getOrDefault("TRUSTED_PROXIES", "");
    assertFalse(proxies.isBlank(), "TRUSTED_PROXIES set for the Gateway");
    for (String cidr : proxies.split(",")) {
      assertTrue(cidr.trim().matches("[0-9a-fA-F.:]+(/\\d{1,3})?"), "a CIDR: " + cidr);
      assertFalse(cidr.trim().endsWith("/0"), "trusting everyone would let anyone choose their address");
      // Not the whole private range (10.0.0.0/8 was): any pod in a trusted range could claim to be any client.
      int bits = cidr.contains("/") ? Integer.parseInt(cidr.trim().substring(cidr.trim().indexOf('/') + 1)) : 128;
      assertTrue(cidr.contains(":") ? bits >= 48 : bits >= 16, "a narrow range for the Gateway, not " + cidr);
    }
  }

  private static JsonNode secretRef(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText()) && e.at("/valueFrom/secretKeyRef").isObject()) {
        return e.at("/valueFrom/secretKeyRef");
      }
    }
    return null;
  }

  // --- Dockerfile -----------------------------------------------------------------------------

  @Test
  void dockerfileRunsNonRootWithExecFormEntrypoint() throws IOException {
    List<String> instructions = dockerInstructions(ROOT.resolve("Dockerfile"));
    List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).collect(Collectors.toList());
    assertTrue(froms.size() >= 2, "multi-stage build");
    assertTrue(froms.get(0).startsWith("FROM maven:3.9-eclipse-temurin-17"), froms.get(0));
    assertTrue(froms.get(froms.size() - 1).startsWith("FROM eclipse-temurin:17-jre"), "runtime stage");

    int lastFrom = instructions.lastIndexOf(froms.get(froms.size() - 1));
    List<String> runtime = instructions.subList(lastFrom, instructions.size());
    String user =
        runtime.stream()
            .filter(i -> i.startsWith("USER "))
            .reduce((a, b) -> b)
            .map(i -> i.substring(5).trim())
            .orElse("");
    assertFalse(user.isEmpty(), "the runtime stage must set USER");
    String uid = user.split(":")[0];
    assertTrue(uid.matches("\\d+") && Integer.parseInt(uid) > 0, "USER must be a numeric non-root UID: " + user);
    assertEquals(
        Integer.parseInt(uid),
        effective(serverDeployment().at("/spec/template/spec"), serverContainer(serverDeployment()), "runAsUser")
            .asInt(),
        "Dockerfile USER and the Deployment's runAsUser agree");

    String entrypoint =
        runtime.stream().filter(i -> i.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElse("");
    assertFalse(entrypoint.isEmpty(), "ENTRYPOINT");
    JsonNode exec = new ObjectMapper().readTree(entrypoint.substring("ENTRYPOINT ".length()).trim());
    assertTrue(exec.isArray() && exec.size() > 0, "exec-form (JSON array) ENTRYPOINT: " + entrypoint);
    List<String> argv = strings(exec);
    assertEquals("java", argv.get(0));
    assertTrue(argv.contains("-XX:MaxRAMPercentage=75"), "MaxRAMPercentage");
    assertTrue(argv.contains("-XX:+ExitOnOutOfMemoryError"), "ExitOnOutOfMemoryError");
    assertTrue(runtime.stream().anyMatch(i -> i.matches("EXPOSE\\s+8080\\b.*")), "EXPOSE 8080");
    assertTrue(Files.isRegularFile(ROOT.resolve(".dockerignore")), ".dockerignore");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static List<String> dockerInstructions(Path dockerfile) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String raw : Files.readAllLines(dockerfile)) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && cur.length() == 0)) continue;
      if (line.endsWith("\\")) {
        cur.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      cur.append(line);
      String instr = cur.toString().strip();
      cur.setLength(0);
      if (instr.isEmpty()) continue;
      int sp = instr.indexOf(' ');
      out.add(sp < 0 ? instr.toUpperCase() : instr.substring(0, sp).toUpperCase() + instr.substring(sp));
    }
    return out;
  }

  private static List<JsonNode> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).collect(Collectors.toList());
  }

  private static JsonNode find(String kind, String name) {
    return ofKind(kind).stream()
        .filter(r -> name.equals(r.at("/metadata/name").asText()))
        .findFirst()
        .orElse(null);
  }

  private static JsonNode serverDeployment() {
    List<JsonNode> ds = ofKind("Deployment");
    assertEquals(1, ds.size(), "one Deployment");
    return ds.get(0);
  }

  private static JsonNode serverContainer(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertTrue(containers.size() > 0, "containers");
    JsonNode c = named(containers, "server");
    return c.isMissingNode() ? containers.get(0) : c;
  }

  private static JsonNode serverService() {
    Map<String, String> pod = podLabels(serverDeployment());
    return ofKind("Service").stream()
        .filter(s -> selects(s.at("/spec/selector"), pod))
        .findFirst()
        .orElseGet(() -> fail("no Service selects the server pods"));
  }

  private static Map<String, String> serverEnv(JsonNode deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode c = serverContainer(deployment);
    for (JsonNode e : c.path("envFrom")) {
      JsonNode cm = find("ConfigMap", e.at("/configMapRef/name").asText());
      if (cm != null) cm.path("data").fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
    }
    for (JsonNode e : c.path("env")) {
      if (e.has("value")) env.put(e.path("name").asText(), e.path("value").asText());
    }
    return env;
  }

  private static JsonNode policyFor(Map<String, String> podLabels) {
    return ofKind("NetworkPolicy").stream()
        .filter(p -> selects(p.at("/spec/podSelector/matchLabels"), podLabels))
        .filter(p -> p.at("/spec/podSelector/matchLabels").size() > 0)
        .findFirst()
        .orElse(null);
  }

  private static Map<String, String> podLabels(JsonNode workload) {
    Map<String, String> labels = new LinkedHashMap<>();
    workload
        .at("/spec/template/metadata/labels")
        .fields()
        .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
    return labels;
  }

  /** True when every label of the (non-empty) selector is carried by {@code labels}. */
  private static boolean selects(JsonNode selector, Map<String, String> labels) {
    if (selector == null || !selector.isObject() || selector.size() == 0) return false;
    Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().asText().equals(labels.get(e.getKey()))) return false;
    }
    return true;
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (name.equals(n.path("name").asText())) return n;
    }
    return MissingNode.getInstance();
  }

  /** The container's securityContext field, else the pod's. */
  private static JsonNode effective(JsonNode podSpec, JsonNode container, String field) {
    JsonNode c = container.at("/securityContext/" + field);
    return c.isMissingNode() || c.isNull() ? podSpec.at("/securityContext/" + field) : c;
  }

  private static boolean dropsAll(JsonNode container) {
    return strings(container.at("/securityContext/capabilities/drop")).contains("ALL");
  }

  private static void assertRequestsAndLimits(JsonNode c, String what) {
    for (String kind : List.of("requests", "limits")) {
      for (String res : List.of("cpu", "memory")) {
        assertFalse(
            c.at("/resources/" + kind + "/" + res).asText().isEmpty(), what + " resources." + kind + "." + res);
      }
    }
  }

  /** containerPort of the port with that name (or the first one when name is null). */
  private static int containerPort(JsonNode container, String name) {
    for (JsonNode p : container.path("ports")) {
      if (name == null || name.equals(p.path("name").asText())) return p.path("containerPort").asInt();
    }
    return -1;
  }

  private static int resolvePort(JsonNode container, JsonNode port) {
    if (port.isInt()) return port.asInt();
    if (port.isTextual() && port.asText().matches("\\d+")) return Integer.parseInt(port.asText());
    if (port.isTextual()) return containerPort(container, port.asText());
    return -1;
  }

  private static Set<Integer> servicePorts(JsonNode svc) {
    Set<Integer> ports = new TreeSet<>();
    svc.at("/spec/ports").forEach(p -> ports.add(p.path("port").asInt()));
    return ports;
  }

  /**
   * How specifically the rule matches {@code path}: -1 no match, 1000 + length for an Exact match,
   * else the length of the matching prefix (Gateway API precedence).
   */
  private static int pathMatchRank(JsonNode rule, String path) {
    JsonNode matches = rule.path("matches");
    if (matches.size() == 0) return 1; // no match = PathPrefix "/"
    int best = -1;
    for (JsonNode m : matches) {
      String type = m.at("/path/type").asText("PathPrefix");
      String value = m.at("/path/value").asText("/");
      if ("Exact".equals(type) && value.equals(path)) best = Math.max(best, 1000 + value.length());
      String prefix = value.endsWith("/") ? value : value + "/";
      if ("PathPrefix".equals(type) && (path.equals(value) || path.startsWith(prefix))) {
        best = Math.max(best, value.length());
      }
    }
    return best;
  }

  /** Gateway API duration: e.g. "0s", "1h", "30m", "1h30m", "500ms". */
  static Duration gatewayDuration(String s) {
    Matcher m = Pattern.compile("(\\d+)(h|ms|m|s)").matcher(s);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      assertEquals(end, m.start(), "bad duration " + s);
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "h":
          d = d.plusHours(n);
          break;
        case "m":
          d = d.plusMinutes(n);
          break;
        case "s":
          d = d.plusSeconds(n);
          break;
        default:
          d = d.plusMillis(n);
      }
      end = m.end();
    }
    assertTrue(end == s.length() && end > 0, "bad duration " + s);
    return d;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String describe(JsonNode r) {
    return r.path("kind").asText() + "/" + r.at("/metadata/name").asText();
  }
}

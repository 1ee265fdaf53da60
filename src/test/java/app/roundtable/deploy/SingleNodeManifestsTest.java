package app.roundtable.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s-single-node/} without a cluster: one pod that owns a volume at DATA_DIR, no Redis, and
 * the Dockerfile leaves /data writable for the runtime user.
 */
class SingleNodeManifestsTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path OVERLAY = ROOT.resolve("k8s-single-node");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void onePodWithItsDataDirOnAPersistentVolume() throws Exception {
    JsonNode k = YAML.readTree(OVERLAY.resolve("kustomization.yaml").toFile());
    assertEquals("../k8s", k.path("resources").get(0).asText(), "built on the multi-node manifests");
    JsonNode deployment = YAML.readTree(OVERLAY.resolve("server-single-node.yaml").toFile());
    assertEquals(1, deployment.at("/spec/replicas").asInt());
    assertEquals("Recreate", deployment.at("/spec/strategy/type").asText(), "the old pod lets go of the file first");
    JsonNode server = deployment.at("/spec/template/spec/containers/0");
    assertEquals("sqlite", env(server, "STORE"));
    String dataDir = env(server, "DATA_DIR");
    JsonNode mount = server.path("volumeMounts").get(0);
    assertEquals(dataDir, mount.path("mountPath").asText());
    JsonNode volume = deployment.at("/spec/template/spec/volumes/0");
    assertEquals(mount.path("name").asText(), volume.path("name").asText());
    String claim = volume.at("/persistentVolumeClaim/claimName").asText();
    JsonNode pvc = YAML.readTree(OVERLAY.resolve("data-pvc.yaml").toFile());
    assertEquals("PersistentVolumeClaim", pvc.path("kind").asText());
    assertEquals(claim, pvc.at("/metadata/name").asText());
    assertTrue(k.path("resources").toString().contains("data-pvc.yaml"));
  }

  @Test
  void noRedisAndNothingThatAssumesSeveralPods() throws Exception {
    JsonNode k = YAML.readTree(OVERLAY.resolve("kustomization.yaml").toFile());
    List<String> deleted = new ArrayList<>();
    for (JsonNode p : k.path("patches")) {
      if (p.has("patch")) {
        JsonNode doc = YAML.readTree(p.path("patch").asText());
        assertEquals("delete", doc.path("$patch").asText());
        deleted.add(doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText());
      }
    }
    assertEquals(List.of("HorizontalPodAutoscaler/roundtable", "PodDisruptionBudget/roundtable",
        "StatefulSet/roundtable-redis", "Service/roundtable-redis", "NetworkPolicy/roundtable-redis"), deleted);
    JsonNode config = YAML.readTree(OVERLAY.resolve("configmap-no-redis.yaml").toFile());
    assertTrue(config.at("/data").has("REDIS_URL") && config.at("/data/REDIS_URL").isNull(), "REDIS_URL removed");
    JsonNode deployment = YAML.readTree(OVERLAY.resolve("server-single-node.yaml").toFile());
    boolean passwordDropped = false;
    for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
      passwordDropped |= "REDIS_PASSWORD".equals(e.path("name").asText()) && "delete".equals(e.path("$patch").asText());
    }
    assertTrue(passwordDropped, "the Redis password is not read from the Secret");
  }

  @Test
  void theImageGivesTheRuntimeUserAWritableDataVolume() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("ENV DATA_DIR=/data"), "DATA_DIR outside the read-only root");
    assertTrue(dockerfile.contains("chown 10001:10001 /data"), "owned by the runtime user");
    assertTrue(dockerfile.contains("VOLUME /data"));
    assertFalse(dockerfile.indexOf("VOLUME /data") > dockerfile.indexOf("USER 10001"), "declared before USER");
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText()) && e.has("value")) return e.path("value").asText();
    }
    throw new AssertionError("no env " + name);
  }
}

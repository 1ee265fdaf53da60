package app.roundtable.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Limits;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.protocol.CloseReason;
import app.roundtable.protocol.FrameDecoder;
import app.roundtable.protocol.Wire;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web client's pure modules, tested with Node's own runner, as part of {@code mvn test}. */
class WebModulesTest {
  @Test
  void nodeTestsOfTheWebModulesPass() throws Exception {
    File dir = new File("web/test");
    assertTrue(dir.isDirectory(), "web/test exists");
    Process p = new ProcessBuilder("node", "--test", "web/test/").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node --test finished");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("# pass") && !out.contains("# pass 0"), out);
  }

  @Test
  void theClientsCommandTypesAreTheServers() throws Exception {
    String js = Files.readString(Path.of("web/js/protocol.js"));
    int start = js.indexOf("export const Command = Object.freeze({");
    String block = js.substring(start, js.indexOf("});", start));
    Set<String> client = new TreeSet<>();
    Matcher m = Pattern.compile("'([A-Za-z]+)'").matcher(block);
    while (m.find()) client.add(m.group(1));
    assertEquals(new TreeSet<>(new FrameDecoder(Limits.DEFAULTS).types()), client);
  }

  /**
   * Every other name the two sides share: error codes, the close reasons a {@code closed} message
   * carries, message types and every enum on the wire. Each is compared both ways, so a value
   * either side gains alone fails here; a new enum in {@code domain} fails until it is paired.
   */
  @Test
  void theClientsErrorCodesCloseReasonsMessagesAndEnumsAreTheServers() throws Exception {
    JsonObject client = clientExports();
    Map<String, Set<String>> server = new LinkedHashMap<>();
    server.put("ErrorCode", names(Arrays.stream(Reason.values()).map(Wire::code)));
    server.put("CloseReason", names(Arrays.stream(CloseReason.values()).filter(r -> r.announced).map(r -> r.text)));
    server.put("Message", serverMessageTypes());
    for (Class<? extends Enum<?>> e : domainEnums()) {
      server.put(e.getSimpleName(), names(Arrays.stream(e.getEnumConstants()).map(Wire::name)));
    }
    assertTrue(server.containsKey("BoardPhase") && server.containsKey("Template"), "the domain's enums were found");
    // The client keeps commitment statuses as the list its pickers offer, and its languages as its catalogues.
    server.put("COMMITMENT_STATUSES", server.remove("CommitmentStatus"));
    server.put("LANGUAGES", server.remove("Language"));

    for (var e : server.entrySet()) {
      assertTrue(client.containsKey(e.getKey()), "protocol.js exports no " + e.getKey());
      assertEquals(e.getValue(), values(client.getValue(e.getKey())), "protocol.js " + e.getKey() + " against the server's");
    }
  }

  @Test
  void theStartPagesTemplatesAreTheContracts() throws Exception {
    String html = Files.readString(Path.of("web/index.html"));
    Set<String> offered = new TreeSet<>();
    Matcher m = Pattern.compile("name=\"template\" value=\"([a-z-]+)\"").matcher(html);
    while (m.find()) offered.add(m.group(1));
    assertEquals(values(clientExports().getValue("Template")), offered);
  }

  /** The values of protocol.js's exported constants (functions left out), and the client's languages. */
  private static JsonObject clientExports() throws Exception {
    String script = "const p = await import(process.argv[1]); const i = await import(process.argv[2]);"
        + "console.log(JSON.stringify({ ...p, LANGUAGES: i.languages() }));";
    Process p = new ProcessBuilder("node", "--input-type=module", "-e", script,
        Path.of("web/js/protocol.js").toUri().toString(), Path.of("web/js/i18n.js").toUri().toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node finished");
    assertEquals(0, p.exitValue(), out);
    return new JsonObject(out.strip());
  }

  /** Wire's message types: its names that are not commands a client sends. */
  private static Set<String> serverMessageTypes() throws IllegalAccessException {
    Set<String> commands = new FrameDecoder(Limits.DEFAULTS).types();
    Set<String> messages = new TreeSet<>();
    for (Field f : Wire.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        String name = (String) f.get(null);
        if (!commands.contains(name)) messages.add(name);
      }
    }
    return messages;
  }

  /** Every public top-level enum of the domain: each goes on the wire by {@link Wire#name}. */
  @SuppressWarnings("unchecked")
  private static Set<Class<? extends Enum<?>>> domainEnums() throws Exception {
    Set<Class<? extends Enum<?>>> enums = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/app/roundtable/domain"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replace(".java", "");
        if (Files.readString(f).contains("public enum " + name + " ")) {
          enums.add((Class<? extends Enum<?>>) Class.forName("app.roundtable.domain." + name));
        }
      }
    }
    return enums;
  }

  private static Set<String> names(Stream<String> s) {
    return s.collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> values(Object exported) {
    Stream<Object> s = exported instanceof JsonArray a ? a.stream() : ((JsonObject) exported).getMap().values().stream();
    return s.map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
  }
}

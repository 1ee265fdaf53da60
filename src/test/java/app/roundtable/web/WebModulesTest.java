package app.roundtable.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Limits;
import app.roundtable.protocol.FrameDecoder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
}

package app.roundtable.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
}

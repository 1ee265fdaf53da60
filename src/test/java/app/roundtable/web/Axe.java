package app.roundtable.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core accessibility scans. The script is the axe.min.js bundled in the
 * com.deque.html.axe-core:playwright jar (from Maven Central, nothing fetched at run time); it is
 * run through page.evaluate (the DevTools protocol, not a page script), so the page's CSP stays in
 * force while it is scanned.
 */
final class Axe {
  static final Set<String> BLOCKING = Set.of("critical", "serious");
  private static final String SOURCE = load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Axe() {}

  private static String load() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) throw new IllegalStateException("axe.min.js not on the test classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The critical and serious violations on the page as it is now, one readable line each. */
  static List<String> blockingViolations(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
      page.evaluate("() => { " + SOURCE + "\n}");
    }
    Object raw = page.evaluate("async () => JSON.stringify(await axe.run(document, {"
        + " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},"
        + " resultTypes: ['violations'] }))");
    List<String> found = new ArrayList<>();
    try {
      JsonNode result = JSON.readTree((String) raw);
      for (JsonNode v : result.get("violations")) {
        if (!BLOCKING.contains(v.path("impact").asText())) continue;
        for (JsonNode n : v.get("nodes")) {
          found.add(v.get("impact").asText() + " " + v.get("id") + " (" + v.get("help").asText() + ") at "
              + n.get("target") + ": " + n.path("failureSummary").asText().replace('\n', ' '));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  static String version(Page page) {
    return String.valueOf(page.evaluate("() => window.axe && axe.version"));
  }
}

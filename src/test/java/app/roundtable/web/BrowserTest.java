package app.roundtable.web;

import app.roundtable.server.RoundtableNode;
import app.roundtable.testsupport.Nodes;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of browser tests: one in-memory node and one headless Chromium for the class's tests. */
abstract class BrowserTest {
  static RoundtableNode node;
  static Browsers browsers;

  @BeforeAll
  static void startNodeAndBrowser() {
    // Waits only as long as a condition takes; generous so a busy CI machine does not fail them.
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    node = Nodes.startInMemory();
    browsers = new Browsers(node.port());
  }

  @AfterAll
  static void stopNodeAndBrowser() {
    try {
      if (browsers != null) browsers.close();
    } finally {
      if (node != null) Nodes.await(node.close());
    }
  }
}

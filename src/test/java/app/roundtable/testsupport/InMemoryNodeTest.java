package app.roundtable.testsupport;

import app.roundtable.server.Config;
import app.roundtable.server.RoundtableNode;
import io.vertx.core.Vertx;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * The one base of tests against one in-memory node on a free port, shared by the class's tests:
 * the node, a Vert.x for the test clients, and an HTTP helper. A test class that needs other
 * settings (limits, say) declares {@code static Config nodeConfig()}; otherwise the node is
 * {@link Nodes#startInMemory()}'s (two event loops, so cross-loop paths are exercised).
 */
public abstract class InMemoryNodeTest {
  protected static RoundtableNode node;
  /** The Vert.x that test clients run on (not the server's). */
  protected static Vertx clients;
  protected static Http http;

  @BeforeAll
  static void startNode(TestInfo info) {
    Config config = info.getTestClass().map(InMemoryNodeTest::declaredConfig).orElse(null);
    node = config == null ? Nodes.startInMemory() : Nodes.start(config);
    clients = Vertx.vertx();
    http = new Http(node.port());
  }

  @AfterAll
  static void stopNode() {
    Nodes.await(clients.close());
    Nodes.await(node.close());
  }

  private static Config declaredConfig(Class<?> testClass) {
    try {
      Method m = testClass.getDeclaredMethod("nodeConfig");
      if (!Modifier.isStatic(m.getModifiers())) throw new IllegalStateException("nodeConfig() must be static");
      m.setAccessible(true);
      return (Config) m.invoke(null);
    } catch (NoSuchMethodException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}

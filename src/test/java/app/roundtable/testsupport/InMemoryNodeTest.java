package app.roundtable.testsupport;

import app.roundtable.server.RoundtableNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of tests against one in-memory node on a free port, shared by the class's tests. */
public abstract class InMemoryNodeTest {
  protected static RoundtableNode node;
  /** The Vert.x that test clients run on (not the server's). */
  protected static Vertx clients;
  protected static Http http;

  @BeforeAll
  static void startNode() {
    node = Nodes.startInMemory();
    clients = Vertx.vertx();
    http = new Http(node.port());
  }

  @AfterAll
  static void stopNode() {
    Nodes.await(clients.close());
    Nodes.await(node.close());
  }
}

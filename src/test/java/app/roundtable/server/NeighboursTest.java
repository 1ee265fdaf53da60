package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everyone here connects from 127.0.0.1, as a room behind an office NAT does: one client guessing
 * codes must not lock the others out of their session (review finding: ten wrong codes made valid
 * joins, resumes and look-ups from the address fail with rate_limited).
 */
class NeighboursTest {
  private RoundtableNode node;
  private Vertx clients;
  private String code;
  private String key;

  @BeforeEach
  void start() {
    node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1")));
    clients = Vertx.vertx();
    JsonObject created = new Http(node.port()).createSession("Office", "blank");
    code = created.getString("code");
    key = created.getString("facilitatorKey");
  }

  @AfterEach
  void stop() {
    Nodes.await(clients.close());
    Nodes.await(node.close());
  }

  @Test
  void theNeighbourKeepsJoiningAndResumingWhileAnotherClientGuessesCodes() {
    try (WsClient guesser = WsClient.connect(clients, node.port())) {
      assertTrue(guessUntilRefused(guesser, null) <= 11, "the guesser itself is held back");
      for (int round = 0; round < 4; round++) {
        String resume;
        try (WsClient neighbour = WsClient.connect(clients, node.port())) {
          neighbour.joinWithIdentity(code, "Neighbour " + round, identity("n" + round));
          resume = neighbour.resume;
        }
        try (WsClient back = WsClient.connect(clients, node.port())) {
          back.resume(code, resume);
        }
        // The guesser goes on meanwhile, and stays refused.
        for (int i = 0; i < 5; i++) assertEquals("rate_limited", guess(guesser, null).getString("code"));
      }
      try (WsClient facilitator = WsClient.connect(clients, node.port())) {
        facilitator.joinWithKey(code, "Fae", key);
      }
    }
  }

  @Test
  void aGuesserWithANewSecretEachTimeStillCannotStopResumesTheKeyOrAJoinedSession() {
    String resume;
    try (WsClient early = WsClient.connect(clients, node.port())) {
      early.joinWithIdentity(code, "Early", identity("early"));
      resume = early.resume;
    }
    JsonObject other = new Http(node.port()).createSession("Upstairs", "blank");
    String hidden = new Http(node.port()).createSession("Nobody here joined it", "blank").getString("code");
    try (WsClient guesser = WsClient.connect(clients, node.port())) {
      int tries = 0;
      JsonObject e;
      do {
        e = guess(guesser, identity("g" + tries++));
      } while ("unknown_session".equals(e.getString("code")) && tries < 200);
      assertEquals("rate_limited", e.getString("code"), "the address's own budget ends the rotation");
      assertTrue(tries <= 40, "refused after " + tries);

      try (WsClient back = WsClient.connect(clients, node.port())) {
        back.resume(code, resume); // a resume token is proof
      }
      try (WsClient late = WsClient.connect(clients, node.port())) {
        late.joinWithIdentity(code, "Late", identity("late")); // this session was joined from here
      }
      try (WsClient upstairs = WsClient.connect(clients, node.port())) {
        upstairs.joinWithKey(other.getString("code"), "Flo", other.getString("facilitatorKey")); // the key is proof
      }
      // What a guesser with made-up proof learns: nothing. A real code and an unknown one answer alike.
      for (String c : new String[] {hidden, "zzzzzzzzzzzzz"}) {
        assertEquals("rate_limited", guesser.refused("join", "code", c, "resume", "made-up-token").getString("code"));
        assertEquals("rate_limited", guesser.refused("join", "code", c, "name", "G", "key", "made-up-key").getString("code"));
        assertEquals("rate_limited", guess(guesser, identity("fresh" + c), c).getString("code"));
      }
    }
  }

  /** Guesses codes on one socket until refused; returns how many guesses that took. */
  private static int guessUntilRefused(WsClient guesser, String identity) {
    for (int i = 1; i <= 100; i++) {
      if ("rate_limited".equals(guess(guesser, identity).getString("code"))) return i;
    }
    throw new AssertionError("never refused");
  }

  private static int guesses;

  private static JsonObject guess(WsClient c, String identity) {
    return guess(c, identity, String.format("%013d", guesses++));
  }

  private static JsonObject guess(WsClient c, String identity, String code) {
    JsonObject join = new JsonObject().put("type", "join").put("code", code).put("name", "Guess");
    if (identity != null) join.put("identity", identity);
    String id = c.send(join);
    JsonObject reply = c.next(m -> id.equals(m.getString("id")));
    assertEquals("error", reply.getString("type"), reply.encode());
    return reply;
  }

  private static String identity(String seed) {
    return (seed + "-0123456789abcdef0123456789").substring(0, 24);
  }
}

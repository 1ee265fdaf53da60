package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many event loops a node runs: one per two cores unless VERTICLES says otherwise. */
class ConfigLoopsTest {

  @Test
  void onePerTwoCoresAndNeverNone() {
    assertEquals(1, Config.defaultLoops(1));
    assertEquals(1, Config.defaultLoops(2));
    assertEquals(1, Config.defaultLoops(3));
    assertEquals(2, Config.defaultLoops(4));
    assertEquals(8, Config.defaultLoops(16));
  }

  @Test
  void verticlesOverridesTheDefault() {
    assertEquals(3, Config.fromEnv(Map.of("VERTICLES", "3")).node().verticles());
    assertEquals(Config.defaultLoops(Runtime.getRuntime().availableProcessors()), Config.fromEnv(Map.of()).node().verticles());
  }
}

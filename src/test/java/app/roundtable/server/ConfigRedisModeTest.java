package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REDIS_MODE: standalone by default, cluster with a comma list of seeds, anything else refused at start. */
class ConfigRedisModeTest {

  @Test
  void oneRedisUnlessToldOtherwise() {
    Config c = Config.fromEnv(Map.of("REDIS_URL", "redis://r:6379"));
    assertFalse(assertInstanceOf(Config.Store.Redis.class, c.store()).cluster());
  }

  @Test
  void clusterModeReadsTheSeedsFromTheCommaList() {
    Config c = Config.fromEnv(Map.of("REDIS_MODE", " Cluster ",
        "REDIS_URL", "redis://a:7001, redis://b:7002,,rediss://c:7003"));
    Config.Store.Redis redis = assertInstanceOf(Config.Store.Redis.class, c.store());
    assertTrue(redis.cluster());
    assertEquals(List.of("redis://a:7001", "redis://b:7002", "rediss://c:7003"), redis.seeds());
  }

  @Test
  void anUnknownModeStopsTheStartWithItsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("REDIS_MODE", "sentinel", "REDIS_URL", "redis://r:6379")));
    assertTrue(e.getMessage().contains("REDIS_MODE") && e.getMessage().contains("sentinel"), e.getMessage());
  }

  @Test
  void printingTheConfigShowsNoSecret() {
    Config c = Config.fromEnv(Map.of("REDIS_URL", "redis://:hunter2@r:6379", "REDIS_PASSWORD", "pa55word",
        "CREATE_TOKEN", "t0ken"));
    String printed = c.toString();
    for (String secret : List.of("hunter2", "pa55word", "t0ken")) assertFalse(printed.contains(secret), printed);
  }
}

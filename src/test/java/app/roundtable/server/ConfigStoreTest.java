package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which store a configuration picks: durable by default, memory only when asked. */
class ConfigStoreTest {

  @Test
  void withoutRedisTheDefaultIsSqliteInData() {
    Config c = Config.fromEnv(Map.of());
    assertEquals(Config.STORE_SQLITE, c.store());
    assertEquals("data", c.dataDir());
    assertFalse(c.sqliteSyncFull());
  }

  @Test
  void redisUrlMeansRedis() {
    assertEquals(Config.STORE_REDIS, Config.fromEnv(Map.of("REDIS_URL", "redis://127.0.0.1:6379")).store());
  }

  @Test
  void memoryAndSqliteOnRequest() {
    assertEquals(Config.STORE_MEMORY, Config.fromEnv(Map.of("STORE", "memory")).store());
    Config sqlite = Config.fromEnv(Map.of("STORE", "SQLite", "DATA_DIR", "/var/lib/roundtable", "SQLITE_SYNC", "full"));
    assertEquals(Config.STORE_SQLITE, sqlite.store());
    assertEquals("/var/lib/roundtable", sqlite.dataDir());
    assertTrue(sqlite.sqliteSyncFull());
  }

  @Test
  void testsAndEmbeddingStayInMemory() {
    assertEquals(Config.STORE_MEMORY, Config.defaults(0).store());
    assertEquals(Config.STORE_REDIS, Config.defaults(0).withRedis("redis://h:1").store());
    assertEquals(Config.STORE_SQLITE, Config.defaults(0).withSqlite("/tmp/x").store());
  }

  @Test
  void contradictionsAreRefusedWithTheReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("STORE", "redis")))
        .getMessage().contains("needs REDIS_URL"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("STORE", "sqlite", "REDIS_URL", "redis://h:1"))).getMessage().contains("REDIS_URL is set"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("STORE", "postgres")))
        .getMessage().contains("sqlite, memory or redis"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("SQLITE_SYNC", "always")))
        .getMessage().contains("normal or full"));
  }
}

package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which store a configuration picks: durable by default, memory only when asked. */
class ConfigStoreTest {

  @Test
  void withoutRedisTheDefaultIsSqliteInData() {
    Config.Store.Sqlite sqlite = assertInstanceOf(Config.Store.Sqlite.class, Config.fromEnv(Map.of()).store());
    assertEquals("data", sqlite.dataDir());
    assertFalse(sqlite.syncFull());
  }

  @Test
  void redisUrlMeansRedis() {
    assertInstanceOf(Config.Store.Redis.class, Config.fromEnv(Map.of("REDIS_URL", "redis://127.0.0.1:6379")).store());
  }

  @Test
  void memoryAndSqliteOnRequest() {
    assertInstanceOf(Config.Store.Memory.class, Config.fromEnv(Map.of("STORE", "memory")).store());
    Config.Store.Sqlite sqlite = assertInstanceOf(Config.Store.Sqlite.class,
        Config.fromEnv(Map.of("STORE", "SQLite", "DATA_DIR", "/var/lib/roundtable", "SQLITE_SYNC", "full")).store());
    assertEquals("/var/lib/roundtable", sqlite.dataDir());
    assertTrue(sqlite.syncFull());
  }

  @Test
  void testsAndEmbeddingStayInMemory() {
    assertInstanceOf(Config.Store.Memory.class, TestConfig.of(Map.of()).store());
    assertInstanceOf(Config.Store.Redis.class, TestConfig.redis("redis://h:1", Map.of()).store());
    assertInstanceOf(Config.Store.Sqlite.class, TestConfig.of(Map.of("STORE", "sqlite", "DATA_DIR", "/tmp/x")).store());
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

package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain stays pure Java: no Vert.x, no Jackson, no clock; the edges adapt to it, not it to them. */
class DomainPurityTest {
  private static final Path DOMAIN = Path.of("src/main/java/app/roundtable/domain");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(DOMAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void noDomainClassImportsVertxOrJackson() throws IOException {
    List<Path> files = sources();
    assertTrue(files.size() > 20, "found the domain sources");
    List<String> offenders = files.stream().filter(p -> {
      try {
        String src = Files.readString(p);
        return src.contains("io.vertx") || src.contains("com.fasterxml");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).map(Path::toString).toList();
    assertEquals(List.of(), offenders);
  }

  @Test
  void noDomainClassReadsTheClock() throws IOException {
    List<String> offenders = sources().stream().filter(p -> {
      try {
        String src = Files.readString(p);
        return src.contains("System.currentTimeMillis") || src.contains("Instant.now")
            || src.contains("System.nanoTime") || src.contains("new Random(")
            || src.contains("ThreadLocalRandom");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).map(Path::toString).toList();
    assertEquals(List.of(), offenders);
  }
}

package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden JSON files under {@code src/test/resources/golden}: what a view writes is compared, as
 * JSON (field order within an object does not matter, array order does), with the stored file.
 *
 * <p>To regenerate after an intended change of the wire (a new field, say), run the tests with
 * {@code -Dgolden.update=true} — e.g. {@code mvn -B -q test -Dtest='GoldenViewsTest' -Dgolden.update=true}
 * — and review the diff of {@code src/test/resources/golden/} before committing it: a change there
 * is a change every client sees.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Golden() {}

  /** Fails unless {@code actualJson} equals the golden file {@code name}; rewrites it when updating. */
  public static void assertMatches(String name, String actualJson) {
    try {
      JsonNode actual = JSON.readTree(actualJson);
      Path file = DIR.resolve(name);
      if (UPDATE) {
        Files.createDirectories(DIR);
        Files.writeString(file, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        return;
      }
      assertTrue(Files.exists(file), file + " is missing; run with -Dgolden.update=true to write it");
      JsonNode expected = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (!expected.equals(actual)) {
        // Pretty text on both sides, so the IDE's or the report's diff shows the one field that moved.
        assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(actual),
            name + " changed; if on purpose, regenerate with -Dgolden.update=true and review the diff");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text (for tests that take views apart). */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a tree back to compact JSON text. */
  public static String text(JsonNode node) {
    try {
      return new ObjectMapper().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package app.roundtable.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.StringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Streaming JSON writing without an object tree: the fan-out path writes each frame once. */
final class Json {
  /**
   * Emoji and other characters beyond the BMP as their 4 UTF-8 bytes: Jackson's UTF-8 writer
   * otherwise escapes each half of the surrogate pair ({@code \uD83D\uDE00}, 12 bytes instead of 4),
   * and emoji-heavy frames grew threefold.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private Json() {}

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static String write(Body body) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** UTF-8 bytes straight from the generator: no intermediate String to encode again. */
  static byte[] writeUtf8(Body body) {
    return writeUtf8(body, (utf8, length) -> java.util.Arrays.copyOf(utf8, length));
  }

  /**
   * The UTF-8 bytes of {@code body}, handed to {@code take} in this thread's {@link Utf8Scratch}
   * (valid only during the call), so that the caller allocates the one array it keeps.
   */
  static <T> T writeUtf8(Body body, Utf8Taker<T> take) {
    Utf8Scratch out = Utf8Scratch.start();
    try (JsonGenerator g = FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return take.take(out.array(), out.length());
  }

  static void nullableNumber(JsonGenerator g, String field, Long value) throws IOException {
    if (value == null) g.writeNullField(field);
    else g.writeNumberField(field, value);
  }
}

package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ScratchTest {
  @Test
  void growsForALargeMessageAndStartsEmptyAgain() {
    Utf8Scratch s = Utf8Scratch.start();
    byte[] big = "é".repeat(50_000).getBytes(StandardCharsets.UTF_8);
    s.write(big, 0, big.length);
    s.write('!');
    assertEquals(big.length + 1, s.length());
    byte[] copy = s.copy();
    assertEquals('!', copy[copy.length - 1]);
    Utf8Scratch again = Utf8Scratch.start();
    assertEquals(0, again.length(), "a new use starts empty");
    assertTrue(again.array().length <= Utf8Scratch.KEEP_BYTES, "a buffer grown past the keep size is not held");
    assertArrayEquals(copy, java.util.Arrays.copyOf(copy, copy.length), "the copy is the caller's own");
  }

  @Test
  void whatATakerIsLentIsTheSameTextAsTheFrameOnItsOwn() {
    byte[] plain = Json.writeUtf8(g -> {
      g.writeStartObject();
      g.writeStringField("idea", "a 😀 and \"quotes\"");
      g.writeEndObject();
    });
    byte[] lent = Json.writeUtf8(g -> {
      g.writeStartObject();
      g.writeStringField("idea", "a 😀 and \"quotes\"");
      g.writeEndObject();
    }, (utf8, length) -> java.util.Arrays.copyOf(utf8, length));
    assertArrayEquals(plain, lent);
    assertEquals("{\"idea\":\"a 😀 and \\\"quotes\\\"\"}", new String(lent, StandardCharsets.UTF_8));
  }
}

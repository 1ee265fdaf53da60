package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import app.roundtable.testsupport.Sessions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Characters beyond the BMP go out as UTF-8, not as escaped surrogate pairs (3× the bytes). */
class FramesUtf8Test {
  private static final byte[] GRINNING = {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80};

  private static Session withEmoji() {
    Session s = Sessions.full();
    s.title = "Check-in \uD83D\uDE00";
    return s;
  }

  @Test
  void theSharedStateFrameCarriesAnEmojiAsItsFourUtf8Bytes() {
    byte[] frame = Frames.stateUtf8(withEmoji());
    assertTrue(contains(frame, GRINNING), new String(frame, StandardCharsets.UTF_8));
    assertFalse(new String(frame, StandardCharsets.US_ASCII).contains("\\uD83D"), "no escaped surrogates");
  }

  @Test
  void textFramesAndStoredSessionsDoToo() {
    Session s = withEmoji();
    assertTrue(contains(Frames.state(s).getBytes(StandardCharsets.UTF_8), GRINNING));
    byte[] stored = SessionCodec.encode(s);
    assertTrue(contains(stored, GRINNING));
    assertFalse(new String(stored, StandardCharsets.US_ASCII).contains("\\uD83D"));
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }
}

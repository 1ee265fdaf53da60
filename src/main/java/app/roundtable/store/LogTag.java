package app.roundtable.store;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a log line or an exception message names a session: never by its code, which is the key to
 * the room (anyone who reads the log could join). A tag is a keyed hash of the code under a key
 * made at start and never written anywhere, so lines of one process about one session share a
 * tag, and nobody can go from a tag back to a code, nor test a guessed code against it.
 */
public final class LogTag {
  private static final SecretKeySpec KEY;

  static {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    KEY = new SecretKeySpec(k, "HmacSHA256");
  }

  private LogTag() {}

  /** "session#3f9a1c2b": the same for one code within this process, unrelated to the code. */
  public static String session(String code) {
    if (code == null) return "session#none";
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(KEY);
      byte[] h = mac.doFinal(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "session#" + HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}

package app.roundtable.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable tokens (facilitator keys, resume tokens, member ids) and their stored hashes. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private Secrets() {}

  /** 128 random bits, URL-safe. */
  public static String token() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** {@code chars} × 5 random bits in Crockford's base32 alphabet (lowercase, no i l o u). */
  public static String base32(int chars) {
    char[] out = new char[chars];
    for (int i = 0; i < chars; i++) out[i] = BASE32[RANDOM.nextInt(32)];
    return new String(out);
  }

  /**
   * The resume token of whoever holds {@code key} in session {@code code}: the same on every device
   * with the key, so the key holder stays one member. One-way (a leaked token does not give the
   * key) and per session (it resumes nothing in the series' other sessions).
   */
  public static String keyHolderResume(String code, String key) {
    String h = hash("roundtable resume\0" + code + "\0" + key);
    byte[] b = HexFormat.of().parseHex(h.substring(0, 32));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Stored instead of the token: a leaked store does not let anyone act as a member. */
  public static String hash(String token) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two hashes. */
  public static boolean sameHash(String a, String b) {
    if (a == null || b == null) return false;
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}

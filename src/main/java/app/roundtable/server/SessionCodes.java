package app.roundtable.server;

/**
 * Join codes: 13 characters of Crockford base32, 65 random bits. Typed case-insensitively, with
 * dashes or spaces anywhere, and the look-alikes O→0, I/L→1 forgiven.
 */
public final class SessionCodes {
  public static final int LENGTH = 13;

  private SessionCodes() {}

  public static String generate() {
    return Secrets.base32(LENGTH);
  }

  /** The canonical code, or null when the input cannot be a code at all. */
  public static String normalise(String typed) {
    if (typed == null) return null;
    StringBuilder b = new StringBuilder(LENGTH);
    for (int i = 0; i < typed.length(); i++) {
      char c = Character.toLowerCase(typed.charAt(i));
      if (c == '-' || c == ' ') continue;
      if (c == 'o') c = '0';
      if (c == 'i' || c == 'l') c = '1';
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) || c == 'u') return null;
      b.append(c);
      if (b.length() > LENGTH) return null;
    }
    return b.length() == LENGTH ? b.toString() : null;
  }
}

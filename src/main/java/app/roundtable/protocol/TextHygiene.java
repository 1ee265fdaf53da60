package app.roundtable.protocol;

/**
 * What may stand in text that other people read (names, ideas, titles, notes), applied at the edge
 * before any length or blank check. A name with a right-to-left override read as "… Facilitator"
 * in bold on everyone's page; a name of zero-width spaces looked like nobody; a lone surrogate made
 * an idea read one way for its author and another for everyone else. So:
 * <ul>
 *   <li>stripped, silently (they arrive in pasted text and carry nothing a reader needs): bidi
 *       embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E, U+200F
 *       and U+061C, and tag characters U+E0000–E007F (invisible text; a subdivision flag such as
 *       Scotland's becomes a plain black flag);</li>
 *   <li>refused: C0 controls other than tab and newline, DEL, C1 controls U+0080–009F, and lone
 *       surrogates (half of a character that no two decoders show alike);</li>
 *   <li>{@link #invisible} text — nothing but spaces, zero-width and other format characters,
 *       fillers and variation selectors — counts as blank (the caller refuses it where text is
 *       required). Zero-width joiners inside an emoji or a word stay: they are part of it.</li>
 * </ul>
 * Pages also isolate every name ({@code unicode-bidi: isolate}), so a right-to-left name cannot
 * reorder what stands around it.
 */
public final class TextHygiene {
  private TextHygiene() {}

  /** Text that cannot be taken in: {@link #getMessage} says why, in the users' words. */
  public static final class Refused extends IllegalArgumentException {
    Refused(String why) {
      super(why, null);
    }
  }

  /**
   * {@code s} without the characters stripped above; throws {@link Refused} for a refused one.
   * Newlines, tabs and carriage returns are kept: the caller folds or keeps them.
   */
  public static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      int cp;
      int width;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(i + 1));
        width = 2;
      } else if (Character.isSurrogate(c)) {
        throw new Refused("contains a broken character (half of a surrogate pair)");
      } else {
        cp = c;
        width = 1;
      }
      if (isRefusedControl(cp)) throw new Refused("contains control characters");
      if (isStripped(cp)) {
        if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
      } else if (b != null) {
        b.appendCodePoint(cp);
      }
      i += width;
    }
    return b == null ? s : b.toString();
  }

  /** Whether a reader would see nothing of {@code s}: only spaces and invisible characters. */
  public static boolean invisible(String s) {
    return s.codePoints().allMatch(TextHygiene::isInvisible);
  }

  static boolean isStripped(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E || cp == 0x200F || cp == 0x061C
        || (cp >= 0xE0000 && cp <= 0xE007F);
  }

  static boolean isRefusedControl(int cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
  }

  private static boolean isInvisible(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
    if (Character.getType(cp) == Character.FORMAT) return true; // zero-width space/joiners, word joiner, BOM, soft hyphen…
    return cp == 0x034F // combining grapheme joiner
        || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
        || (cp >= 0x180B && cp <= 0x180F) // Mongolian variation selectors and vowel separator
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
        || cp == 0x2800; // braille blank
  }
}

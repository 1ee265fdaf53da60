package app.roundtable.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Members' words in the Markdown record, shown as they wrote them: a character is escaped only
 * where, in that place, Markdown (CommonMark with GitHub's extensions) would otherwise read it as
 * markup. So "Check-in", "1:1s" and "2 * 3" stay as written, while "*new*", "[x](y)", "<b>", a
 * leading "# " or "1. " are escaped so that they read literally; bare links ({@code https://…},
 * {@code www.…}, {@code <https://…>}, e-mail addresses) are put in code spans, so that they read
 * as written and link nowhere. Text is folded onto one line first.
 */
final class MarkdownText {
  private MarkdownText() {}

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
  /**
   * What renderers turn into a live link without any markup (GitHub's autolinks): a scheme's URL
   * ({@code https://…}, any {@code x://}), {@code www.…}, {@code mailto:}/{@code xmpp:}, an e-mail
   * address. Never a backtick, pipe or angle bracket inside, so the code span it becomes needs no
   * escaping of its own, in a paragraph or a table cell alike.
   */
  private static final Pattern BARE_LINK = Pattern.compile(
      "(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b(?:mailto|xmpp):)[^\\s`|<>]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern LIST_NUMBER = Pattern.compile("^[0-9]{1,9}([.)])(?:[ \\t]|$)");
  private static final Pattern BREAK = Pattern.compile("^([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");

  /** Text inside a line: a list item's words after its first, a sentence, a bold name. */
  static String inline(String text) {
    return escape(fold(text), false, false);
  }

  /** Text that starts a block (a list item, a paragraph): leading markers are escaped too. */
  static String block(String text) {
    return escape(fold(text), true, false);
  }

  /** A table cell: as inline, and a pipe would end the cell. */
  static String cell(String text) {
    return escape(fold(text), false, true);
  }

  /** An ATX heading's words: as a block, and a trailing run of hashes would be read as its closing. */
  static String heading(String text) {
    String e = escape(fold(text), true, false);
    int run = e.length();
    while (run > 0 && e.charAt(run - 1) == '#') run--;
    boolean closing = run < e.length() && (run == 0 || e.charAt(run - 1) == ' ' || e.charAt(run - 1) == '\t');
    return closing ? e.substring(0, run) + "\\" + e.substring(run) : e;
  }

  private static String fold(String text) {
    if (text == null) return "";
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
  }

  private static String escape(String t, boolean atBlockStart, boolean inCell) {
    boolean[] esc = new boolean[t.length()];
    int backticks = 0;
    for (int i = 0; i < t.length(); i++) if (t.charAt(i) == '`') backticks++;
    int lastBracket = t.lastIndexOf(']');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        // A backslash escapes the punctuation after it, and at the end whatever we write next.
        case '\\' -> esc[i] = i + 1 == t.length() || PUNCTUATION.indexOf(t.charAt(i + 1)) >= 0;
        // One backtick alone opens no code span.
        case '`' -> esc[i] = backticks >= 2;
        case '*', '~' -> esc[i] = !spaced(t, i);
        // Inside a word an underscore is no emphasis (snake_case).
        case '_' -> esc[i] = !spaced(t, i) && !(wordChar(t, i - 1) && wordChar(t, i + 1));
        // A link or image needs a closing bracket after it.
        case '[' -> esc[i] = i < lastBracket;
        // An HTML tag, comment, or autolink starts with a letter, '/', '!' or '?'.
        case '<' -> esc[i] = i + 1 < t.length() && (Character.isLetter(t.charAt(i + 1)) || "/!?".indexOf(t.charAt(i + 1)) >= 0);
        case '&' -> esc[i] = ENTITY.matcher(t).region(i, t.length()).lookingAt();
        case '|' -> esc[i] = inCell;
        default -> { }
      }
    }
    if (atBlockStart && !t.isEmpty()) markBlockStart(t, esc);
    // A bare link goes in a code span: it reads as written and links nowhere (no escape can stop
    // GitHub linking an e-mail address, and a code span shows a URL as the literal it is).
    StringBuilder b = new StringBuilder(t.length() + 8);
    Matcher link = BARE_LINK.matcher(t);
    int at = 0;
    while (at < t.length()) {
      int next = link.find(at) ? link.start() : t.length();
      for (int i = at; i < next; i++) {
        if (esc[i]) b.append('\\');
        b.append(t.charAt(i));
      }
      if (next == t.length()) break;
      b.append('`').append(link.group()).append('`');
      at = link.end();
    }
    return b.toString();
  }

  /** Markers that mean something only where a block starts: headings, quotes, lists, rules, fences. */
  private static void markBlockStart(String t, boolean[] esc) {
    char first = t.charAt(0);
    boolean spaceAfter = t.length() == 1 || t.charAt(1) == ' ' || t.charAt(1) == '\t';
    if (first == '#') {
      int n = 0;
      while (n < t.length() && t.charAt(n) == '#') n++;
      if (n <= 6 && (n == t.length() || t.charAt(n) == ' ' || t.charAt(n) == '\t')) esc[0] = true;
    } else if (first == '>') {
      esc[0] = true;
    } else if ((first == '-' || first == '+' || first == '*') && spaceAfter) {
      esc[0] = true;
    } else if (first == '=' || first == '-') {
      // A line of only '=' or '-' under a paragraph would make it a heading.
      if (t.chars().allMatch(ch -> ch == first || ch == ' ')) esc[0] = true;
    } else if (first == '~' && t.startsWith("~~~")) {
      esc[0] = true;
    }
    if (BREAK.matcher(t).matches()) esc[0] = true;
    Matcher n = LIST_NUMBER.matcher(t);
    if (n.find()) esc[n.start(1)] = true;
  }

  /** Whitespace on both sides within the text: such a '*', '_' or '~' can neither open nor close. */
  private static boolean spaced(String t, int i) {
    int start = i;
    int end = i;
    char c = t.charAt(i);
    while (start > 0 && t.charAt(start - 1) == c) start--;
    while (end + 1 < t.length() && t.charAt(end + 1) == c) end++;
    return start > 0 && end + 1 < t.length()
        && Character.isWhitespace(t.charAt(start - 1)) && Character.isWhitespace(t.charAt(end + 1));
  }

  private static boolean wordChar(String t, int i) {
    return i >= 0 && i < t.length() && Character.isLetterOrDigit(t.charAt(i));
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;

/**
 * Value checks shared by the rules. The protocol edge checks lengths and types first; these repeat
 * the ones that matter so the domain holds its own invariants whoever calls it. Each returns null
 * when the value is fine.
 */
final class Checks {
  private Checks() {}

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Length as people count it (and as the protocol edge does): code points, not UTF-16 units. */
  static int chars(String s) {
    return s.codePointCount(0, s.length());
  }

  static Verdict name(String name, Limits limits) {
    if (blank(name)) return Verdict.refuse(BAD_REQUEST, "A name can't be empty.");
    if (chars(name.strip()) > limits.maxNameLength()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "That name is too long.");
    }
    return null;
  }

  /** Required text: titles, ideas, commitments, ground rules. */
  static Verdict text(String text, String what, Limits limits) {
    if (blank(text)) return Verdict.refuse(BAD_REQUEST, what + " can't be empty.");
    return length(text, what, limits);
  }

  /** Text that may be empty: the board prompt, a commitment note. */
  static Verdict length(String text, String what, Limits limits) {
    if (text != null && chars(text.strip()) > limits.maxTextLength()) {
      return Verdict.refuse(LIMIT_EXCEEDED, what + " is too long.");
    }
    return null;
  }

  static Verdict range(int value, int min, int max, String what) {
    if (value < min || value > max) {
      return Verdict.refuse(LIMIT_EXCEEDED, what + " must be between " + min + " and " + max + ".");
    }
    return null;
  }
}

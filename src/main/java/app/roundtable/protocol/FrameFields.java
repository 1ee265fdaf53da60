package app.roundtable.protocol;

import app.roundtable.domain.Limits;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed access to one frame's fields; every failure is a refusal with the field's name. */
final class FrameFields {
  private final JsonNode root;
  private final Limits limits;

  FrameFields(JsonNode root, Limits limits) {
    this.root = root;
    this.limits = limits;
  }

  static final class Invalid extends RuntimeException {
    final Refusal refusal;

    Invalid(Refusal refusal) {
      super(refusal.message(), null, false, false);
      this.refusal = refusal;
    }
  }

  static Invalid bad(String message) {
    return new Invalid(Refusal.of(Reason.BAD_REQUEST, message));
  }

  static Invalid tooLong(String field, int max) {
    return new Invalid(Refusal.of(Reason.LIMIT_EXCEEDED,
        "Field '" + field + "' is longer than " + max + " characters."));
  }

  private JsonNode present(String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n;
  }

  String string(String field, int max) {
    String s = optionalString(field, max);
    if (s == null) throw bad("Field '" + field + "' is required.");
    return s;
  }

  String optionalString(String field, int max) {
    JsonNode n = present(field);
    if (n == null) return null;
    if (!n.isTextual()) throw bad("Field '" + field + "' must be a string.");
    if (n.textValue().length() > max) throw tooLong(field, max);
    return n.textValue();
  }

  /** An id of something in the session: any non-empty short string (unknown ones are not_found later). */
  String ref(String field) {
    String s = optionalRef(field);
    if (s == null) throw bad("Field '" + field + "' is required.");
    return s;
  }

  String optionalRef(String field) {
    String s = optionalString(field, 64);
    if (s != null && s.isEmpty()) throw bad("Field '" + field + "' must not be empty.");
    return s;
  }

  boolean bool(String field) {
    Boolean b = optionalBool(field);
    if (b == null) throw bad("Field '" + field + "' is required.");
    return b;
  }

  Boolean optionalBool(String field) {
    JsonNode n = present(field);
    if (n == null) return null;
    if (!n.isBoolean()) throw bad("Field '" + field + "' must be true or false.");
    return n.booleanValue();
  }

  String name(String field) {
    String s = cleanLine(string(field, limits.maxNameLength() * 4), field);
    if (TextHygiene.invisible(s)) throw bad("Field '" + field + "' must not be blank.");
    if (s.codePointCount(0, s.length()) > limits.maxNameLength()) throw tooLong(field, limits.maxNameLength());
    return s;
  }

  String text(String field) {
    String s = optionalText(field, false);
    if (s == null) throw bad("Field '" + field + "' is required.");
    return s;
  }

  String textMayBeBlank(String field) {
    String s = optionalText(field, true);
    if (s == null) throw bad("Field '" + field + "' is required.");
    return s;
  }

  /** Free text (idea, commitment, title, note). Newlines are kept, other control characters refused. */
  String optionalText(String field, boolean blankAllowed) {
    return freeText(field, blankAllowed, limits.maxTextLength());
  }

  /**
   * A practice note's text (PROTOCOL.md v1.2: longer than other texts); required unless
   * {@code optional}, never blank.
   */
  String practiceNote(String field, boolean optional) {
    String s = freeText(field, false, Limits.PRACTICE_NOTE_CHARS);
    if (s == null && !optional) throw bad("Field '" + field + "' is required.");
    return s;
  }

  private String freeText(String field, boolean blankAllowed, int maxChars) {
    String s = optionalString(field, maxChars * 4);
    if (s == null) return null;
    s = hygienic(s, field).strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') throw bad("Field '" + field + "' contains control characters.");
    }
    if (TextHygiene.invisible(s)) {
      if (!blankAllowed) throw bad("Field '" + field + "' must not be blank.");
      s = ""; // blank allowed: what nobody can see is stored as nothing
    }
    if (s.codePointCount(0, s.length()) > maxChars) throw tooLong(field, maxChars);
    return s;
  }

  String optionalGroup(String field) {
    String s = optionalString(field, limits.maxGroupLength() * 4);
    if (s == null) return null;
    s = cleanLine(s, field);
    if (s.codePointCount(0, s.length()) > limits.maxGroupLength()) throw tooLong(field, limits.maxGroupLength());
    return TextHygiene.invisible(s) ? null : s;
  }

  List<String> textList(String field) {
    JsonNode n = present(field);
    if (n == null) throw bad("Field '" + field + "' is required.");
    if (!n.isArray()) throw bad("Field '" + field + "' must be an array of strings.");
    if (n.size() > limits.maxGroundRules()) {
      throw new Invalid(Refusal.of(Reason.LIMIT_EXCEEDED, "At most " + limits.maxGroundRules() + " entries."));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual()) throw bad("Field '" + field + "' must be an array of strings.");
      String s = cleanLine(e.textValue(), field);
      if (TextHygiene.invisible(s)) throw bad("Entries of '" + field + "' must not be blank.");
      if (s.codePointCount(0, s.length()) > limits.maxTextLength()) throw tooLong(field, limits.maxTextLength());
      out.add(s);
    }
    return List.copyOf(out);
  }

  int integer(String field) {
    Integer v = optionalInteger(field);
    if (v == null) throw bad("Field '" + field + "' is required.");
    return v;
  }

  Integer optionalInteger(String field) {
    JsonNode n = present(field);
    if (n == null) return null;
    if (!n.isIntegralNumber() || !n.canConvertToInt()) throw bad("Field '" + field + "' must be an integer.");
    return n.intValue();
  }

  /** A time in milliseconds since the epoch (or any whole number that fits a long). */
  long time(String field) {
    Long v = optionalTime(field);
    if (v == null) throw bad("Field '" + field + "' is required.");
    return v;
  }

  Long optionalTime(String field) {
    JsonNode n = present(field);
    if (n == null) return null;
    if (!n.isIntegralNumber() || !n.canConvertToLong()) throw bad("Field '" + field + "' must be an integer.");
    return n.longValue();
  }

  long optionalLong(String field, long otherwise) {
    JsonNode n = present(field);
    if (n == null) return otherwise;
    if (!n.isIntegralNumber() || !n.canConvertToLong()) throw bad("Field '" + field + "' must be an integer.");
    return n.longValue();
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    E e = optionalEnum(field, type);
    if (e == null) throw bad("Field '" + field + "' is required.");
    return e;
  }

  <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
    String s = optionalString(field, 32);
    if (s == null) return null;
    E e = Wire.parse(type, s);
    if (e == null) throw bad("Field '" + field + "' has an unknown value.");
    return e;
  }

  /** {@link TextHygiene#clean}, its refusal naming the field. */
  private static String hygienic(String s, String field) {
    try {
      return TextHygiene.clean(s);
    } catch (TextHygiene.Refused e) {
      throw bad("Field '" + field + "' " + e.getMessage() + ".");
    }
  }

  /** One line of text: {@link TextHygiene}'s, trimmed, inner whitespace runs folded, control characters refused. */
  private static String cleanLine(String raw, String field) {
    String s = hygienic(raw, field);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') throw bad("Field '" + field + "' contains control characters.");
      if (Character.isWhitespace(c)) {
        space = b.length() > 0;
      } else {
        if (space) b.append(' ');
        space = false;
        b.append(c);
      }
    }
    return b.toString();
  }
}

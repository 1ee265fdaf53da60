package app.roundtable.protocol;

import app.roundtable.domain.Limits;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a client's text frame once, at the edge: JSON object, known type, every field of the
 * right type and within its length. Unknown fields are ignored (clients may be newer than us).
 * Everything past this point works on typed commands only.
 */
public final class FrameDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ID_LENGTH = 64;
  /** A series identity is a client-made secret: long enough not to be guessed, short enough to bound. */
  static final int MIN_IDENTITY_LENGTH = 16;
  static final int MAX_IDENTITY_LENGTH = 128;

  private final Limits limits;
  private final Map<String, CommandTable.Row<?>> rows = new HashMap<>();

  public FrameDecoder(Limits limits) {
    this.limits = limits;
    for (CommandTable.Row<?> row : CommandTable.ROWS) rows.put(row.wireName(), row);
  }

  /** The wire names of every command this decoder accepts (join, ping and sync included). */
  public Set<String> types() {
    Set<String> all = new java.util.TreeSet<>(rows.keySet());
    all.addAll(List.of(Wire.JOIN, Wire.PING, Wire.SYNC));
    return Collections.unmodifiableSet(all);
  }

  public Inbound decode(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return reject(null, null, "Frame is not valid JSON.");
    }
    if (root == null || !root.isObject()) return reject(null, null, "Frame must be a JSON object.");
    JsonNode idNode = root.get("id");
    String id = null;
    if (idNode != null && !idNode.isNull()) {
      if (!idNode.isTextual() || idNode.textValue().length() > MAX_ID_LENGTH) {
        return reject(null, null, "Field 'id' must be a string of at most " + MAX_ID_LENGTH + " characters.");
      }
      id = idNode.textValue();
    }
    JsonNode typeNode = root.get("type");
    if (typeNode == null || !typeNode.isTextual()) return reject(id, null, "Field 'type' is required.");
    String type = typeNode.textValue();
    try {
      Fields f = new Fields(root, limits);
      switch (type) {
        case Wire.JOIN:
          return join(id, f);
        case Wire.PING:
          return new Inbound.Ping(id, f.optionalLong("t", 0));
        case Wire.SYNC:
          return new Inbound.Sync(id);
        default:
          CommandTable.Row<?> row = rows.get(type);
          if (row == null) return reject(id, null, "Unknown message type.");
          return new Inbound.Do(id, type, row.parser().parse(f));
      }
    } catch (Fields.Invalid e) {
      return new Inbound.Rejection(id, rows.containsKey(type) ? type : null, e.refusal);
    }
  }

  private Inbound join(String id, Fields f) {
    String code = f.string("code", 64);
    String role = f.optionalString("role", 16);
    if (role != null) {
      if (!role.equals("display")) throw Fields.bad("Field 'role' must be \"display\".");
      // The facilitator's own browser opens its projector with the key: it gets into a locked room.
      return new Inbound.Join(id, code, null, null, f.optionalString("key", 128), true);
    }
    String resume = f.optionalString("resume", 128);
    if (resume != null) return new Inbound.Join(id, code, null, resume, null, false);
    String name = f.name("name");
    String key = f.optionalString("key", 128);
    return new Inbound.Join(id, code, name, null, key, false, identity(f));
  }

  private static String identity(Fields f) {
    String s = f.optionalString("identity", MAX_IDENTITY_LENGTH);
    if (s == null) return null;
    if (s.length() < MIN_IDENTITY_LENGTH || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw Fields.bad("Field 'identity' must be " + MIN_IDENTITY_LENGTH + " to " + MAX_IDENTITY_LENGTH
          + " printable ASCII characters.");
    }
    return s;
  }

  private static Inbound reject(String id, String type, String message) {
    return new Inbound.Rejection(id, type, Refusal.of(Reason.BAD_REQUEST, message));
  }

  /** Typed access to one frame's fields; every failure is a refusal with the field's name. */
  static final class Fields {
    private final JsonNode root;
    private final Limits limits;

    Fields(JsonNode root, Limits limits) {
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
}

package app.roundtable.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The environment as typed settings: blanks mean "not set", and a bad value stops the start with its name. */
final class Env {
  private final Map<String, String> vars;

  Env(Map<String, String> vars) {
    this.vars = vars;
  }

  /** The trimmed value, or null when unset or blank. */
  String text(String name) {
    String v = vars.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  String text(String name, String otherwise) {
    String v = text(name);
    return v == null ? otherwise : v;
  }

  /** A URL or origin without its trailing slash. */
  String url(String name) {
    return stripSlash(text(name));
  }

  int integer(String name, int otherwise) {
    String v = text(name);
    if (v == null) return otherwise;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + vars.get(name) + "'");
    }
  }

  /** A comma list, blanks ignored, each entry trimmed and without a trailing slash. */
  List<String> list(String name) {
    return listOf(text(name));
  }

  /** One of {@code allowed} (case-insensitive, in lower case), or {@code otherwise} when unset. */
  String choice(String name, String otherwise, List<String> allowed) {
    String v = text(name);
    if (v == null) return otherwise;
    v = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new IllegalArgumentException(name + " must be " + orList(allowed) + ", got '" + v + "'");
    }
    return v;
  }

  static List<String> listOf(String v) {
    if (v == null || v.isBlank()) return List.of();
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Env::stripSlash).toList();
  }

  private static String stripSlash(String v) {
    return v != null && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  private static String orList(List<String> allowed) {
    int last = allowed.size() - 1;
    return last == 0 ? allowed.get(0) : String.join(", ", allowed.subList(0, last)) + " or " + allowed.get(last);
  }
}

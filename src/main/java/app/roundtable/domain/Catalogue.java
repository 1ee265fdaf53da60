package app.roundtable.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words the server itself writes in a session's language, one catalogue per {@link Language}
 * ({@code src/main/resources/words/en.properties}, …, read as UTF-8): the templates' agendas and
 * the summary's headings. The data lives apart from the code, as the web client's catalogues do,
 * so a language is one file. Read once; a key missing from a catalogue fails at its first use.
 */
public final class Catalogue {
  private static final Map<Language, Properties> WORDS = new EnumMap<>(Language.class);

  static {
    for (Language l : Language.values()) WORDS.put(l, read(l));
  }

  private Catalogue() {}

  /** The words for {@code key} in {@code language}; never null. */
  public static String word(Language language, String key) {
    String w = WORDS.get(Language.of(language)).getProperty(key);
    if (w == null) throw new IllegalStateException("no " + key + " in the " + language + " catalogue");
    return w;
  }

  private static Properties read(Language language) {
    String name = "/words/" + language.name().toLowerCase(Locale.ROOT) + ".properties";
    try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("no catalogue " + name);
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

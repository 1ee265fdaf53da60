package app.roundtable.domain;

import static app.roundtable.domain.ItemKind.BOARD;
import static app.roundtable.domain.ItemKind.COMMITMENTS;
import static app.roundtable.domain.ItemKind.DISCUSSION;
import static app.roundtable.domain.ItemKind.ROUND;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agenda a new session starts with (PROTOCOL.md "Templates" and v1.1 "Template prompts"): the
 * peer learning cycle, each item with a prompt that tells the group what the item is for. The board
 * items' prompts become the board's prompt when the item starts.
 */
public enum Template {
  // One line per item: the agenda reads as the table it is (PROTOCOL.md "Templates"). Each item's
  // title and prompt, in every language, are in the server's catalogues ({@link Catalogue}:
  // template.first.1.title, …), written for the group in its own language, not word for word.
  FIRST(item(DISCUSSION, 5), item(ROUND, 10), item(DISCUSSION, 20), item(DISCUSSION, 15), item(BOARD, 20),
      item(COMMITMENTS, 15), item(DISCUSSION, 5)),
  FOLLOW_UP(item(DISCUSSION, 5), item(ROUND, 10), item(ROUND, 30), item(BOARD, 20), item(COMMITMENTS, 15),
      item(DISCUSSION, 10)),
  BLANK();

  /** The template's agenda in English, in order; immutable. */
  public final List<PlannedItem> items;
  /** The agenda in every language, worked out once. */
  private final Map<Language, List<PlannedItem>> written = new EnumMap<>(Language.class);

  Template(Planned... planned) {
    for (Language l : Language.values()) {
      List<PlannedItem> in = new ArrayList<>();
      for (int i = 0; i < planned.length; i++) {
        String key = "template." + name().toLowerCase(Locale.ROOT) + "." + (i + 1);
        in.add(new PlannedItem(Catalogue.word(l, key + ".title"), planned[i].kind(), planned[i].minutes(),
            Catalogue.word(l, key + ".prompt")));
      }
      written.put(l, List.copyOf(in));
    }
    this.items = written.get(Language.EN);
  }

  /** The template's agenda written in {@code language}, in order; immutable. */
  public List<PlannedItem> items(Language language) {
    return written.get(language);
  }

  /** The planned length of the whole agenda. */
  public int minutes() {
    int total = 0;
    for (PlannedItem p : items) total += p.minutes();
    return total;
  }

  /** One agenda item as a template plans it. */
  public record PlannedItem(String title, ItemKind kind, int minutes, String prompt) {}

  /** An item's kind and length; its words are the catalogue's. */
  private record Planned(ItemKind kind, int minutes) {}

  private static Planned item(ItemKind kind, int minutes) {
    return new Planned(kind, minutes);
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.ItemKind.BOARD;
import static app.roundtable.domain.ItemKind.COMMITMENTS;
import static app.roundtable.domain.ItemKind.DISCUSSION;
import static app.roundtable.domain.ItemKind.ROUND;

import java.util.List;

/**
 * The agenda a new session starts with (PROTOCOL.md "Templates" and v1.1 "Template prompts"): the
 * peer learning cycle, each item with a prompt that tells the group what the item is for. The board
 * items' prompts become the board's prompt when the item starts.
 */
public enum Template {
  // One line per item: the agenda reads as the table it is (PROTOCOL.md "Templates").
  FIRST(List.of(
      item("Welcome and ground rules", DISCUSSION, 5, "Which of our ground rules matters most to you today?"),
      item("Check-in round", ROUND, 10, "How are you arriving today?"),
      item("Share challenges", DISCUSSION, 20, "One real management challenge you face now"),
      item("New knowledge", DISCUSSION, 15, "What idea, model or experience could help with the challenges we heard?"),
      item("Idea board: approaches to try", BOARD, 20, "What approaches could we try?"),
      item("Commitments: what I will practise", COMMITMENTS, 15, "What will I practise before we meet again?"),
      item("Close", DISCUSSION, 5, "What do I take away from today, in one sentence?"))),
  FOLLOW_UP(List.of(
      item("Welcome", DISCUSSION, 5, "Which of our ground rules do we want to keep in mind today?"),
      item("Check-in round", ROUND, 10, "How are you arriving today?"),
      item("Reflection: what happened when I practised", ROUND, 30, "What happened when I practised my commitment?"),
      item("Idea board: lessons learned", BOARD, 20, "What did we learn from practising?"),
      item("Next commitments", COMMITMENTS, 15, "What will I practise before we meet again?"),
      item("Close", DISCUSSION, 10, "What helped me most today, and what should we change next time?"))),
  BLANK(List.of());

  /** The template's agenda, in order; immutable. */
  public final List<PlannedItem> items;

  Template(List<PlannedItem> items) {
    this.items = items;
  }

  /** The planned length of the whole agenda. */
  public int minutes() {
    int total = 0;
    for (PlannedItem p : items) total += p.minutes();
    return total;
  }

  /** One agenda item as a template plans it. */
  public record PlannedItem(String title, ItemKind kind, int minutes, String prompt) {}

  private static PlannedItem item(String title, ItemKind kind, int minutes, String prompt) {
    return new PlannedItem(title, kind, minutes, prompt);
  }
}

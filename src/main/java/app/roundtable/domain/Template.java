package app.roundtable.domain;

import java.util.List;

/**
 * The agenda a new session starts with (PROTOCOL.md "Templates" and v1.1 "Template prompts"): the
 * peer learning cycle, each item with a prompt that tells the group what the item is for. The board
 * items' prompts become the board's prompt when the item starts.
 */
public enum Template {
  FIRST(List.of(
      new PlannedItem("Welcome and ground rules", ItemKind.DISCUSSION, 5,
          "Which of our ground rules matters most to you today?"),
      new PlannedItem("Check-in round", ItemKind.ROUND, 10, "How are you arriving today?"),
      new PlannedItem("Share challenges", ItemKind.DISCUSSION, 20,
          "One real management challenge you face now"),
      new PlannedItem("New knowledge", ItemKind.DISCUSSION, 15,
          "What idea, model or experience could help with the challenges we heard?"),
      new PlannedItem("Idea board: approaches to try", ItemKind.BOARD, 20,
          "What approaches could we try?"),
      new PlannedItem("Commitments: what I will practise", ItemKind.COMMITMENTS, 15,
          "What will I practise before we meet again?"),
      new PlannedItem("Close", ItemKind.DISCUSSION, 5,
          "What do I take away from today, in one sentence?"))),
  FOLLOW_UP(List.of(
      new PlannedItem("Welcome", ItemKind.DISCUSSION, 5,
          "Which of our ground rules do we want to keep in mind today?"),
      new PlannedItem("Check-in round", ItemKind.ROUND, 10, "How are you arriving today?"),
      new PlannedItem("Reflection: what happened when I practised", ItemKind.ROUND, 30,
          "What happened when I practised my commitment?"),
      new PlannedItem("Idea board: lessons learned", ItemKind.BOARD, 20,
          "What did we learn from practising?"),
      new PlannedItem("Next commitments", ItemKind.COMMITMENTS, 15,
          "What will I practise before we meet again?"),
      new PlannedItem("Close", ItemKind.DISCUSSION, 10,
          "What helped me most today, and what should we change next time?"))),
  BLANK(List.of());

  /** The template's agenda, in order; immutable. */
  public final List<PlannedItem> items;

  Template(List<PlannedItem> items) {
    this.items = items;
  }

  /** One agenda item as a template plans it. */
  public record PlannedItem(String title, ItemKind kind, int minutes, String prompt) {}
}

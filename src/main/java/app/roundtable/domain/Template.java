package app.roundtable.domain;

import java.util.List;

/** The agenda a new session starts with (PROTOCOL.md "Templates"). */
public enum Template {
  FIRST(List.of(
      new PlannedItem("Welcome and ground rules", ItemKind.DISCUSSION, 5),
      new PlannedItem("Check-in round", ItemKind.ROUND, 10),
      new PlannedItem("Share challenges", ItemKind.DISCUSSION, 20),
      new PlannedItem("New knowledge", ItemKind.DISCUSSION, 15),
      new PlannedItem("Idea board: approaches to try", ItemKind.BOARD, 20),
      new PlannedItem("Commitments: what I will practise", ItemKind.COMMITMENTS, 15),
      new PlannedItem("Close", ItemKind.DISCUSSION, 5))),
  FOLLOW_UP(List.of(
      new PlannedItem("Welcome", ItemKind.DISCUSSION, 5),
      new PlannedItem("Check-in round", ItemKind.ROUND, 10),
      new PlannedItem("Reflection: what happened when I practised", ItemKind.ROUND, 30),
      new PlannedItem("Idea board: lessons learned", ItemKind.BOARD, 20),
      new PlannedItem("Next commitments", ItemKind.COMMITMENTS, 15),
      new PlannedItem("Close", ItemKind.DISCUSSION, 10))),
  BLANK(List.of());

  /** The template's agenda, in order; immutable. */
  public final List<PlannedItem> items;

  Template(List<PlannedItem> items) {
    this.items = items;
  }

  /** One agenda item as a template plans it. */
  public record PlannedItem(String title, ItemKind kind, int minutes) {}
}

package app.roundtable.domain;

public final class AgendaItem {
  public String id;
  public String title;
  public ItemKind kind = ItemKind.DISCUSSION;
  /** What the group is asked to talk or write about during the item; may be empty. */
  public String prompt = "";
  /** Planned length. */
  public int minutes;
  public ItemStatus status = ItemStatus.PENDING;
  /** When the item last became active; null until then. */
  public Long startedAt;
  /** Time spent in earlier activations, completed ones only (the running stretch is added when it ends). */
  public long spentMs;

  public AgendaItem() {}

  public AgendaItem(String id, String title, ItemKind kind, int minutes) {
    this.id = id;
    this.title = title;
    this.kind = kind;
    this.minutes = minutes;
  }

  public AgendaItem copy() {
    AgendaItem i = new AgendaItem(id, title, kind, minutes);
    i.prompt = prompt;
    i.status = status;
    i.startedAt = startedAt;
    i.spentMs = spentMs;
    return i;
  }
}

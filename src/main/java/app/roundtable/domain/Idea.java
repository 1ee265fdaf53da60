package app.roundtable.domain;

public final class Idea {
  /** Random, so the id says nothing about when or by whom it was posted. */
  public String id;
  public String text;
  /** Private: only the author's own view ever uses it. */
  public String authorId;
  /** Facilitator's grouping label; null when ungrouped. */
  public String group;

  public Idea() {}

  public Idea(String id, String text, String authorId) {
    this.id = id;
    this.text = text;
    this.authorId = authorId;
  }

  public Idea copy() {
    Idea i = new Idea(id, text, authorId);
    i.group = group;
    return i;
  }
}

package app.roundtable.domain;

public final class Idea {
  /** Random, so the id says nothing about when or by whom it was posted. */
  public String id;
  public String text;
  /** Private: only the author's own view ever uses it. */
  public String authorId;
  /**
   * Private: the facilitator who wrote this idea for its author, a room member without a device
   * (as on a paper note); null when the author posted it. Only that facilitator's view shows it.
   */
  public String enteredBy;
  /** Facilitator's grouping label; null when ungrouped. Ideas of one group share one spelling. */
  public String group;

  public Idea() {}

  public Idea(String id, String text, String authorId) {
    this.id = id;
    this.text = text;
    this.authorId = authorId;
  }

  public Idea copy() {
    Idea i = new Idea(id, text, authorId);
    i.enteredBy = enteredBy;
    i.group = group;
    return i;
  }
}

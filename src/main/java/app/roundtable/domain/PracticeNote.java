package app.roundtable.domain;

/**
 * One entry of a member's practice log, kept on one of their earlier commitments in a follow-up
 * ("tried it on Tuesday, it went like this"). Private unless its author shares it: a private note
 * only ever reaches its author, a shared one the group. It carries no author field: only the
 * commitment's owner (by series identity) may write on a commitment, so the owner is the author.
 */
public final class PracticeNote {
  public String id;
  public String text;
  /** When it was written (server time); an edit keeps it, the log is dated by the practice. */
  public long at;
  public boolean shared;

  public PracticeNote() {}

  public PracticeNote(String id, String text, long at, boolean shared) {
    this.id = id;
    this.text = text;
    this.at = at;
    this.shared = shared;
  }

  public PracticeNote copy() {
    return new PracticeNote(id, text, at, shared);
  }
}

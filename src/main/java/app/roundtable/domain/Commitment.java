package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

/** What a member says they will practise before the next session. Public, with its author: it's a promise. */
public final class Commitment {
  public String id;
  public String memberId;
  /** The member's name when the commitment was last written; kept for the follow-up session's record. */
  public String name;
  public String text;
  public CommitmentStatus status = CommitmentStatus.PLANNED;
  public String note = "";
  /**
   * For a commitment carried into a follow-up: its author's {@link Member#seriesHash}, so only the
   * same person can report on it there. Null for v1 authors and in the session it was made in.
   */
  public String ownerHash;
  /**
   * Its owner's practice log, oldest first: only on commitments carried into a follow-up. Private
   * notes among them are never in any view but their author's.
   */
  public List<PracticeNote> notes = new ArrayList<>();

  public Commitment() {}

  public Commitment(String id, String memberId, String name, String text) {
    this.id = id;
    this.memberId = memberId;
    this.name = name;
    this.text = text;
  }

  /** Whether this carried commitment was made by the member's earlier self in the series. */
  public boolean madeEarlierBy(Member m) {
    return ownerHash != null && ownerHash.equals(m.seriesHash);
  }

  public Commitment copy() {
    Commitment c = new Commitment(id, memberId, name, text);
    c.status = status;
    c.note = note;
    c.ownerHash = ownerHash;
    for (PracticeNote n : notes) c.notes.add(n.copy());
    return c;
  }
}

package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

/** The earlier session a follow-up continues: its title and the commitments members report on. */
public final class Previous {
  public String title;
  public List<Commitment> commitments = new ArrayList<>();

  public Previous() {}

  public Previous(String title, List<Commitment> commitments) {
    this.title = title;
    this.commitments = commitments;
  }

  public Previous copy() {
    List<Commitment> cs = new ArrayList<>();
    for (Commitment c : commitments) cs.add(c.copy());
    return new Previous(title, cs);
  }
}

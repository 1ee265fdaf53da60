package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One board round that was cleared after its ideas had been revealed, kept for the session's record.
 * Holds no authors and no idea ids: once a round is over nothing about it may point at a person.
 */
public final class FinishedRound {
  public String prompt;
  /** True when the round reached results: then every idea carries its total. */
  public boolean voted;
  /** Most voted first when voted; otherwise in the order the group last saw them (shuffled). */
  public List<Entry> ideas = new ArrayList<>();

  public FinishedRound() {}

  public FinishedRound copy() {
    FinishedRound r = new FinishedRound();
    r.prompt = prompt;
    r.voted = voted;
    for (Entry e : ideas) r.ideas.add(new Entry(e.text, e.group, e.votes));
    return r;
  }

  /** An idea as the record keeps it. Immutable once archived, so copies share nothing mutable. */
  public static final class Entry {
    public String text;
    /** The facilitator's group label, or null. */
    public String group;
    /** The idea's vote total; 0 when the round never reached results. */
    public int votes;

    public Entry() {}

    public Entry(String text, String group, int votes) {
      this.text = text;
      this.group = group;
      this.votes = votes;
    }
  }
}

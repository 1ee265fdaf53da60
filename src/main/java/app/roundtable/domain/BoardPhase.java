package app.roundtable.domain;

/** CLOSED and WRITING hide the ideas; REVEALED and VOTING show them; RESULTS adds vote totals. */
public enum BoardPhase {
  CLOSED, WRITING, REVEALED, VOTING, RESULTS;

  public boolean ideasVisible() {
    return this == REVEALED || this == VOTING || this == RESULTS;
  }
}

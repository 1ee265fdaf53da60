package app.roundtable.domain;

/**
 * Where an earlier session's pages lead once its follow-up exists: the follow-up's code and links
 * (absolute, as its creation answered them) and when it meets ({@code at}: its planned start on the
 * server clock, kept in step when its date moves; null while unplanned). Public: every member of
 * the earlier session may follow the group to its next meeting. A value: a move makes a new one.
 */
public record FollowUp(String code, String joinUrl, String displayUrl, Long at) {
  /** The same follow-up, meeting at {@code newAt}. */
  public FollowUp movedTo(Long newAt) {
    return new FollowUp(code, joinUrl, displayUrl, newAt);
  }
}

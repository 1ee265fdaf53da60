package app.roundtable.domain;

/**
 * Where an earlier session's pages lead once its follow-up exists: the follow-up's code and links
 * (absolute, as its creation answered them) and when it meets ({@code at} null while unplanned).
 * Public: every member of the earlier session may follow the group to its next meeting.
 */
public final class FollowUp {
  public String code;
  public String joinUrl;
  public String displayUrl;
  /** The follow-up's planned start (server clock), kept in step when its date moves; null when unplanned. */
  public Long at;

  public FollowUp() {}

  public FollowUp(String code, String joinUrl, String displayUrl, Long at) {
    this.code = code;
    this.joinUrl = joinUrl;
    this.displayUrl = displayUrl;
    this.at = at;
  }

  public FollowUp copy() {
    return new FollowUp(code, joinUrl, displayUrl, at);
  }
}

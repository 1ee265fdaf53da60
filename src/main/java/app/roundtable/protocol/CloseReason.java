package app.roundtable.protocol;

/**
 * Why the server closes a socket: the WebSocket close status and reason text, and for the {@link
 * #announced} ones, the {@code closed} message sent just before (its {@code reason} field; the web
 * client's {@code CloseReason} in protocol.js names exactly these, WebModulesTest checks).
 */
public enum CloseReason {
  /** The session ended: {@code closed ended}, then a normal close. */
  ENDED(1000, "ended", true),
  /** This member was removed: {@code closed removed}, then a normal close. */
  REMOVED(1000, "removed", true),
  /** The facilitator deleted the session: {@code closed deleted} (v1.2 extension), then a normal close. */
  DELETED(1000, "deleted", true),
  /** The facilitator removed this display: {@code closed display-removed}; its page does not reconnect by itself. */
  DISPLAY_REMOVED(1000, "display-removed", true),
  /** The node is draining: the client resumes on another node. */
  GOING_AWAY(1001, "server restarting", false),
  /** A socket that left its session would be one unjoined socket too many for its client. */
  TOO_MANY_UNJOINED(1008, "Too many open connections that have not joined a session.", false),
  /** A frame over the size limit (the contract's 1009). */
  TOO_BIG(1009, "frame too big", false);

  /** The WebSocket close status. */
  public final short status;
  /** The close frame's reason text, and the {@code closed} message's {@code reason} when one is sent. */
  public final String text;
  /** Whether a {@code closed} message goes first (the connection sends it only for these). */
  public final boolean announced;

  CloseReason(int status, String text, boolean announced) {
    this.status = (short) status;
    this.text = text;
    this.announced = announced;
  }
}

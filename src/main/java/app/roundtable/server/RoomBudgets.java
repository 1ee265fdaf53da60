package app.roundtable.server;

/**
 * What a room's members may push through everyone's sockets, and how many sockets they may hold:
 * the room protecting itself from its members. Ten names renaming in a loop over a 130 KB state
 * sent every member 7.5 MB/s and reset a member on a 1 MB/s line, all inside the command budgets;
 * one resume token opened 100 joined sockets.
 *
 * @param memberBytesPerSecond state bytes a member's changes and syncs may cause per second (bursts of
 *     4 s); the facilitator's changes count a quarter
 * @param sessionBytesPerSecond state bytes all of a session's changes may cause per second on one
 *     event loop (bursts of 2 s); the facilitator is not held by it, so the room can be run in a storm
 * @param socketsPerMember joined sockets one member may hold on one node (devices, tabs)
 * @param joinedSocketsPerAddress joined sockets one client address may hold on one node
 */
public record RoomBudgets(int memberBytesPerSecond, int sessionBytesPerSecond, int socketsPerMember,
    int joinedSocketsPerAddress) {
  static final RoomBudgets DEFAULTS = new RoomBudgets(128 * 1024, 384 * 1024, 5, 100);

  public RoomBudgets {
    if (memberBytesPerSecond < 1024 || sessionBytesPerSecond < 1024 || socketsPerMember < 1 || joinedSocketsPerAddress < 1) {
      throw new IllegalArgumentException("MEMBER_BYTES_PER_SECOND and SESSION_BYTES_PER_SECOND must be at least 1024, "
          + "MAX_SOCKETS_PER_MEMBER and MAX_JOINED_SOCKETS_PER_ADDRESS at least 1");
    }
  }

  static RoomBudgets from(Env env) {
    RoomBudgets d = DEFAULTS;
    return new RoomBudgets(env.integer("MEMBER_BYTES_PER_SECOND", d.memberBytesPerSecond()),
        env.integer("SESSION_BYTES_PER_SECOND", d.sessionBytesPerSecond()),
        env.integer("MAX_SOCKETS_PER_MEMBER", d.socketsPerMember()),
        env.integer("MAX_JOINED_SOCKETS_PER_ADDRESS", d.joinedSocketsPerAddress()));
  }
}

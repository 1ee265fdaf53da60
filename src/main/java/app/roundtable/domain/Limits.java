package app.roundtable.domain;

/** The contract's limits (PROTOCOL.md "Limits"), defaults first; configurable as a whole. */
public record Limits(
    int maxMembers,
    int maxDisplays,
    int maxAgendaItems,
    int maxIdeas,
    int maxCommitmentsPerMember,
    int maxNameLength,
    int maxTextLength,
    int maxGroundRules,
    int maxGroupLength,
    int maxVotesPerMember,
    int maxItemMinutes,
    int maxTimerSeconds,
    int maxTurnLimitSec,
    int frameBytes,
    int commandsPerSecond,
    int maxIdeasPerMember,
    int maxBoardRounds) {

  /** PROTOCOL.md v1.1: one member may hold at most this many ideas on one board. */
  public static final int IDEAS_PER_MEMBER = 50;
  /**
   * Finished board rounds a session keeps for its record. Each may hold a full board, so this bounds
   * the session's size in the store; a 90-minute meeting runs one to three rounds.
   */
  public static final int BOARD_ROUNDS = 10;
  /** PROTOCOL.md v1.2: a practice note is at most this many characters. */
  public static final int PRACTICE_NOTE_CHARS = 1000;
  /** PROTOCOL.md v1.2: at most this many practice notes on one commitment. */
  public static final int PRACTICE_NOTES_PER_COMMITMENT = 50;
  /**
   * All of one person's practice notes together (UTF-8 bytes of their text, over all their earlier
   * commitments). The shared ones are in every state frame of the follow-up, so this bounds what
   * practice logs add to a frame (12 members: under 200 KiB) and to the stored session. Some
   * sixteen full-length notes, or fifty of a few lines each: a practice log, not a diary.
   */
  public static final int PRACTICE_NOTE_BYTES_PER_MEMBER = 16 * 1024;

  public static final Limits DEFAULTS =
      new Limits(12, 4, 30, 200, 5, 40, 280, 12, 40, 10, 240, 4 * 3600, 3600, 16 * 1024, 20);

  /** The v1 limits, with the v1.1 board bounds at their defaults. */
  public Limits(
      int maxMembers, int maxDisplays, int maxAgendaItems, int maxIdeas, int maxCommitmentsPerMember,
      int maxNameLength, int maxTextLength, int maxGroundRules, int maxGroupLength,
      int maxVotesPerMember, int maxItemMinutes, int maxTimerSeconds, int maxTurnLimitSec,
      int frameBytes, int commandsPerSecond) {
    this(maxMembers, maxDisplays, maxAgendaItems, maxIdeas, maxCommitmentsPerMember, maxNameLength,
        maxTextLength, maxGroundRules, maxGroupLength, maxVotesPerMember, maxItemMinutes,
        maxTimerSeconds, maxTurnLimitSec, frameBytes, commandsPerSecond, IDEAS_PER_MEMBER, BOARD_ROUNDS);
  }

  public Limits withBoardBounds(int ideasPerMember, int boardRounds) {
    return new Limits(maxMembers, maxDisplays, maxAgendaItems, maxIdeas, maxCommitmentsPerMember,
        maxNameLength, maxTextLength, maxGroundRules, maxGroupLength, maxVotesPerMember,
        maxItemMinutes, maxTimerSeconds, maxTurnLimitSec, frameBytes, commandsPerSecond,
        ideasPerMember, boardRounds);
  }
}

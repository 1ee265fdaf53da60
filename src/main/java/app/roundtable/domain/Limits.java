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
    int commandsPerSecond) {

  public static final Limits DEFAULTS =
      new Limits(12, 4, 30, 200, 5, 40, 280, 12, 40, 10, 240, 4 * 3600, 3600, 16 * 1024, 20);
}

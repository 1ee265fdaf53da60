package app.roundtable.domain;

/**
 * One projector connection: the node that holds its socket (a node that dies takes its displays
 * with it) and when it joined, so the facilitator can tell the room's projector from one that
 * should not be there. Keyed by its id in {@link Session#connectedDisplays}.
 */
public record Display(String nodeId, long joinedAt) {}

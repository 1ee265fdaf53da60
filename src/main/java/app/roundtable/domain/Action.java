package app.roundtable.domain;

/**
 * A command with who sent it. {@code actorId} is the member id (null for a display or the server
 * itself); {@code requestId} is the client's correlation id, used to never apply the same command
 * of the same member twice.
 */
public record Action(String actorId, String requestId, Command command) {
  public static Action of(String actorId, Command command) {
    return new Action(actorId, null, command);
  }
}

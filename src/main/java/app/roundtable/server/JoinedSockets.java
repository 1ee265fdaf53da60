package app.roundtable.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Joined WebSockets on this node, per member (session code and member id) and per client address,
 * against {@link RoomBudgets}' bounds. Checked when a join is looked up and counted when it is
 * seated, so two joins racing may pass the bound by one each; it stays bounded. Thread-safe; a key
 * leaves its map at zero.
 */
final class JoinedSockets {
  private final RoomBudgets bounds;
  private final Map<String, Integer> perMember = new HashMap<>();
  private final Map<String, Integer> perAddress = new HashMap<>();

  JoinedSockets(RoomBudgets bounds) {
    this.bounds = bounds;
  }

  /** Whether {@code address} may join one more socket (as {@code member} of {@code code}, when known). */
  synchronized boolean room(String address, String code, String member) {
    if (perAddress.getOrDefault(address, 0) >= bounds.joinedSocketsPerAddress()) return false;
    return member == null || perMember.getOrDefault(code + "|" + member, 0) < bounds.socketsPerMember();
  }

  synchronized void joined(String address, String code, String member) {
    perAddress.merge(address, 1, Integer::sum);
    if (member != null) perMember.merge(code + "|" + member, 1, Integer::sum);
  }

  synchronized void gone(String address, String code, String member) {
    perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    if (member != null) perMember.computeIfPresent(code + "|" + member, (k, n) -> n <= 1 ? null : n - 1);
  }
}

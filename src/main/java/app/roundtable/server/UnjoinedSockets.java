package app.roundtable.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts open WebSockets that have not joined a session, per client address: each holds memory and
 * a file descriptor while doing nothing (300 from one address hit no limit). A client over the
 * bound has its new socket closed at once. Thread-safe; an address leaves the map at zero.
 */
final class UnjoinedSockets {
  private final int max;
  private final Map<String, Integer> open = new HashMap<>();

  UnjoinedSockets(int max) {
    this.max = max;
  }

  /** Counts a new socket of {@code client}; false (nothing counted) when it already has the most allowed. */
  synchronized boolean open(String client) {
    int n = open.getOrDefault(client, 0);
    if (n >= max) return false;
    open.put(client, n + 1);
    return true;
  }

  /** The socket joined or closed: it no longer counts. */
  synchronized void done(String client) {
    open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  synchronized int of(String client) {
    return open.getOrDefault(client, 0);
  }
}

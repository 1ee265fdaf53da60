package app.roundtable.store.redis;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The (un)subscribe replies still due on one pub/sub connection. Redis answers these commands in
 * the order they were sent, one reply per channel, so an error reply (which names no channel)
 * belongs to the oldest one still due, and an unsubscribe push that nobody asked for is the server
 * dropping the channel on its own (in a cluster: its slot migrated away).
 */
final class PendingReplies {
  /** Subscribe replies still due per session code: the subscription is in effect when none is left. */
  private final Map<String, Integer> subscribes = new HashMap<>();
  /** Every (un)subscribe sent and not yet answered, by session code, oldest first. */
  private final ArrayDeque<String> order = new ArrayDeque<>();

  void subscribeSent(String code) {
    subscribes.merge(code, 1, Integer::sum);
    order.add(code);
  }

  void unsubscribeSent(String code) {
    order.add(code);
  }

  /** A subscribe confirmation for {@code code}: true when it was the last one due (now in effect). */
  boolean subscribed(String code) {
    order.removeFirstOccurrence(code);
    Integer due = subscribes.merge(code, -1, Integer::sum);
    if (due != null && due > 0) return false;
    subscribes.remove(code);
    return true;
  }

  /** An unsubscribe push for {@code code}: true when this connection asked for it. */
  boolean unsubscribed(String code) {
    return order.removeFirstOccurrence(code);
  }

  /**
   * An error reply: the session code of the command it answers (null if none was due), and whether
   * no subscribe of that code is still due.
   */
  String refused() {
    String code = order.poll();
    if (code != null && subscribes.containsKey(code) && subscribes.merge(code, -1, Integer::sum) <= 0) {
      subscribes.remove(code);
    }
    return code;
  }

  boolean subscribeDue(String code) {
    return subscribes.containsKey(code);
  }

  /** A new connection: nothing is due on it. */
  void clear() {
    subscribes.clear();
    order.clear();
  }
}

package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest state this node holds of every session it serves (has a subscriber for), for as long
 * as it serves it: what {@link Amnesia} puts back when Redis lost a session. Unlike {@link
 * RecentStates} it forgets nothing by age or size: a session whose members sat quiet for an hour is
 * still one the node serves, and its sockets still hold its state. It costs no memory of its own:
 * the node's sockets keep these same objects for their connections anyway. Thread-safe.
 */
final class ServedStates {
  /** A served session: how many subscriptions follow it here, and the newest state seen (null: none yet). */
  private record Served(int subscribers, Session newest) {}

  private final Map<String, Served> served = new ConcurrentHashMap<>();

  /** One more subscription follows {@code code}. */
  void serve(String code) {
    served.merge(code, new Served(1, null), (old, one) -> new Served(old.subscribers + 1, old.newest));
  }

  /** One subscription fewer; the last one takes the state with it. */
  void unserve(String code) {
    served.computeIfPresent(code, (c, old) -> old.subscribers <= 1 ? null : new Served(old.subscribers - 1, old.newest));
  }

  boolean serves(String code) {
    return served.containsKey(code);
  }

  /** {@code s} read, written or delivered: kept if the session is served and nothing newer is. */
  void offer(Session s) {
    served.computeIfPresent(s.code, (c, old) -> old.newest != null && old.newest.version >= s.version
        ? old : new Served(old.subscribers, s));
  }

  /** Deleted on purpose: nothing of it is kept to put back. */
  void deleted(String code) {
    served.computeIfPresent(code, (c, old) -> new Served(old.subscribers, null));
  }

  /** The newest state held of a served session, or null. */
  Session newest(String code) {
    Served s = served.get(code);
    return s == null ? null : s.newest;
  }
}

package app.roundtable.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Budgets for state-changing commands, per member and per session, so that one member cannot
 * flood everyone's sockets (a hand toggled 15×/s pushed 1.6 MB/s to each member of a session with
 * large commitments). Set so that people never meet them: a member may make {@link
 * #MEMBER_PER_SECOND} changes a second with bursts of {@link #MEMBER_BURST}, a session {@link
 * #SESSION_PER_SECOND}. One per session per event loop (it lives in {@link LocalSession}); not
 * thread-safe. Members are at most the session's, so the map is bounded by the session's limit.
 */
final class CommandBudget {
  static final double MEMBER_PER_SECOND = 10;
  static final double MEMBER_BURST = 30;
  static final double SESSION_PER_SECOND = 100;
  static final double SESSION_BURST = 300;

  private final RateLimiter session;
  private final Map<String, RateLimiter> members = new HashMap<>();

  /** Both budgets start full. */
  CommandBudget() {
    this.session = new RateLimiter(SESSION_PER_SECOND, SESSION_BURST, Long.MIN_VALUE / 2);
  }

  /** Counts one change by {@code memberId}; false (nothing counted) when either budget is spent. */
  boolean tryTake(String memberId, long now) {
    RateLimiter member = members.computeIfAbsent(memberId, id -> new RateLimiter(MEMBER_PER_SECOND, MEMBER_BURST, now));
    if (!member.hasToken(now) || !session.hasToken(now)) return false;
    member.tryTake(now);
    session.tryTake(now);
    return true;
  }
}

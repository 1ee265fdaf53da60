package app.roundtable.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Budgets per member and per session, on changes and on the bytes they make every socket carry, so
 * that one member cannot flood everyone's sockets. On changes: a hand toggled 15×/s pushed 1.6 MB/s
 * to each member of a session with large commitments, so a member may make {@link
 * #MEMBER_PER_SECOND} changes a second with bursts of {@link #MEMBER_BURST}, a session {@link
 * #SESSION_PER_SECOND}. On bytes: ten names renaming in a loop stayed inside those and still sent
 * 7.5 MB/s to everyone, so each change also costs the size of the state frame it produced, and a
 * {@code sync} the size of the state it fetches ({@link RoomBudgets}). A change is let in while its
 * budgets are not in debt and paid once its size is known; a big one may take a budget below zero,
 * and the next waits until it refills. So a storm of large states reaches each socket at most at
 * the session's byte rate, every version in order, without skipping any.
 *
 * <p>A fair share of the session's bytes for everyone: the session's byte budget is shared, so ten
 * flooding names drained it and the four real members got 1 to 4 of their 40 hands through
 * (docs/benchmarks.md, "Facilitator under a flood"). So each member also holds a share of it (the
 * session's rate divided by the members a session may have, bursts of {@link #SHARE_BURST_SECONDS}),
 * and a member whose share is not spent goes even while the session's budget is: every change pays
 * both. Together the shares are the session's rate, so a storm still reaches each socket at about
 * the session's byte rate, and each name, a flooder's or not, gets its turn about as often.
 *
 * <p>The facilitator spends only their own member budgets: however others flood, the person
 * running the room can still lock it and remove people. One per session per event loop (it lives
 * in {@link LocalSession}); not thread-safe. Members are at most the session's, so the map is
 * bounded by the session's limit.
 */
final class CommandBudget {
  static final double MEMBER_PER_SECOND = 10;
  static final double MEMBER_BURST = 30;
  static final double SESSION_PER_SECOND = 100;
  static final double SESSION_BURST = 300;
  /** A member's share of the session's bytes refills over this long: one large change now and then. */
  static final double SHARE_BURST_SECONDS = 4;

  private final RoomBudgets bytes;
  private final RateLimiter session;
  private final RateLimiter sessionBytes;
  private final Map<String, RateLimiter[]> members = new HashMap<>();
  /** A member's share of {@link #sessionBytes}, per second. */
  private final double sharePerSecond;

  /** Every budget starts full; {@code maxMembers} is the session's limit, over which its bytes are shared. */
  CommandBudget(RoomBudgets bytes, int maxMembers) {
    this.bytes = bytes;
    this.sharePerSecond = (double) bytes.sessionBytesPerSecond() / Math.max(1, maxMembers);
    this.session = new RateLimiter(SESSION_PER_SECOND, SESSION_BURST, Long.MIN_VALUE / 2);
    this.sessionBytes = new RateLimiter(bytes.sessionBytesPerSecond(), 2.0 * bytes.sessionBytesPerSecond(), Long.MIN_VALUE / 2);
  }

  CommandBudget(RoomBudgets bytes) {
    this(bytes, app.roundtable.domain.Limits.DEFAULTS.maxMembers());
  }

  CommandBudget() {
    this(RoomBudgets.DEFAULTS);
  }

  /** Counts one change by a member who is not the facilitator; see {@link #tryTake(String, boolean, long)}. */
  boolean tryTake(String memberId, long now) {
    return tryTake(memberId, false, now);
  }

  /** Counts one change by {@code memberId}; false (nothing counted) when any budget it spends from is spent. */
  boolean tryTake(String memberId, boolean facilitator, long now) {
    RateLimiter[] m = member(memberId, now);
    if (!m[0].hasToken(now) || !m[1].hasToken(now)) return false;
    if (!facilitator && (!session.hasToken(now) || !(sessionBytes.hasToken(now) || m[2].hasToken(now)))) return false;
    m[0].tryTake(now);
    if (!facilitator) session.tryTake(now);
    return true;
  }

  /** The change let in by {@link #tryTake} produced a state frame of {@code size} bytes: pays for it. */
  void paid(String memberId, boolean facilitator, int size, long now) {
    // The facilitator's changes count a quarter: running a room of large states stays possible.
    RateLimiter[] m = member(memberId, now);
    m[1].spend(facilitator ? size / 4.0 : size, now);
    if (!facilitator) {
      sessionBytes.spend(size, now);
      m[2].spend(size, now);
    }
  }

  /** A {@code sync} of a state of {@code size} bytes, paid from the member's byte budget; false when it is spent. */
  boolean trySync(String memberId, int size, long now) {
    RateLimiter b = member(memberId, now)[1];
    if (!b.hasToken(now)) return false;
    b.spend(size, now);
    return true;
  }

  /** A member's budgets: changes, bytes, their share of the session's bytes. */
  private RateLimiter[] member(String memberId, long now) {
    return members.computeIfAbsent(memberId, id -> new RateLimiter[] {
        new RateLimiter(MEMBER_PER_SECOND, MEMBER_BURST, now),
        new RateLimiter(bytes.memberBytesPerSecond(), 4.0 * bytes.memberBytesPerSecond(), now),
        new RateLimiter(sharePerSecond, SHARE_BURST_SECONDS * sharePerSecond, now)});
  }
}

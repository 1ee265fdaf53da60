package app.roundtable.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Limits code look-ups (WebSocket joins and HTTP session reads) so that 65-bit codes cannot be
 * enumerated, without letting one client's wrong codes lock out its neighbours behind the same
 * address (an office or carrier NAT, a gateway without TRUSTED_PROXIES).
 *
 * <p>A client is its address <em>and</em> the secret it shows: a resume token, the facilitator
 * key, or the browser's series identity (hashed; none for plain HTTP look-ups). Each such client
 * has its own budgets: look-ups ({@code 2/s}, bursts of 60) and misses — codes that did not exist
 * — ({@code 1 per 6 s}, bursts of 10). A client out of misses is refused before any look-up, and
 * its refused tries count nowhere else. So a guesser blocks only itself, unless it mints a new
 * secret every ten guesses; the address's own miss budget ({@code 1 per 3 s}, bursts of 30) caps
 * that. Past it, a look-up is still made when it cannot tell a guesser anything:
 * <ul>
 *   <li>the code was joined from this address before ({@link #joined}): a neighbour's session;</li>
 *   <li>the client shows a resume token or the facilitator key ({@link Pass#PROVE}): the caller
 *       admits it only if the secret is right, and otherwise answers {@code rate_limited} — the
 *       same answer whether the code exists or not, so it tells the guesser nothing.</li>
 * </ul>
 * What such a rotating guesser can still hold up is a first join by name, to a code nobody at its
 * address has joined, while it keeps guessing (docs/protocol.md, "Joining").
 *
 * <p>Bounded: LRUs of clients, addresses and joined codes. Thread-safe (the node's loops share it).
 */
final class JoinGuard {
  static final int MAX_CLIENTS = 50_000;

  /** What a look-up may do. */
  enum Pass {
    /** Look the code up and answer as usual. */
    LOOK_UP,
    /** Look it up, but admit only a right resume token or key; anything else is {@code rate_limited}. */
    PROVE,
    /** Refuse with {@code rate_limited}, without a look-up. */
    REFUSE
  }

  // 2 look-ups/s sustained, bursts of 60: a room of phones reconnecting at once.
  private final Buckets attempts = new Buckets(MAX_CLIENTS, 2, 60);
  // Codes that did not exist: 1 per 6 s sustained, bursts of 10, then refused.
  private final Buckets misses = new Buckets(MAX_CLIENTS, 1.0 / 6, 10);
  // Every client of one address together: the cap on a guesser that keeps minting new secrets.
  private final Buckets addressMisses = new Buckets(MAX_CLIENTS, 1.0 / 3, 30);
  /** address + code pairs joined from that address (a day, at most MAX_CLIENTS of them). */
  private final Cache<String, Boolean> joined = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
      .expireAfterAccess(Duration.ofDays(1)).executor(Runnable::run).build();

  /** The key a client's budgets are kept under: never the secret itself. */
  static String client(String address, String secret) {
    return secret == null ? address + "|" : address + "|" + Secrets.hash(secret);
  }

  /**
   * May {@code client} (from {@link #client}) at {@code address} look {@code code} up now?
   * {@code proves} says whether it shows a resume token or key. Counts the attempt unless refused.
   */
  Pass admit(String address, String client, boolean proves, String code, long now) {
    if (!misses.hasToken(client, now) || !attempts.hasToken(client, now)) return Pass.REFUSE;
    Pass pass = Pass.LOOK_UP;
    if (!addressMisses.hasToken(address, now) && (code == null || joined.getIfPresent(address + "|" + code) == null)) {
      if (!proves) return Pass.REFUSE;
      pass = Pass.PROVE;
    }
    attempts.tryTake(client, now);
    return pass;
  }

  /** The code looked up did not exist (or, under {@link Pass#PROVE}, the secret was wrong). */
  void miss(String address, String client, long now) {
    misses.tryTake(client, now);
    addressMisses.tryTake(address, now);
  }

  /** Someone at {@code address} joined {@code code}: its neighbours may look it up whatever others guess. */
  void joined(String address, String code) {
    joined.put(address + "|" + code, Boolean.TRUE);
  }

  /** Clients remembered, for tests of the bound. */
  long size() {
    return Math.max(attempts.size(), misses.size());
  }
}

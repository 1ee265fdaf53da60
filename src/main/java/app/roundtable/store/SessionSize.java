package app.roundtable.store;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import java.util.function.IntSupplier;

/**
 * How large one session may grow, in the bytes of its {@link SessionCodec} form (the whole
 * session: archived board rounds, private parts and all). Every store asks this one class, on
 * the bytes it is about to write, so memory, SQLite, Redis and Redis Cluster refuse the same
 * change: an applied outcome that would take the session past the cap comes back as {@code
 * limit_exceeded} and nothing is written or published.
 *
 * <p>Why bytes and not only counts: each count the contract sets is small, but together (ten
 * archived rounds of full boards of 280-character emoji ideas) they allowed 2.5 MB per session,
 * and the in-process stores hold every session they serve on the heap.
 *
 * <p>A session at the cap must still work: people reconnect (presence grows by a node id), raise
 * hands, run the timer. So a change that grows it by at most {@link #SMALL_CHANGE_BYTES} may still
 * use a {@link #RESERVE_BYTES} reserve above the cap, and a change that does not grow it is always
 * allowed; large changes (an idea, an archived round, a commitment with its note) are what stop.
 */
public final class SessionSize {
  /**
   * The default cap: about ten times a realistic full meeting (12 members, three board rounds of 40
   * ideas, 24 commitments with notes: 27 KB, SessionSizeTest), and a tenth of what the counts alone
   * allowed (docs/deploy.md "Memory").
   */
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;
  /** Above the cap, room for the small changes that keep a full session running. */
  public static final int RESERVE_BYTES = 16 * 1024;
  /** The most a change may add to use the reserve: presence, a hand, a timer, a short rename. */
  public static final int SMALL_CHANGE_BYTES = 512;
  public static final SessionSize DEFAULT = new SessionSize(DEFAULT_MAX_BYTES);

  private final int maxBytes;

  public SessionSize(int maxBytes) {
    if (maxBytes < 4096) throw new IllegalArgumentException("the session size cap must be at least 4 KiB, got " + maxBytes);
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Whether a session now {@code before} bytes may become {@code after} bytes; {@code before} is
   * asked only for a session past the cap (a store that does not keep sizes encodes it then).
   */
  public boolean allows(IntSupplier before, int after) {
    if (after <= maxBytes) return true;
    int was = before.getAsInt();
    if (after <= was) return true;
    return after <= maxBytes + RESERVE_BYTES && after - was <= SMALL_CHANGE_BYTES;
  }

  /** What the member is told instead; the session stays as it was. */
  public Outcome.Refused refusal() {
    return new Outcome.Refused(Refusal.of(Reason.LIMIT_EXCEEDED, "This session holds as much as one session may ("
        + maxBytes / 1024 + " KiB). Delete ideas or commitments, or carry on in a follow-up session."));
  }

  @Override
  public String toString() {
    return maxBytes / 1024 + " KiB";
  }
}

package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;

/**
 * When a session is planned to meet (PROTOCOL.md v1.2 "Between the sessions"): a start on the
 * server clock and a length. {@code sequence} counts the moves, so a calendar that imported the
 * event takes a moved date as an update of the same event rather than a second one.
 */
public final class Schedule {
  /** Shorter than a check-in round and a close is not a meeting; longer than a working day is a mistake. */
  public static final int MIN_MINUTES = 15;
  public static final int MAX_MINUTES = 480;
  /** A date a little in the past is allowed: "we start now" from a clock a few minutes behind. */
  public static final long PAST_SLACK_MS = 3_600_000L;
  /** Peer groups meet weeks apart, not years: beyond this a date is a typo. */
  public static final long AHEAD_MS = 366L * 24 * 3_600_000L;

  public long at;
  public int minutes;
  /** 0 when first planned, one more per move. */
  public int sequence;

  public Schedule() {}

  public Schedule(long at, int minutes, int sequence) {
    this.at = at;
    this.minutes = minutes;
    this.sequence = sequence;
  }

  public Schedule copy() {
    return new Schedule(at, minutes, sequence);
  }

  /**
   * What is wrong with a planned date and length, or null when they are fine. Both may be null (no
   * plan); a length without a date is refused, a date without a length takes {@code defaultMinutes}.
   */
  public static Refusal problem(Long at, Integer minutes, long now) {
    if (at == null) {
      return minutes == null ? null : Refusal.of(BAD_REQUEST, "Give the date ('at') along with the length.");
    }
    if (at < now - PAST_SLACK_MS || at > now + AHEAD_MS) {
      return Refusal.of(LIMIT_EXCEEDED, "The date must be between an hour ago and a year from now.");
    }
    if (minutes != null && (minutes < MIN_MINUTES || minutes > MAX_MINUTES)) {
      return Refusal.of(LIMIT_EXCEEDED,
          "The length must be between " + MIN_MINUTES + " and " + MAX_MINUTES + " minutes.");
    }
    return null;
  }

  /** The plan for {@code at} and {@code minutes} once {@link #problem} found none; null for no date. */
  public static Schedule planned(Long at, Integer minutes, int defaultMinutes) {
    if (at == null) return null;
    return new Schedule(at, minutes == null ? defaultMinutes : minutes, 0);
  }
}

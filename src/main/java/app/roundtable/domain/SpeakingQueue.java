package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

/** Who speaks now and who waits. {@link #waiting} is always kept in speaking order for the policy. */
public final class SpeakingQueue {
  public QueuePolicy policy = QueuePolicy.EQUAL;
  /** Advisory turn length; 0 means none. Clients show an overrun, nobody is cut off. */
  public int turnLimitSec;
  /** True while hands raised by {@code startRound} are still waiting. */
  public boolean round;
  /** Null when nobody has the floor. */
  public Speaker speaker;
  public List<Hand> waiting = new ArrayList<>();

  public SpeakingQueue copy() {
    SpeakingQueue q = new SpeakingQueue();
    q.policy = policy;
    q.turnLimitSec = turnLimitSec;
    q.round = round;
    q.speaker = speaker;
    q.waiting = new ArrayList<>(waiting);
    return q;
  }

  public boolean isWaiting(String memberId) {
    for (Hand h : waiting) if (h.memberId().equals(memberId)) return true;
    return false;
  }

  public record Speaker(String memberId, long startedAt) {}

  /**
   * A raised hand. {@code seq} breaks ties between equal raise times; {@code round} marks hands
   * raised by a round rather than by the member.
   */
  public record Hand(String memberId, long raisedAt, long seq, boolean round) {}
}

package app.roundtable.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Acks (and requests' answers) that wait for their version, for every connection of one event
 * loop. A command's reply from the store can come before the store delivers that version to the
 * loop; its ack then waits so the client sees the state before the ack that names it. It goes out with the delivery of its version,
 * or after {@link #MAX_WAIT_MS} (a lost publish: the client syncs on the gap). Normally empty, and
 * then costs one check per delivery. Runs on its event loop only.
 */
final class ParkedAcks {
  /** How long an ack may wait for its version before it goes out anyway. */
  static final long MAX_WAIT_MS = 2000;

  /** {@code frame}: the ack or answer, written when it was parked. */
  private record Parked(String frame, long version, long parkedAt) {}

  /** Where a connection's released acks go. */
  interface Receiver {
    /** The highest version this connection has been sent. */
    long sentVersion();

    void send(String frame);
  }

  private final Map<Receiver, List<Parked>> waiting = new HashMap<>();
  private final LongSupplier clock;

  ParkedAcks(LongSupplier clock) {
    this.clock = clock;
  }

  void park(Receiver to, String frame, long version) {
    waiting.computeIfAbsent(to, k -> new ArrayList<>(2)).add(new Parked(frame, version, clock.getAsLong()));
  }

  /** Sends {@code to}'s acks whose version it was sent, or that waited too long. */
  void release(Receiver to) {
    if (waiting.isEmpty()) return;
    List<Parked> acks = waiting.get(to);
    if (acks == null) return;
    long now = clock.getAsLong();
    long sent = to.sentVersion();
    acks.removeIf(a -> {
      boolean due = a.version <= sent || now - a.parkedAt > MAX_WAIT_MS;
      if (due) to.send(a.frame);
      return due;
    });
    if (acks.isEmpty()) waiting.remove(to);
  }

  /** The loop's periodic tick: acks whose version never came go out now. */
  void releaseStale() {
    for (Receiver to : new ArrayList<>(waiting.keySet())) release(to);
  }

  /** The connection is gone: its acks with it. */
  void forget(Receiver to) {
    waiting.remove(to);
  }
}

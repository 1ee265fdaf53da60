package app.roundtable.domain;

/**
 * The shared countdown. Server-authoritative and tick-free: a running timer is just its end time on
 * the server clock; reaching zero changes nothing, clients show the overrun.
 */
public final class Timer {
  public boolean running;
  public long durationMs;
  /** End on the server clock while running; null when paused or stopped. */
  public Long endsAt;
  /** Time left when the timer last started, paused or was reset. */
  public long remainingMs;

  public Timer copy() {
    Timer t = new Timer();
    t.running = running;
    t.durationMs = durationMs;
    t.endsAt = endsAt;
    t.remainingMs = remainingMs;
    return t;
  }
}

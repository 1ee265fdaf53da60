// Clock offset estimation from ping/pong (NTP-style, one sample per round
// trip). No DOM; time comes in as arguments.

/**
 * Keeps the most recent samples and answers the offset of the one with the
 * smallest round trip: its midpoint assumption has the smallest possible error
 * (at most half that round trip). A bounded window lets a drifting clock or a
 * changed network path replace an old good sample eventually.
 */
export class ClockOffset {
  /** @param {number} window how many recent samples to choose from */
  constructor(window = 8) {
    this.window = window;
    /** recent samples, oldest first: {offset, rtt} */
    this.samples = [];
  }

  /**
   * Records one exchange: the client sent at `sentAt` (its clock), the server
   * stamped `serverTime`, the answer arrived at `receivedAt` (client clock).
   * Returns the sample, or null when the times are impossible.
   */
  add(sentAt, serverTime, receivedAt) {
    const sample = offsetSample(sentAt, serverTime, receivedAt);
    if (!sample) return null;
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
    return sample;
  }

  /** Best estimate of serverClock − clientClock in ms; 0 before any sample. */
  get offset() {
    const best = this.best();
    return best ? best.offset : 0;
  }

  /** The sample with the smallest round trip, or null. */
  best() {
    let best = null;
    for (const s of this.samples) if (!best || s.rtt < best.rtt) best = s;
    return best;
  }

  /** Server time now, given the client clock now. */
  serverNow(clientNow) { return clientNow + this.offset; }
}

/** One offset sample: the server stamped its time halfway through the round trip. */
export function offsetSample(sentAt, serverTime, receivedAt) {
  if (![sentAt, serverTime, receivedAt].every(Number.isFinite)) return null;
  const rtt = receivedAt - sentAt;
  if (rtt < 0) return null;
  return { offset: Math.round(serverTime - (sentAt + rtt / 2)), rtt };
}

// The taps a person made that the server has not answered yet, across
// reconnects. A tap made while the socket is down waits here and goes out
// after the resume's welcome; a tap that was on the wire when the socket
// dropped goes out again with the same id (the server never applies one id
// twice for a member: it acks the repeat with the version it already made).
// Every tap is answered exactly once: by its ack or error, or — when the
// connection does not come back in time — by a refusal the page shows.
//
// Bounded: at most `limit` taps wait, each at most `waitMs` for a socket and
// `answerMs` for an answer once sent. No DOM, no socket: the Connection drives it.

import { ClientErrorCode } from './protocol.js';

export class Outbox {
  /**
   * @param {{setTimeout, clearTimeout}} timers
   * @param {{limit?: number, waitMs?: number, answerMs?: number, onChange?: (waiting: number) => void}} [o]
   */
  constructor(timers, { limit = 10, waitMs = 30000, answerMs = 8000, onChange = () => {} } = {}) {
    this.timers = timers;
    this.limit = limit;
    this.waitMs = waitMs;
    this.answerMs = answerMs;
    this.onChange = onChange;
    /**
     * id → {command, resolve, reject, timer, sent, maybeApplied}, in tap order. `sent`: on the
     * current socket, awaiting its answer; `maybeApplied`: it reached an earlier socket, so if it
     * never gets answered its outcome is unknown rather than "not sent".
     */
    this.entries = new Map();
  }

  get size() { return this.entries.size; }

  /** How many taps wait for a socket (not yet sent on the current one). */
  waiting() {
    let n = 0;
    for (const e of this.entries.values()) if (!e.sent) n += 1;
    return n;
  }

  /** Takes a tap; false (and nothing kept) when `limit` taps already wait. */
  add(id, command, resolve, reject) {
    if (this.entries.size >= this.limit) return false;
    const entry = { command, resolve, reject, timer: null, sent: false, maybeApplied: false };
    this.entries.set(id, entry);
    this.waitForSocket(id, entry);
    this.onChange(this.waiting());
    return true;
  }

  /** The tap went out on the current socket: it now waits for its answer. */
  sent(id) {
    const e = this.entries.get(id);
    if (!e) return;
    this.timers.clearTimeout(e.timer);
    e.sent = true;
    e.maybeApplied = true;
    e.timer = this.timers.setTimeout(() => this.settle(id, { code: ClientErrorCode.NO_ANSWER }), this.answerMs);
    this.onChange(this.waiting());
  }

  /** [id, command] of every tap not on the current socket, oldest first: what to send after a welcome. */
  unsent() {
    return [...this.entries].filter(([, e]) => !e.sent).map(([id, e]) => [id, e.command]);
  }

  /** The socket dropped: every tap waits for the next one (answers on the old socket will never come). */
  socketLost() {
    for (const [id, e] of this.entries) {
      if (!e.sent) continue;
      e.sent = false;
      this.waitForSocket(id, e);
    }
    this.onChange(this.waiting());
  }

  waitForSocket(id, e) {
    this.timers.clearTimeout(e.timer);
    e.timer = this.timers.setTimeout(() => this.settle(id, {
      code: e.maybeApplied ? ClientErrorCode.CONNECTION_LOST : ClientErrorCode.NOT_CONNECTED,
    }), this.waitMs);
  }

  /** Answers the tap `id`: rejects with `error`, or resolves with `ack`. False when no such tap waits. */
  settle(id, error, ack) {
    if (!id || !this.entries.has(id)) return false;
    const e = this.entries.get(id);
    this.entries.delete(id);
    this.timers.clearTimeout(e.timer);
    if (error) e.reject(error); else e.resolve(ack);
    this.onChange(this.waiting());
    return true;
  }

  /**
   * Answers taps at once: `answer(command, {sent, maybeApplied})` gives {error} or {ack} for a
   * tap, or null to leave it waiting (so the end of a session can resolve its own `endSession`
   * and refuse the rest).
   */
  settleAll(answer) {
    for (const [id, e] of [...this.entries]) {
      const a = answer(e.command, { sent: e.sent, maybeApplied: e.maybeApplied });
      if (a) this.settle(id, a.error, a.ack);
    }
  }
}

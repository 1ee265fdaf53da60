// One member's (or display's) link to a session: opens the socket, joins or
// resumes, pings to keep the clock offset fresh, reconnects with backoff after
// a drop, and stops for good when the session ends or the member is removed.
//
// Everything from the outside world is injected — the WebSocket constructor,
// timers, the clock, randomness and storage — so tests drive it with a fake
// socket and fake time. Single-threaded like every browser script: handlers
// run one at a time, and a handler from a replaced socket is ignored.

import { cmd, decode, encode, Command, ErrorCode, ClientErrorCode, Message, CloseReason } from './protocol.js';
import { ClockOffset } from './clock.js';
import { Outbox } from './outbox.js';

export const Status = Object.freeze({
  /** opening the first socket */
  CONNECTING: 'connecting',
  /** joined; commands flow */
  LIVE: 'live',
  /** dropped; waiting `delayMs` before attempt number `attempt` */
  RECONNECTING: 'reconnecting',
  /** no resume token and no name: the page must ask for a name, then call start() */
  NEEDS_NAME: 'needs-name',
  /** the session ended (closed ended, or session_ended on join); no more reconnects */
  ENDED: 'ended',
  /** the facilitator removed this member; no more reconnects */
  REMOVED: 'removed',
  /** the facilitator deleted the session (closed deleted); nothing is left to reconnect to */
  DELETED: 'deleted',
  /** the facilitator removed this display (closed display-removed); it does not reconnect by itself */
  DISPLAY_REMOVED: 'display-removed',
  /** the join was refused for good (`code` says why: unknown_session, session_full, …) */
  FAILED: 'failed',
});

/** Code used when a command's outcome is unknown because the socket dropped before the answer. */
export const CONNECTION_LOST = ClientErrorCode.CONNECTION_LOST;

/** Join refusals that no retry will fix. */
const FINAL_JOIN_ERRORS = new Set([
  ErrorCode.UNKNOWN_SESSION, ErrorCode.SESSION_FULL, ErrorCode.BAD_REQUEST, ErrorCode.FORBIDDEN,
  ErrorCode.LIMIT_EXCEEDED, ErrorCode.ROOM_LOCKED,
]);

/**
 * Delay before reconnect attempt `attempt` (1-based): exponential from
 * `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed, half random) so
 * a room of phones that lost the same Wi-Fi does not come back in lockstep.
 */
export function backoffDelay(attempt, { baseMs = 500, maxMs = 15000 } = {}, random = Math.random) {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * 64 random bits as 16 hex digits, from crypto.getRandomValues where there is one (browsers, Node),
 * otherwise from `random` four 16-bit pieces at a time.
 */
export function randomIdPrefix(random = Math.random, crypto = globalThis.crypto) {
  const words = new Uint16Array(4);
  if (crypto && crypto.getRandomValues) crypto.getRandomValues(words);
  else for (let i = 0; i < 4; i++) words[i] = Math.floor(random() * 0x10000);
  return [...words].map((w) => w.toString(16).padStart(4, '0')).join('');
}

/** ws:// or wss:// URL of the socket endpoint for a page at `location`. */
export function socketUrl(location) {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export class Connection {
  /**
   * @param {object} o
   * @param {string} o.url socket URL
   * @param {string} o.code session code
   * @param {{display?: boolean, name?: string, key?: string|null}} o.identity how to join when there is no resume token
   * @param {import('./storage.js').BrowserMemory} o.memory where resume tokens live
   * @param {Function} o.WebSocket constructor taking a URL
   * @param {{setTimeout, clearTimeout, setInterval, clearInterval}} [o.timers]
   * @param {() => number} [o.now] client clock, ms
   * @param {() => number} [o.random]
   * @param {number} [o.pingIntervalMs]
   * @param {{baseMs: number, maxMs: number}} [o.backoff]
   * @param {{limit: number, waitMs: number}} [o.outbox] how many taps may wait for the socket, and how long
   */
  constructor(o) {
    this.url = o.url;
    this.code = o.code;
    this.identity = { ...(o.identity || {}) };
    this.memory = o.memory;
    this.WebSocket = o.WebSocket;
    this.timers = o.timers || globalThis;
    this.now = o.now || (() => Date.now());
    this.random = o.random || Math.random;
    this.pingIntervalMs = o.pingIntervalMs || 10000;
    /** a request() the server has not answered by then is settled as `no_answer` (the server promises 2 s) */
    this.requestTimeoutMs = o.requestTimeoutMs || 8000;
    this.backoff = o.backoff || { baseMs: 500, maxMs: 15000 };

    /** clock offset estimate (server − client) */
    this.clock = new ClockOffset();
    /** current Status and its details ({attempt, delayMs} or {code}) */
    this.status = null;
    this.statusDetail = {};
    /** the socket in use; handlers of any other socket are ignored */
    this.ws = null;
    /** a welcome arrived on the current socket */
    this.joined = false;
    /** reconnect attempts since the last welcome */
    this.attempt = 0;
    /** true once the session ended, the member was removed or the join failed for good */
    this.finished = false;
    this.reconnectTimer = null;
    this.pingTimer = null;
    /** pings sent and not answered yet; two in a row unanswered means the link is dead */
    this.unansweredPings = 0;
    /** the join on the current socket was a resume */
    this.joinedByResume = false;
    this.joinSentAt = 0;
    /**
     * 64 random bits chosen once per page load: with the counter, every command id is unique for
     * the member's whole life in the session (the server never applies one id twice).
     */
    this.idPrefix = o.idPrefix || randomIdPrefix(this.random);
    this.seq = 0;
    /** memberId of the last welcome in this page load; undefined before the first */
    this.memberId = undefined;
    /** request()s not answered yet, kept across reconnects */
    this.outbox = new Outbox(this.timers, { ...(o.outbox || {}), answerMs: this.requestTimeoutMs,
      onChange: (waiting) => this.emit('outbox', waiting),
      // A follow-up is made once: one whose answer was lost is not asked for again behind anyone's back.
      repeatable: (command) => command.type !== Command.CREATE_FOLLOW_UP });
    this.handlers = { status: new Set(), message: new Set(), refusal: new Set(), clock: new Set(), outbox: new Set() };
  }

  /**
   * Subscribes to 'status' (status, detail), 'message' (msg), 'refusal' (error msg), 'clock'
   * (offset) or 'outbox' (how many taps wait for the connection).
   */
  on(event, fn) {
    this.handlers[event].add(fn);
    return () => this.handlers[event].delete(fn);
  }

  emit(event, ...args) { for (const fn of this.handlers[event]) fn(...args); }

  setStatus(status, detail = {}) {
    this.status = status;
    this.statusDetail = detail;
    this.emit('status', status, detail);
  }

  /** Server time now by the best offset estimate. */
  serverNow() { return this.clock.serverNow(this.now()); }

  /** Opens the first socket (or the next one after NEEDS_NAME). */
  start() {
    if (this.finished) return;
    this.attempt = 0;
    this.open();
  }

  /** Supplies the name after NEEDS_NAME (or before start). */
  setName(name) { this.identity.name = name; }

  /** Skips the wait of a pending reconnect (e.g. the browser says it is online again). */
  reconnectNow() {
    if (this.finished || this.status !== Status.RECONNECTING) return;
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.open();
  }

  /**
   * The browser says the network is gone (window 'offline'): the socket cannot be trusted, so
   * drop it and show reconnecting now instead of waiting for two silent pings.
   */
  networkLost() {
    if (this.finished || !this.ws) return;
    this.lost();
  }

  /** Closes for good, without `leave` (a closed tab only marks the member offline). */
  stop() {
    this.finished = true;
    this.timers.clearTimeout(this.reconnectTimer);
    this.discardSocket();
  }

  open() {
    const resume = this.identity.display ? null : this.memory.resumeToken(this.code);
    if (!this.identity.display && !resume && !this.identity.name) {
      this.setStatus(Status.NEEDS_NAME);
      return;
    }
    this.setStatus(this.attempt === 0 ? Status.CONNECTING : Status.RECONNECTING,
      this.attempt === 0 ? {} : { attempt: this.attempt, delayMs: 0 });
    let ws;
    try {
      ws = new this.WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    this.joined = false;
    ws.onopen = () => { if (ws === this.ws) this.sendJoin(); };
    ws.onmessage = (ev) => { if (ws === this.ws) this.receive(ev.data); };
    ws.onclose = () => { if (ws === this.ws) this.lost(); };
    ws.onerror = () => { /* a close event always follows */ };
  }

  sendJoin() {
    const resume = this.identity.display ? null : this.memory.resumeToken(this.code);
    this.joinedByResume = !!resume;
    const join = this.identity.display
      ? cmd.join(this.code, { display: true, key: this.identity.key || undefined })
      : resume
        ? cmd.join(this.code, { resume })
        : cmd.join(this.code, {
          name: this.identity.name, key: this.identity.key || undefined,
          identity: this.memory.seriesIdentity() || undefined,
        });
    this.joinSentAt = this.now();
    this.rawSend(join);
  }

  receive(data) {
    const msg = decode(data);
    if (!msg) return;
    switch (msg.type) {
      case Message.WELCOME: {
        // Taps made as one member are never sent as another (a stale token made a new member).
        const sameMember = this.memberId === undefined || msg.memberId === this.memberId;
        this.memberId = msg.memberId;
        this.joined = true;
        this.attempt = 0;
        if (msg.resume) this.memory.setResumeToken(this.code, msg.resume);
        this.addClockSample(this.joinSentAt, msg.serverTime, this.now());
        this.startPinging();
        // State first, then the status: a page that shows itself on LIVE has something to show.
        this.emit('message', msg);
        this.setStatus(Status.LIVE);
        if (sameMember) this.flushOutbox(); else this.refuseOutbox();
        return;
      }
      case Message.PONG:
        this.unansweredPings = 0;
        this.addClockSample(msg.t, msg.serverTime, this.now());
        return;
      case Message.CLOSED:
        if (msg.reason === CloseReason.REMOVED || msg.reason === CloseReason.DELETED) this.memory.setResumeToken(this.code, null);
        // Any other reason (an older or newer server's) ends the session for this page.
        this.finish(msg.reason === CloseReason.REMOVED ? Status.REMOVED
          : msg.reason === CloseReason.DELETED ? Status.DELETED
            : msg.reason === CloseReason.DISPLAY_REMOVED ? Status.DISPLAY_REMOVED : Status.ENDED);
        return;
      case Message.ERROR:
        if (!this.joined) { this.joinRefused(msg); return; }
        // A refusal of a request() goes to its caller; any other one to 'refusal' listeners.
        if (this.outbox.settle(msg.id, msg)) return;
        // A store failure that names no command (an older server's) may be any sent one's:
        // they all fail with it, their outcome unknown, rather than wait forever.
        if (!msg.id && msg.code === ErrorCode.UNAVAILABLE) this.outbox.settleAll((c, e) => (e.sent ? { error: msg } : null));
        this.emit('refusal', msg);
        return;
      case Message.ACK:
      case Message.SUMMARY:
      case Message.FOLLOW_UP:
        // A request's own answer (v1.2) settles it as an ack would: request() resolves with it.
        this.outbox.settle(msg.id, null, msg);
        this.emit('message', msg);
        return;
      default:
        this.emit('message', msg);
    }
  }

  joinRefused(msg) {
    if (msg.code === ErrorCode.NOT_FOUND && this.joinedByResume) {
      // The token is unknown, expired, or the member was removed: start over as someone new.
      this.memory.setResumeToken(this.code, null);
      if (this.identity.name) { this.sendJoin(); return; }
      this.discardSocket();
      this.refuseOutbox();
      this.setStatus(Status.NEEDS_NAME);
      return;
    }
    if (msg.code === ErrorCode.SESSION_ENDED) { this.finish(Status.ENDED); return; }
    if (FINAL_JOIN_ERRORS.has(msg.code)) { this.finish(Status.FAILED, { code: msg.code }); return; }
    // unavailable, rate_limited, internal, …: worth another try later.
    this.discardSocket();
    this.scheduleReconnect();
  }

  finish(status, detail = {}) {
    this.finished = true;
    this.timers.clearTimeout(this.reconnectTimer);
    this.discardSocket();
    // The end is the answer to `endSession` (whether or not its ack came first); every other tap
    // is refused with the reason the banner gives (`final`: the page need not say it twice).
    const ended = status === Status.ENDED;
    this.outbox.settleAll((command) => (ended && command.type === Command.END_SESSION
      ? { ack: { type: Message.ACK, id: command.id, v: null } }
      : { error: { code: ended ? ErrorCode.SESSION_ENDED : ClientErrorCode.NOT_CONNECTED, final: true } }));
    this.setStatus(status, detail);
  }

  /** Sends every waiting tap on the socket just joined, oldest first, each with its own id. */
  flushOutbox() {
    for (const [id, command] of this.outbox.unsent()) {
      if (!this.rawSend(command)) return;
      this.outbox.sent(id);
    }
  }

  /** Refuses every waiting tap: those that reached the server earlier have an unknown outcome. */
  refuseOutbox() {
    this.outbox.settleAll((c, e) => ({ error: { code: e.maybeApplied ? CONNECTION_LOST : ClientErrorCode.NOT_CONNECTED } }));
  }

  lost() {
    this.discardSocket();
    if (!this.finished) this.scheduleReconnect();
  }

  /** Forgets the current socket: stops its pings, keeps its unanswered taps for the next one, closes it quietly. */
  discardSocket() {
    const ws = this.ws;
    this.ws = null;
    this.joined = false;
    this.timers.clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.unansweredPings = 0;
    this.outbox.socketLost();
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try { ws.close(); } catch { /* already closed */ }
    }
  }

  scheduleReconnect() {
    this.attempt += 1;
    const delayMs = backoffDelay(this.attempt, this.backoff, this.random);
    this.setStatus(Status.RECONNECTING, { attempt: this.attempt, delayMs });
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.finished) this.open();
    }, delayMs);
  }

  startPinging() {
    this.timers.clearInterval(this.pingTimer);
    this.unansweredPings = 0;
    this.ping();
    this.pingTimer = this.timers.setInterval(() => this.ping(), this.pingIntervalMs);
  }

  ping() {
    if (this.unansweredPings >= 2) {
      // Half-open sockets can stay "open" for minutes; two silent pings are enough to call it.
      this.lost();
      return;
    }
    this.unansweredPings += 1;
    this.rawSend(cmd.ping(this.now()));
  }

  addClockSample(sentAt, serverTime, receivedAt) {
    if (this.clock.add(sentAt, serverTime, receivedAt)) this.emit('clock', this.clock.offset);
  }

  rawSend(command) {
    if (!this.ws) return false;
    try {
      this.ws.send(encode(command));
      return true;
    } catch {
      return false;
    }
  }

  /** The next command id: this page load's random prefix and a counter. */
  nextId() { return `${this.idPrefix}-${++this.seq}`; }

  /**
   * Sends a command once joined, without waiting for its answer (sync). Returns its id, or null
   * when not connected: nothing is queued behind anyone's back.
   */
  send(command) {
    if (!this.joined) return null;
    const id = command.id || this.nextId();
    return this.rawSend({ ...command, id }) ? id : null;
  }

  /**
   * Sends a person's tap and resolves with its `ack`, or rejects with the `error` message
   * ({code, message}). A tap made while the page reconnects waits (see Outbox) and goes out
   * after the resume; one that cannot be sent in time rejects with {code: 'not_connected'}, one
   * whose socket dropped before its answer and did not come back with {code: 'connection_lost'}
   * (its outcome unknown), one the server never answered with {code: 'no_answer'}. A page that
   * never joined refuses at once.
   */
  request(command) {
    return new Promise((resolve, reject) => {
      if (this.finished || (!this.joined && this.memberId === undefined)) {
        reject({ code: ClientErrorCode.NOT_CONNECTED });
        return;
      }
      const id = command.id || this.nextId();
      const withId = { ...command, id };
      if (!this.outbox.add(id, withId, resolve, reject)) { reject({ code: ClientErrorCode.NOT_CONNECTED }); return; }
      if (this.joined && this.rawSend(withId)) this.outbox.sent(id);
    });
  }
}

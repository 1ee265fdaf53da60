// Client-side copy of the session: the public state and this member's private
// `you`, kept in version order. No DOM, no socket: `apply` says when to sync.

import { Message } from './protocol.js';

export class SessionCopy {
  constructor() {
    /** version of the public state held; -1 before the first welcome */
    this.v = -1;
    /** public state (PROTOCOL "Public state"), null before the first welcome */
    this.state = null;
    /** private view of this member; null for a display */
    this.you = null;
    /** version the held `you` was sent at, so an older one never replaces it */
    this.youV = -1;
    /** null for a display */
    this.memberId = null;
    /** a sync was asked for and its answer has not come yet (no second sync meanwhile) */
    this.syncPending = false;
    this.listeners = new Set();
  }

  /** Calls `fn(store)` after every change; returns an unsubscribe function. */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Takes one decoded server message. Returns {changed, sync}: `changed` when
   * the state or `you` moved, `sync` when the caller must send a `sync`
   * command because versions were skipped.
   *
   * A `state` at or below the held version is stale and ignored. A `state`
   * more than one ahead is a gap: it is still a whole snapshot, so it is
   * taken (the freshest truth there is), but `you` may have missed a change,
   * so the store asks for a sync — once, until the answer arrives.
   */
  apply(msg) {
    const result = { changed: false, sync: false };
    if (!msg) return result;
    switch (msg.type) {
      case Message.WELCOME:
        this.v = msg.v;
        this.state = msg.state;
        this.memberId = msg.memberId == null ? null : msg.memberId;
        this.you = msg.you || null;
        this.youV = msg.v;
        this.syncPending = false;
        result.changed = true;
        break;
      case Message.STATE: {
        if (this.state === null) break; // not joined yet: the welcome will carry it
        const answersSync = this.syncPending;
        this.syncPending = false;
        if (msg.v <= this.v) break;
        if (msg.v !== this.v + 1 && !answersSync) {
          this.syncPending = true;
          result.sync = true;
        }
        this.v = msg.v;
        this.state = msg.state;
        result.changed = true;
        break;
      }
      case Message.YOU:
        if (this.state === null || msg.v < this.youV) break;
        this.youV = msg.v;
        this.you = msg.you;
        result.changed = true;
        break;
      default:
        break;
    }
    if (result.changed) for (const fn of this.listeners) fn(this);
    return result;
  }

  /** Marks a sync as sent by someone else (e.g. after an `unavailable` refusal). */
  noteSyncSent() { this.syncPending = true; }

  get facilitator() { return !!(this.you && this.you.facilitator); }
}

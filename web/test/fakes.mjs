// Test doubles: a scripted WebSocket, manual timers and a Map-backed storage.

export class FakeSocket {
  static instances = [];
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.closed = false;
    FakeSocket.instances.push(this);
  }
  send(text) {
    if (this.closed) throw new Error('send on closed socket');
    this.sent.push(JSON.parse(text));
  }
  close() { this.closed = true; }
  // driving from the test
  open() { this.onopen && this.onopen({}); }
  receive(obj) { this.onmessage && this.onmessage({ data: JSON.stringify(obj) }); }
  drop() { this.closed = true; this.onclose && this.onclose({ code: 1006 }); }
  last() { return this.sent[this.sent.length - 1]; }
  ofType(type) { return this.sent.filter((m) => m.type === type); }
  static reset() { FakeSocket.instances = []; }
  static latest() { return FakeSocket.instances[FakeSocket.instances.length - 1]; }
}

export class ManualTime {
  constructor(start = 1_000_000) {
    this.t = start;
    this.nextId = 1;
    this.tasks = new Map();
  }
  now = () => this.t;
  setTimeout = (fn, ms) => { const id = this.nextId++; this.tasks.set(id, { fn, at: this.t + ms }); return id; };
  clearTimeout = (id) => { this.tasks.delete(id); };
  setInterval = (fn, ms) => { const id = this.nextId++; this.tasks.set(id, { fn, at: this.t + ms, every: ms }); return id; };
  clearInterval = (id) => { this.tasks.delete(id); };
  /** Moves the clock forward, running due tasks in time order. */
  advance(ms) {
    const end = this.t + ms;
    for (;;) {
      let next = null;
      for (const [id, task] of this.tasks) if (task.at <= end && (!next || task.at < next[1].at)) next = [id, task];
      if (!next) break;
      const [id, task] = next;
      this.t = task.at;
      if (task.every) task.at += task.every; else this.tasks.delete(id);
      task.fn();
    }
    this.t = end;
  }
  pending() { return this.tasks.size; }
}

export class MapStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

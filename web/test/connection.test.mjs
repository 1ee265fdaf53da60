import test from 'node:test';
import assert from 'node:assert/strict';
import { Connection, Status, backoffDelay, socketUrl } from '../js/connection.js';
import { createSessionClient } from '../js/session-client.js';
import { BrowserMemory } from '../js/storage.js';
import { FakeSocket, ManualTime, MapStorage } from './fakes.mjs';

const welcome = (extra = {}) => ({ type: 'welcome', memberId: 'm1', resume: 'tok-1', serverTime: 0, v: 3,
  state: { title: 'T', members: [] }, you: { memberId: 'm1', facilitator: false }, ...extra });

function setup({ identity = { name: 'Ana' }, storage = new MapStorage(), client = false } = {}) {
  FakeSocket.reset();
  const time = new ManualTime(1_000_000);
  const memory = new BrowserMemory(storage);
  const options = {
    url: 'ws://h/ws', code: 'abc', identity, memory, WebSocket: FakeSocket,
    timers: time, now: time.now, random: () => 0.5, pingIntervalMs: 10_000,
    backoff: { baseMs: 1000, maxMs: 8000 },
  };
  const statuses = [];
  if (client) {
    const c = createSessionClient(options);
    c.connection.on('status', (s, d) => statuses.push([s, d]));
    return { time, memory, storage, statuses, conn: c.connection, client: c };
  }
  const conn = new Connection(options);
  conn.on('status', (s, d) => statuses.push([s, d]));
  return { time, memory, storage, statuses, conn };
}

test('joins with a name, stores the resume token, goes live', () => {
  const { conn, memory, statuses } = setup({ identity: { name: 'Ana', key: 'K' } });
  conn.start();
  const ws = FakeSocket.latest();
  assert.equal(ws.url, 'ws://h/ws');
  assert.equal(statuses.at(-1)[0], Status.CONNECTING);
  ws.open();
  assert.deepEqual(ws.sent[0], { type: 'join', code: 'abc', name: 'Ana', key: 'K', identity: memory.seriesIdentity() });
  assert.match(ws.sent[0].identity, /^[0-9a-f]{32}$/);
  ws.receive(welcome());
  assert.equal(memory.resumeToken('abc'), 'tok-1');
  assert.equal(statuses.at(-1)[0], Status.LIVE);
});

test('resumes with a stored token instead of the name', () => {
  const { conn, memory } = setup({ identity: { name: 'Ana', key: 'K' } });
  memory.setResumeToken('abc', 'old');
  conn.start();
  FakeSocket.latest().open();
  assert.deepEqual(FakeSocket.latest().sent[0], { type: 'join', code: 'abc', resume: 'old' });
});

test('no token and no name: asks for a name without opening a socket', () => {
  const { conn, statuses } = setup({ identity: {} });
  conn.start();
  assert.equal(FakeSocket.instances.length, 0);
  assert.equal(statuses.at(-1)[0], Status.NEEDS_NAME);
  conn.setName('Bo');
  conn.start();
  FakeSocket.latest().open();
  assert.equal(FakeSocket.latest().sent[0].name, 'Bo');
});

test('a display joins with the display role and keeps no token', () => {
  const { conn, storage } = setup({ identity: { display: true } });
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  assert.deepEqual(ws.sent[0], { type: 'join', code: 'abc', role: 'display' });
  ws.receive(welcome({ memberId: null, resume: null, you: null }));
  assert.equal(storage.map.size, 0);
});

test('an unknown resume token falls back to joining by name on the same socket', () => {
  const { conn, memory } = setup({ identity: { name: 'Ana' } });
  memory.setResumeToken('abc', 'stale');
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive({ type: 'error', code: 'not_found', message: 'unknown resume token' });
  assert.equal(memory.resumeToken('abc'), null);
  assert.deepEqual(ws.last(), { type: 'join', code: 'abc', name: 'Ana', identity: memory.seriesIdentity() });
});

test('an unknown resume token without a name asks for one', () => {
  const { conn, memory, statuses } = setup({ identity: {} });
  memory.setResumeToken('abc', 'stale');
  conn.start();
  FakeSocket.latest().open();
  FakeSocket.latest().receive({ type: 'error', code: 'not_found', message: '' });
  assert.equal(statuses.at(-1)[0], Status.NEEDS_NAME);
  assert.equal(FakeSocket.latest().closed, true);
});

test('pings right after welcome and every interval; offset from the fastest sample', () => {
  const { conn, time } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  time.advance(400); // slow join round trip
  ws.receive(welcome({ serverTime: 5_000_000 }));
  const first = ws.last();
  assert.equal(first.type, 'ping');
  assert.equal(first.t, 1_000_400);
  time.advance(20);
  ws.receive({ type: 'pong', t: first.t, serverTime: first.t + 4_000_010 });
  assert.equal(conn.clock.offset, 4_000_000);
  time.advance(10_000);
  const second = ws.last();
  assert.equal(second.type, 'ping');
  time.advance(300);
  ws.receive({ type: 'pong', t: second.t, serverTime: second.t + 4_000_500 }); // worse rtt, ignored
  assert.equal(conn.clock.offset, 4_000_000);
  assert.equal(conn.serverNow(), time.now() + 4_000_000);
  assert.equal(ws.ofType('ping').length, 2);
});

test('drops and reconnects with growing backoff, then resumes as the same member', () => {
  const { conn, time, statuses } = setup();
  conn.start();
  let ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  ws.drop();
  assert.deepEqual(statuses.at(-1), [Status.RECONNECTING, { attempt: 1, delayMs: 750 }]);
  time.advance(749);
  assert.equal(FakeSocket.instances.length, 1);
  time.advance(1);
  assert.equal(FakeSocket.instances.length, 2);
  FakeSocket.latest().drop(); // server still down
  assert.deepEqual(statuses.at(-1), [Status.RECONNECTING, { attempt: 2, delayMs: 1500 }]);
  time.advance(1500);
  ws = FakeSocket.latest();
  ws.open();
  assert.deepEqual(ws.sent[0], { type: 'join', code: 'abc', resume: 'tok-1' });
  ws.receive(welcome({ resume: 'tok-1' }));
  assert.equal(statuses.at(-1)[0], Status.LIVE);
  ws.drop();
  assert.equal(statuses.at(-1)[1].attempt, 1, 'attempts start over after a welcome');
});

test('backoff is capped and jittered', () => {
  const cfg = { baseMs: 1000, maxMs: 8000 };
  assert.equal(backoffDelay(1, cfg, () => 0), 500);
  assert.equal(backoffDelay(1, cfg, () => 1), 1000);
  assert.equal(backoffDelay(4, cfg, () => 1), 8000);
  assert.equal(backoffDelay(30, cfg, () => 0), 4000);
});

test('two unanswered pings count as a dead link', () => {
  const { conn, time, statuses } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  time.advance(10_000);
  assert.equal(ws.ofType('ping').length, 2);
  time.advance(10_000);
  assert.equal(ws.closed, true);
  assert.equal(statuses.at(-1)[0], Status.RECONNECTING);
});

test('the browser going offline drops the socket at once; a later online skips the wait', () => {
  const { conn, statuses } = setup();
  conn.networkLost(); // nothing open yet: nothing to do
  assert.equal(statuses.length, 0);
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  conn.networkLost();
  assert.equal(ws.closed, true);
  assert.deepEqual(statuses.at(-1), [Status.RECONNECTING, { attempt: 1, delayMs: 750 }]);
  conn.networkLost(); // already reconnecting: no second drop
  assert.equal(statuses.at(-1)[1].attempt, 1);
  conn.reconnectNow();
  assert.equal(FakeSocket.instances.length, 2);
  FakeSocket.latest().open();
  assert.deepEqual(FakeSocket.latest().sent[0], { type: 'join', code: 'abc', resume: 'tok-1' });
});

test('closed ended stops for good', () => {
  const { conn, time, statuses } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  ws.receive({ type: 'closed', reason: 'ended' });
  ws.drop();
  time.advance(120_000);
  assert.equal(FakeSocket.instances.length, 1);
  assert.equal(statuses.at(-1)[0], Status.ENDED);
  assert.equal(time.pending(), 0, 'no ping or reconnect timers left');
});

test('closed removed stops and forgets the resume token', () => {
  const { conn, memory, time, statuses } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  ws.receive({ type: 'closed', reason: 'removed' });
  time.advance(120_000);
  assert.equal(statuses.at(-1)[0], Status.REMOVED);
  assert.equal(memory.resumeToken('abc'), null);
  assert.equal(FakeSocket.instances.length, 1);
});

test('a display brings the facilitator key it was given; a removed display stays off', () => {
  const { conn, time, statuses } = setup({ identity: { display: true, key: 'K' } });
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  assert.deepEqual(ws.sent[0], { type: 'join', code: 'abc', role: 'display', key: 'K' });
  ws.receive(welcome({ memberId: null, displayId: 'd1', resume: null, you: null }));
  ws.receive({ type: 'closed', reason: 'display-removed' });
  time.advance(120_000);
  assert.equal(statuses.at(-1)[0], Status.DISPLAY_REMOVED);
  assert.equal(FakeSocket.instances.length, 1, 'no reconnect by itself');
});

test('final join refusals stop; unavailable retries', () => {
  for (const [code, status] of [['unknown_session', Status.FAILED], ['session_full', Status.FAILED], ['limit_exceeded', Status.FAILED], ['room_locked', Status.FAILED], ['session_ended', Status.ENDED]]) {
    const { conn, time, statuses } = setup();
    conn.start();
    FakeSocket.latest().open();
    FakeSocket.latest().receive({ type: 'error', code, message: '' });
    time.advance(60_000);
    assert.equal(statuses.at(-1)[0], status, code);
    assert.equal(FakeSocket.instances.length, 1, code);
  }
  const { conn, time } = setup();
  conn.start();
  FakeSocket.latest().open();
  FakeSocket.latest().receive({ type: 'error', code: 'unavailable', message: '' });
  time.advance(60_000);
  assert.equal(FakeSocket.instances.length, 2);
});

test('commands go out only when joined, with ids; request settles on ack or error', async () => {
  const { conn } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  assert.equal(conn.send({ type: 'raiseHand' }), null);
  ws.receive(welcome());
  const p1 = conn.request({ type: 'raiseHand' });
  const id1 = ws.last().id;
  ws.receive({ type: 'ack', id: id1, v: 4 });
  assert.deepEqual(await p1, { type: 'ack', id: id1, v: 4 });
  const p2 = conn.request({ type: 'nextSpeaker' });
  ws.receive({ type: 'error', id: ws.last().id, code: 'forbidden', message: 'no' });
  await assert.rejects(p2, { code: 'forbidden' });
});

test('a request (v1.2) settles on its own answer: summary, followUp', async () => {
  const { conn } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  const asked = conn.request({ type: 'getSummary', format: 'markdown' });
  const answer = { type: 'summary', id: ws.last().id, format: 'markdown', body: '# Peers' };
  ws.receive(answer);
  assert.deepEqual(await asked, answer);
  const created = conn.request({ type: 'createFollowUp' });
  const made = { type: 'followUp', id: ws.last().id, code: 'n', joinUrl: 'https://x/s/n', displayUrl: 'https://x/d/n', facilitatorKey: 'K' };
  ws.receive(made);
  assert.deepEqual(await created, made);
  assert.equal(conn.outbox.size, 0);
});

test('a page that never joined refuses a tap at once', async () => {
  const { conn } = setup();
  conn.start();
  FakeSocket.latest().open();
  await assert.rejects(conn.request({ type: 'raiseHand' }), { code: 'not_connected' });
  assert.equal(conn.outbox.size, 0);
});

test('refusals without a waiting request reach refusal listeners', () => {
  const { conn } = setup();
  const seen = [];
  conn.on('refusal', (e) => seen.push(e.code));
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  conn.send({ type: 'raiseHand' });
  ws.receive({ type: 'error', id: ws.last().id, code: 'rate_limited', message: '' });
  assert.deepEqual(seen, ['rate_limited']);
});

test('session client: a version gap sends one sync', () => {
  const { conn, client } = setup({ client: true });
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome({ v: 3 }));
  ws.receive({ type: 'state', v: 4, state: { title: 'T' } });
  assert.equal(ws.ofType('sync').length, 0);
  ws.receive({ type: 'state', v: 6, state: { title: 'T6' } });
  ws.receive({ type: 'state', v: 8, state: { title: 'T8' } });
  assert.equal(ws.ofType('sync').length, 1);
  assert.equal(client.store.state.title, 'T8');
});

test('session client: unavailable triggers a sync before any retry', async () => {
  const { conn, client } = setup({ client: true });
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  const p = client.request({ type: 'postIdea', text: 'x' });
  ws.receive({ type: 'error', id: ws.last().id, code: 'unavailable', message: '' });
  await assert.rejects(p, { code: 'unavailable' });
  assert.equal(ws.last().type, 'sync');
});

test('session client: an unavailable naming no command settles every pending request and syncs', async () => {
  const { conn, client } = setup({ client: true });
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  const first = client.request({ type: 'postIdea', text: 'x' });
  const second = client.request({ type: 'raiseHand' });
  ws.receive({ type: 'error', code: 'unavailable', message: 'storage' });
  await assert.rejects(first, { code: 'unavailable' });
  await assert.rejects(second, { code: 'unavailable' });
  assert.equal(conn.outbox.size, 0);
  assert.equal(ws.ofType('sync').length, 1);
});

test('session client: a request the server never answers settles as no_answer and syncs', async () => {
  const { conn, client, time } = setup({ client: true });
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  const p = client.request({ type: 'postIdea', text: 'x' });
  time.advance(7_999);
  assert.equal(conn.outbox.size, 1);
  time.advance(1);
  await assert.rejects(p, { code: 'no_answer' });
  assert.equal(ws.last().type, 'sync');
  // A late answer for it changes nothing and is not taken for someone else's.
  ws.receive({ type: 'ack', id: ws.ofType('postIdea')[0].id, v: 4 });
  assert.equal(conn.outbox.size, 0);
});

test('an answered request leaves no timer behind', async () => {
  const { conn, time } = setup();
  conn.start();
  const ws = FakeSocket.latest();
  ws.open();
  ws.receive(welcome());
  const p = conn.request({ type: 'raiseHand' });
  ws.receive({ type: 'ack', id: ws.last().id, v: 4 });
  await p;
  const before = time.tasks.size;
  time.advance(10_000);
  assert.ok(time.tasks.size <= before);
});

test('socket url follows the page scheme', () => {
  assert.equal(socketUrl({ protocol: 'https:', host: 'rt.example' }), 'wss://rt.example/ws');
  assert.equal(socketUrl({ protocol: 'http:', host: 'localhost:8080' }), 'ws://localhost:8080/ws');
});

test('command ids never repeat across page loads: 64 random bits per load plus a counter', () => {
  const ids = new Set();
  for (let load = 0; load < 2; load++) {
    // Two page loads with the same fake randomness still differ: the prefix comes from crypto.
    const { conn } = setup();
    conn.start();
    const ws = FakeSocket.latest();
    ws.open();
    ws.receive(welcome());
    conn.send({ type: 'raiseHand' });
    conn.send({ type: 'lowerHand' });
    for (const sent of ws.sent.filter((m) => m.id)) {
      assert.match(sent.id, /^[0-9a-f]{16}-\d+$/);
      assert.ok(!ids.has(sent.id), `id ${sent.id} reused after a reload`);
      ids.add(sent.id);
    }
  }
  assert.equal(ids.size, 4);
});

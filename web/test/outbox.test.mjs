import test from 'node:test';
import assert from 'node:assert/strict';
import { Connection } from '../js/connection.js';
import { BrowserMemory } from '../js/storage.js';
import { FakeSocket, ManualTime, MapStorage } from './fakes.mjs';

const welcome = (extra = {}) => ({ type: 'welcome', memberId: 'm1', resume: 'tok-1', serverTime: 0, v: 3,
  state: { title: 'T', members: [] }, you: { memberId: 'm1', facilitator: false }, ...extra });

/** A connection that joined once and whose socket then dropped: the page is reconnecting. */
function reconnecting({ outbox } = {}) {
  FakeSocket.reset();
  const time = new ManualTime(1_000_000);
  const conn = new Connection({
    url: 'ws://h/ws', code: 'abc', identity: { name: 'Ana' }, memory: new BrowserMemory(new MapStorage()),
    WebSocket: FakeSocket, timers: time, now: time.now, random: () => 0.5, backoff: { baseMs: 1000, maxMs: 8000 },
    outbox,
  });
  const waiting = [];
  conn.on('outbox', (n) => waiting.push(n));
  conn.start();
  const first = FakeSocket.latest();
  first.open();
  first.receive(welcome());
  return { conn, time, first, waiting };
}

/** Lets promise callbacks run and reports which of `promises` settled, and how. */
async function outcomes(promises) {
  const seen = promises.map(() => 'waiting');
  promises.forEach((p, i) => p.then((a) => { seen[i] = { ack: a.v }; }, (e) => { seen[i] = { error: e.code }; }));
  await new Promise((r) => setImmediate(r));
  return seen;
}

test('a tap made while reconnecting goes out once after the resume and is answered once', async () => {
  const { conn, time, first, waiting } = reconnecting();
  first.drop();
  const tap = conn.request({ type: 'raiseHand' });
  assert.deepEqual(await outcomes([tap]), ['waiting']);
  assert.equal(waiting.at(-1), 1, 'the page can say one tap waits');
  time.advance(750);
  const second = FakeSocket.latest();
  second.open();
  assert.deepEqual(second.sent.map((m) => m.type), ['join'], 'nothing before the welcome');
  second.receive(welcome());
  const sent = second.ofType('raiseHand');
  assert.equal(sent.length, 1);
  assert.match(sent[0].id, /^[0-9a-f]{16}-\d+$/);
  assert.equal(waiting.at(-1), 0);
  second.receive({ type: 'ack', id: sent[0].id, v: 5 });
  second.receive({ type: 'ack', id: sent[0].id, v: 5 }); // a second answer finds no one waiting
  assert.deepEqual(await outcomes([tap]), [{ ack: 5 }]);
  assert.equal(conn.outbox.size, 0);
});

test('a tap on the wire when the socket dropped goes out again with the same id', async () => {
  const { conn, time, first } = reconnecting();
  const tap = conn.request({ type: 'doneSpeaking' });
  const id = first.last().id;
  first.drop();
  time.advance(750);
  const second = FakeSocket.latest();
  second.open();
  second.receive(welcome());
  assert.deepEqual(second.ofType('doneSpeaking').map((m) => m.id), [id], 'same id: the server acks a repeat, never applies it twice');
  second.receive({ type: 'ack', id, v: 4 });
  assert.deepEqual(await outcomes([tap]), [{ ack: 4 }]);
});

test('taps keep their order across the reconnect', async () => {
  const { conn, time, first } = reconnecting();
  conn.request({ type: 'lowerHand' });
  first.drop();
  conn.request({ type: 'raiseHand' });
  conn.request({ type: 'postIdea', text: 'x' });
  time.advance(750);
  const second = FakeSocket.latest();
  second.open();
  second.receive(welcome());
  assert.deepEqual(second.sent.map((m) => m.type).filter((t) => t !== 'join' && t !== 'ping'), ['lowerHand', 'raiseHand', 'postIdea']);
});

test('a tap that cannot be sent in time is refused visibly; one that may have landed says so', async () => {
  const { conn, time, first } = reconnecting({ outbox: { waitMs: 20_000 } });
  const onWire = conn.request({ type: 'raiseHand' });
  first.drop();
  const offline = conn.request({ type: 'postIdea', text: 'x' });
  for (let i = 0; i < 10; i++) { time.advance(8_000); FakeSocket.latest().drop(); } // the server stays away
  assert.deepEqual(await outcomes([onWire, offline]), [{ error: 'connection_lost' }, { error: 'not_connected' }]);
  assert.equal(conn.outbox.size, 0);
});

test('the outbox is bounded: past the limit a tap is refused at once', async () => {
  const { conn, first } = reconnecting({ outbox: { limit: 2 } });
  first.drop();
  const taps = [conn.request({ type: 'raiseHand' }), conn.request({ type: 'lowerHand' }), conn.request({ type: 'raiseHand' })];
  assert.deepEqual(await outcomes(taps), ['waiting', 'waiting', { error: 'not_connected' }]);
});

test('waiting taps are never sent as another member (a stale token made a new one)', async () => {
  const { conn, time, first } = reconnecting();
  const onWire = conn.request({ type: 'raiseHand' });
  first.drop();
  const offline = conn.request({ type: 'lowerHand' });
  time.advance(750);
  const second = FakeSocket.latest();
  second.open();
  second.receive({ type: 'error', code: 'not_found', message: 'unknown resume token' }); // joins by name again
  second.receive(welcome({ memberId: 'm2', resume: 'tok-2' }));
  assert.equal(second.ofType('raiseHand').length + second.ofType('lowerHand').length, 0);
  assert.deepEqual(await outcomes([onWire, offline]), [{ error: 'connection_lost' }, { error: 'not_connected' }]);
});

test('the end answers endSession even when closed ended comes before its ack; other taps are refused as final', async () => {
  const { conn, first } = reconnecting();
  const end = conn.request({ type: 'endSession' });
  const late = conn.request({ type: 'raiseHand' });
  first.receive({ type: 'closed', reason: 'ended' });
  const seen = [];
  late.catch((e) => seen.push(e));
  assert.deepEqual(await outcomes([end, late]), [{ ack: null }, { error: 'session_ended' }]);
  assert.equal(seen[0].final, true, 'the page need not repeat what the banner says');
});

test('an ack before closed ended answers endSession with its version', async () => {
  const { conn, first } = reconnecting();
  const end = conn.request({ type: 'endSession' });
  first.receive({ type: 'ack', id: first.last().id, v: 9 });
  first.receive({ type: 'closed', reason: 'ended' });
  assert.deepEqual(await outcomes([end]), [{ ack: 9 }]);
});

import test from 'node:test';
import assert from 'node:assert/strict';
import { SessionCopy } from '../js/session-copy.js';

const welcome = (v, extra = {}) => ({ type: 'welcome', memberId: 'm1', resume: 'r', serverTime: 0, v,
  state: { title: `v${v}` }, you: { memberId: 'm1', facilitator: false }, ...extra });
const state = (v) => ({ type: 'state', v, state: { title: `v${v}` } });
const you = (v, facilitator) => ({ type: 'you', v, you: { memberId: 'm1', facilitator } });

test('welcome sets everything', () => {
  const s = new SessionCopy();
  assert.deepEqual(s.apply(welcome(4)), { changed: true, sync: false });
  assert.equal(s.v, 4);
  assert.equal(s.memberId, 'm1');
  assert.equal(s.state.title, 'v4');
});

test('the next version is taken without sync', () => {
  const s = new SessionCopy();
  s.apply(welcome(4));
  assert.deepEqual(s.apply(state(5)), { changed: true, sync: false });
  assert.equal(s.state.title, 'v5');
});

test('versions at or below the current one are ignored', () => {
  const s = new SessionCopy();
  s.apply(welcome(4));
  assert.deepEqual(s.apply(state(4)), { changed: false, sync: false });
  assert.deepEqual(s.apply(state(2)), { changed: false, sync: false });
  assert.equal(s.state.title, 'v4');
});

test('a gap asks for sync once, and the snapshot is still taken', () => {
  const s = new SessionCopy();
  s.apply(welcome(4));
  assert.deepEqual(s.apply(state(7)), { changed: true, sync: true });
  assert.equal(s.v, 7);
  // more jumps while the sync is out do not ask again
  assert.deepEqual(s.apply(state(9)), { changed: true, sync: false });
  // the answer settles it; a later gap asks again
  s.apply(state(10));
  assert.deepEqual(s.apply(state(12)), { changed: true, sync: true });
});

test('the sync answer at the held version clears the pending sync', () => {
  const s = new SessionCopy();
  s.apply(welcome(1));
  s.apply(state(3));
  assert.equal(s.syncPending, true);
  assert.deepEqual(s.apply(state(3)), { changed: false, sync: false });
  assert.equal(s.syncPending, false);
});

test('a jump right after asking for sync is not a gap', () => {
  const s = new SessionCopy();
  s.apply(welcome(1));
  s.noteSyncSent();
  assert.deepEqual(s.apply(state(6)), { changed: true, sync: false });
});

test('you: newer or same version replaces, older is ignored', () => {
  const s = new SessionCopy();
  s.apply(welcome(4));
  assert.equal(s.apply(you(4, true)).changed, true);
  assert.equal(s.facilitator, true);
  assert.equal(s.apply(you(3, false)).changed, false);
  assert.equal(s.facilitator, true);
  assert.equal(s.apply(you(6, false)).changed, true);
  assert.equal(s.facilitator, false);
});

test('nothing before the welcome', () => {
  const s = new SessionCopy();
  assert.equal(s.apply(state(1)).changed, false);
  assert.equal(s.apply(you(1, true)).changed, false);
  assert.equal(s.state, null);
});

test('a new welcome (after reconnect) replaces everything, even at a lower v', () => {
  const s = new SessionCopy();
  s.apply(welcome(9));
  s.apply(welcome(8, { memberId: 'm1' }));
  assert.equal(s.v, 8);
});

test('a display has no member id and no you', () => {
  const s = new SessionCopy();
  s.apply(welcome(2, { memberId: null, you: null, resume: null }));
  assert.equal(s.memberId, null);
  assert.equal(s.you, null);
  assert.equal(s.facilitator, false);
});

test('subscribers hear each change and only changes', () => {
  const s = new SessionCopy();
  let calls = 0;
  const off = s.subscribe(() => calls++);
  s.apply(welcome(1));
  s.apply(state(1));
  s.apply(state(2));
  off();
  s.apply(state(3));
  assert.equal(calls, 2);
});

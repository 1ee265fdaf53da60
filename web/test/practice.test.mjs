import test from 'node:test';
import assert from 'node:assert/strict';
import { beforeItStarts, checkIn, myPreviousIds, ownLog } from '../js/practice.js';
import { qrModules } from '../js/qr.js';

const DAY = 86_400_000;
const state = (over = {}) => ({
  createdAt: 0,
  scheduled: { at: 14 * DAY, minutes: 90 },
  agenda: { items: [{ id: 'i1', status: 'pending' }] },
  previous: { title: 'First', commitments: [{ id: 'c1', notes: [{ id: 'n2', text: 'shared', at: 2 * DAY }] }] },
  ...over,
});

test('the author sees shared and private notes of one commitment together, oldest first', () => {
  const you = { myPrevious: ['c1'], myPracticeNotes: [
    { id: 'n1', commitmentId: 'c1', text: 'private', at: DAY, shared: false },
    { id: 'n9', commitmentId: 'c9', text: 'elsewhere', at: 0, shared: false }] };
  assert.deepEqual(ownLog(state().previous.commitments[0], you).map((n) => [n.id, n.shared]), [['n1', false], ['n2', true]]);
  assert.deepEqual([...myPreviousIds(you)], ['c1']);
  assert.deepEqual([...myPreviousIds(null)], []);
});

test('the check-in is due from halfway to the date until the follow-up starts', () => {
  assert.equal(checkIn(state(), 6 * DAY), null);
  assert.deepEqual(checkIn(state(), 7 * DAY), { halfway: 7 * DAY, at: 14 * DAY });
  assert.equal(checkIn(state(), 14 * DAY), null, 'not once the date has come');
  assert.equal(checkIn(state({ scheduled: null }), 8 * DAY), null, 'no date, no check-in');
  assert.equal(checkIn(state({ agenda: { items: [{ id: 'i1', status: 'active' }] } }), 8 * DAY), null);
  assert.equal(checkIn(state({ previous: { title: 'x', commitments: [] } }), 8 * DAY), null);
  assert.equal(beforeItStarts(state()), true);
});

test('the device link QR code is a real QR code of the link', () => {
  const link = 'http://127.0.0.1:8080/s/abcdefghjkmnp#resume=' + 'r'.repeat(43) + '&identity=' + 'a'.repeat(32);
  const { size, dark } = qrModules(link);
  assert.ok(size >= 37 && (size - 17) % 4 === 0, `a QR version's size, got ${size}`);
  // The three finder patterns' corners are dark.
  const on = new Set(dark.map(([x, y]) => `${x},${y}`));
  for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1], [6, 6]]) assert.ok(on.has(`${x},${y}`), `${x},${y}`);
});

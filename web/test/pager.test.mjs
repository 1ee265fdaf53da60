import test from 'node:test';
import assert from 'node:assert/strict';
import { CYCLE_MS, MAX_PAGE_MS, pageMs, paginate } from '../js/views/pager.js';

/** A box that holds `room` units of given heights; show() toggles what is measured. */
function box(heights, room) {
  const shown = new Set();
  return {
    units: heights.map((h, i) => ({ i, h })),
    fits: () => [...shown].reduce((sum, u) => sum + u.h, 0) <= room,
    show: (u, on) => (on ? shown.add(u) : shown.delete(u)),
  };
}

test('a list that fits is one page; one that does not is cut between whole items, in order', () => {
  const small = box([1, 1, 1], 5);
  assert.deepEqual(paginate(small.units, small.fits, small.show).map((p) => p.map((u) => u.i)), [[0, 1, 2]]);
  const big = box([2, 2, 2, 2, 3, 1], 5);
  assert.deepEqual(paginate(big.units, big.fits, big.show).map((p) => p.map((u) => u.i)), [[0, 1], [2, 3], [4, 5]]);
});

test('an item too big for any page gets a page of its own rather than being dropped', () => {
  const b = box([1, 9, 1], 5);
  assert.deepEqual(paginate(b.units, b.fits, b.show).map((p) => p.map((u) => u.i)), [[0], [1], [2]]);
});

test('every page comes round within the cycle, none stays longer than the maximum', () => {
  assert.equal(pageMs(1), 0);
  for (let pages = 2; pages <= 12; pages++) {
    assert.ok(pageMs(pages) * pages <= CYCLE_MS, `${pages} pages`);
    assert.ok(pageMs(pages) <= MAX_PAGE_MS);
  }
  assert.equal(pageMs(3), MAX_PAGE_MS);
});

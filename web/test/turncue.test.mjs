import test from 'node:test';
import assert from 'node:assert/strict';
import { turnOf, turnTitle } from '../js/views/turncue.js';
import { setLanguage } from '../js/i18n.js';

const queue = { speaker: { memberId: 'a', startedAt: 1 }, waiting: ['b', 'c'], round: false };

test('the speaker, the one next, and everyone else', () => {
  assert.equal(turnOf(queue, 'a'), 'speaking');
  assert.equal(turnOf(queue, 'b'), 'next');
  assert.equal(turnOf(queue, 'c'), null);
  assert.equal(turnOf(queue, 'z'), null);
  assert.equal(turnOf(queue, null), null);
});

test('the tab title leads with the cue, in the page language', () => {
  setLanguage('en');
  assert.equal(turnTitle('speaking', 'Peer group · Roundtable'), '▶ Your turn · Peer group · Roundtable');
  assert.equal(turnTitle('next', 'P'), 'You are next · P');
  assert.equal(turnTitle(null, 'P'), 'P');
  setLanguage('de');
  assert.equal(turnTitle('speaking', 'P'), '▶ Du bist dran · P');
  setLanguage('en');
});

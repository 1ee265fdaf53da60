import test from 'node:test';
import assert from 'node:assert/strict';
import { currentLanguage, languages, setLanguage, t } from '../js/i18n.js';
import en from '../js/i18n/en.js';

test('placeholders are filled from the parameters', () => {
  assert.equal(t('run.upNext', { title: 'Check-in round', minutes: 10 }), 'Up next: Check-in round (10 min)');
});

test('plural forms follow the count', () => {
  assert.equal(t('display.votes', { count: 1 }), '1 vote');
  assert.equal(t('display.votes', { count: 0 }), '0 votes');
  assert.equal(t('display.ideaCount', { count: 3 }), '3 ideas on the board');
});

test('a missing key shows itself, so a gap is visible', () => {
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('an unknown language falls back to English', () => {
  assert.equal(setLanguage('xx'), 'en');
  assert.equal(currentLanguage(), 'en');
  assert.ok(languages().includes('en'));
});

test('every English entry is a string or a {one, other} pair, and its placeholders are words', () => {
  for (const [key, value] of Object.entries(en)) {
    const forms = typeof value === 'string' ? [value] : [value.one, value.other];
    for (const f of forms) {
      assert.equal(typeof f, 'string', key);
      assert.ok(f.length > 0, key);
      for (const m of f.matchAll(/\{([^}]*)\}/g)) assert.match(m[1], /^\w+$/, key);
    }
  }
});

test('a member’s text put into a sentence is taken as it is, braces and all', () => {
  assert.equal(t('board.voteFor', { text: '{count} <b>x</b>' }), 'Vote for: {count} <b>x</b>');
});

import test from 'node:test';
import assert from 'node:assert/strict';
import { chooseLanguage, currentLanguage, inSeconds, languages, ordinal, setLanguage, spokenDuration, t } from '../js/i18n.js';
import { errorSentence } from '../js/protocol.js';
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

test('the language comes from ?lang=, then the one picked before, then the browser, then English', () => {
  assert.equal(chooseLanguage('?lang=es', 'de', ['de-DE']), 'es');
  assert.equal(chooseLanguage('?lang=xx', 'de', ['es']), 'de');
  assert.equal(chooseLanguage('', null, ['fr-FR', 'de-AT', 'es']), 'de');
  assert.equal(chooseLanguage('?lang=ES-mx', null, []), 'es');
  assert.equal(chooseLanguage('', null, ['fr', 'it']), 'en');
  assert.equal(chooseLanguage(undefined, undefined, undefined), 'en');
});

test('German and Spanish fill plurals, numbers and ordinals their own way', () => {
  try {
    setLanguage('de');
    assert.equal(t('display.votes', { count: 1 }), '1 Stimme');
    assert.equal(t('display.ideaCount', { count: 1234 }), '1.234 Ideen an der Wand');
    assert.equal(ordinal(3), '3.');
    assert.equal(spokenDuration(65_000), '1 Minute, 5 Sekunden');
    assert.equal(inSeconds(5), 'in 5 Sekunden');
    assert.equal(errorSentence('forbidden'), 'Das kann nur die Moderation.');
    setLanguage('es');
    assert.equal(t('display.votes', { count: 2 }), '2 votos');
    assert.equal(ordinal(2), '2.º');
    assert.equal(inSeconds(5), 'dentro de 5 segundos');
    assert.equal(errorSentence('no_such_code'), 'Algo salió mal. Inténtalo de nuevo.');
  } finally {
    setLanguage('en');
  }
});

test('English ordinals and durations come out as before', () => {
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st']);
  assert.equal(spokenDuration(65_000), '1 minute 5 seconds');
  assert.equal(inSeconds(1), 'in 1 second');
});

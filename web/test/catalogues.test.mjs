// The three catalogues are complete and consistent: same keys, no empty
// value, the same placeholders and plural shape in every language.
import test from 'node:test';
import assert from 'node:assert/strict';
import en from '../js/i18n/en.js';
import de from '../js/i18n/de.js';
import es from '../js/i18n/es.js';

const OTHERS = { de, es };

function forms(value) {
  return typeof value === 'string' ? [value] : Object.values(value);
}

function placeholders(value) {
  const names = new Set();
  for (const f of forms(value)) for (const m of f.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
  return [...names].sort();
}

for (const [lang, cat] of Object.entries(OTHERS)) {
  test(`${lang} has every English key and no other`, () => {
    assert.deepEqual(Object.keys(cat).filter((k) => !(k in en)), [], 'keys English lacks');
    assert.deepEqual(Object.keys(en).filter((k) => !(k in cat)), [], 'keys missing');
  });

  test(`${lang} has no empty value, and plural entries keep an "other" form`, () => {
    for (const [key, value] of Object.entries(cat)) {
      assert.ok(typeof value === 'string' || (value && typeof value.other === 'string'), key);
      for (const f of forms(value)) assert.ok(typeof f === 'string' && f.trim().length > 0, `${lang} ${key}`);
    }
  });

  test(`${lang} uses the same placeholders as English, key by key`, () => {
    for (const key of Object.keys(en)) {
      // The ordinal's forms differ per language but all take {n}.
      assert.deepEqual(placeholders(cat[key]), placeholders(en[key]), `${lang} ${key}`);
    }
  });

  test(`${lang} pluralises where English does`, () => {
    for (const [key, value] of Object.entries(en)) {
      assert.equal(typeof cat[key], typeof value, `${lang} ${key}`);
    }
  });
}

test('every plural entry of every language has its forms named as Intl.PluralRules names them', () => {
  const names = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
  for (const cat of [en, de, es]) {
    for (const [key, value] of Object.entries(cat)) {
      if (typeof value !== 'string') for (const form of Object.keys(value)) assert.ok(names.has(form), key);
    }
  }
});

test('no catalogue has a key twice in its source (a later duplicate would silently win)', async () => {
  const { readFile } = await import('node:fs/promises');
  for (const lang of ['en', 'de', 'es']) {
    const src = await readFile(new URL(`../js/i18n/${lang}.js`, import.meta.url), 'utf8');
    const keys = [...src.matchAll(/^\s*'([\w.]+)':/gm)].map((m) => m[1]);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], lang);
  }
});

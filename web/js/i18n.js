// t(key, params): every string of the stage, the run bar and the projector
// comes from a catalogue here, so adding a language is adding a catalogue.
// No DOM: the views call t(), the tests read the catalogues.

import en from './i18n/en.js';

const CATALOGUES = { en };
let language = 'en';
let plurals = new Intl.PluralRules(language);

/** Languages that have a catalogue. */
export function languages() { return Object.keys(CATALOGUES); }

/** Switches the language for every later t(); unknown languages fall back to English. */
export function setLanguage(lang) {
  language = CATALOGUES[lang] ? lang : 'en';
  plurals = new Intl.PluralRules(language);
  return language;
}

export function currentLanguage() { return language; }

/**
 * The sentence for `key`, with `{name}` placeholders filled from `params`.
 * A catalogue entry may be an object of plural forms ({one, other}); the
 * form follows `params.count`. A missing key shows the key itself, so a gap
 * is visible on screen and in tests instead of an empty string.
 */
export function t(key, params = {}) {
  const entry = lookup(CATALOGUES[language], key) ?? lookup(en, key);
  if (entry === undefined) return key;
  const text = typeof entry === 'string' ? entry : (entry[plurals.select(Number(params.count) || 0)] ?? entry.other);
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function lookup(catalogue, key) {
  return catalogue && Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
}

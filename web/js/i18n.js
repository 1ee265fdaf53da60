// t(key, params): every string of the web client comes from one catalogue per
// language here, so adding a language is adding a catalogue. Numbers, ordinals,
// durations and "in 5 seconds" go through Intl in the chosen language.
// No DOM: the entry modules choose the language, the views call t().

import en from './i18n/en.js';
import de from './i18n/de.js';
import es from './i18n/es.js';

const CATALOGUES = { en, de, es };
/** Each language's own name, for the picker (written in that language, so anyone finds theirs). */
export const LANGUAGE_NAMES = Object.freeze({ en: 'English', de: 'Deutsch', es: 'Español' });

let language = 'en';
let plurals;
let ordinals;
let numbers;
setLanguage('en');

/** Languages that have a catalogue. */
export function languages() { return Object.keys(CATALOGUES); }

/** The catalogue of a language (for tests and the picker), or undefined. */
export function catalogue(lang) { return CATALOGUES[lang]; }

/** Switches the language for every later t(); unknown languages fall back to English. */
export function setLanguage(lang) {
  language = CATALOGUES[lang] ? lang : 'en';
  plurals = new Intl.PluralRules(language);
  ordinals = new Intl.PluralRules(language, { type: 'ordinal' });
  numbers = new Intl.NumberFormat(language);
  return language;
}

export function currentLanguage() { return language; }

/**
 * The language to show: `?lang=` wins (a projector can be set apart from the
 * facilitator's laptop), then the one picked earlier in this browser, then the
 * browser's preferred languages in order (`de-AT` counts as `de`), then English.
 */
export function chooseLanguage(search, stored, preferred) {
  const asked = new URLSearchParams(search || '').get('lang');
  for (const tag of [asked, stored, ...(preferred || [])]) {
    const base = typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_]/)[0] : '';
    if (CATALOGUES[base]) return base;
  }
  return 'en';
}

/**
 * The sentence for `key`, with `{name}` placeholders filled from `params`.
 * A catalogue entry may be an object of plural forms (zero/one/two/few/many/
 * other, as Intl.PluralRules names them); the form follows `params.count`,
 * which is shown in the language's number format. A missing key shows the
 * key itself, so a gap is visible on screen and in tests instead of an empty string.
 */
export function t(key, params = {}) {
  const entry = lookup(CATALOGUES[language], key) ?? lookup(en, key);
  if (entry === undefined) return key;
  const count = Number(params.count) || 0;
  const text = typeof entry === 'string' ? entry : (entry[plurals.select(count)] ?? entry.other);
  return fill(text, 'count' in params ? { ...params, count: numbers.format(count) } : params);
}

/** "1st" / "1." / "1.º": the place in a line, from the catalogue's `format.ordinal` forms. */
export function ordinal(n) {
  const entry = lookup(CATALOGUES[language], 'format.ordinal') ?? en['format.ordinal'];
  return fill(entry[ordinals.select(n)] ?? entry.other, { n: numbers.format(n) });
}

/**
 * "4 minutes, 5 seconds" in words, for screen readers and labels: Intl.DurationFormat where the
 * browser has it, otherwise the language's unit words joined as a unit list.
 */
export function spokenDuration(ms) {
  const s = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (typeof Intl.DurationFormat === 'function' && s > 0) {
    return new Intl.DurationFormat(language, { style: 'long' }).format(m ? { minutes: m, seconds: r } : { seconds: r });
  }
  const parts = [];
  if (m) parts.push(unit(m, 'minute'));
  if (r || !m) parts.push(unit(r, 'second'));
  return new Intl.ListFormat(language, { style: 'narrow', type: 'unit' }).format(parts);
}

/** "2 minutes" with the language's own unit word. */
export function unit(n, name) {
  return new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(n);
}

/** "in 5 seconds" / "in 5 Sekunden" / "dentro de 5 segundos". */
export function inSeconds(seconds) {
  return new Intl.RelativeTimeFormat(language, { numeric: 'always' }).format(seconds, 'second');
}

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function lookup(cat, key) {
  return cat && Object.prototype.hasOwnProperty.call(cat, key) ? cat[key] : undefined;
}

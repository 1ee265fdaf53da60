// The page's language: chosen once before any view is built (views read t()
// when they build), written into <html lang>, and a picker that reloads the
// page in the chosen language. Reloading is safe: a member resumes with their
// token, unsent text aside, and the pages' fixed words are filled from the catalogue.

import { chooseLanguage, currentLanguage, languages, LANGUAGE_NAMES, setLanguage, t } from './i18n.js';
import { el, translateStatic } from './dom.js';

const STORED = 'roundtable.lang';

function stored() {
  try { return window.localStorage.getItem(STORED); } catch { return null; }
}

function store(lang) {
  try { window.localStorage.setItem(STORED, lang); } catch { /* private mode: the address still carries it */ }
}

/**
 * Picks the language (?lang=, the earlier pick, the browser), applies it to the document, returns it.
 * With `remember`, a ?lang= is kept for this browser's later pages (the start page's link to the
 * session has none); the projector remembers nothing, so it cannot change the laptop's language.
 */
export function applyLanguage({ remember = false } = {}, doc = document) {
  const lang = setLanguage(chooseLanguage(location.search, stored(), navigator.languages || [navigator.language]));
  if (remember && new URLSearchParams(location.search).has('lang')) store(lang);
  doc.documentElement.lang = lang;
  translateStatic(doc, t);
  return lang;
}

/**
 * A <select> of the languages, each in its own name. Choosing one remembers it
 * in this browser and reloads with ?lang= so the address says it too (a
 * projector's address keeps its own language apart from the facilitator's).
 */
export function languagePicker() {
  const select = el('select', { class: 'language-select' },
    languages().map((l) => el('option', { value: l, text: LANGUAGE_NAMES[l], selected: l === currentLanguage(), attrs: { lang: l } })));
  select.addEventListener('change', () => {
    store(select.value);
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.replace(url.href);
  });
  return el('label', { class: 'language-picker' }, el('span', { text: t('page.language') }), select);
}

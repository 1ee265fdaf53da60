// The HTTP half of the contract. `fetch` is injectable for tests. Each call
// resolves to {ok: true, status, data} or {ok: false, status, code} where
// `code` is the contract's error code (or 'network' when nothing answered).

import { currentLanguage, t } from './i18n.js';
import { ErrorCode, HttpClientCode } from './protocol.js';

const JSON_TYPE = 'application/json';

async function call(fetchImpl, url, init, read = 'json') {
  let res;
  try {
    res = await fetchImpl(url, init);
  } catch {
    return { ok: false, status: 0, code: HttpClientCode.NETWORK };
  }
  if (!res.ok) {
    let code = res.status === 401 ? HttpClientCode.UNAUTHORIZED
      : res.status === 404 ? ErrorCode.UNKNOWN_SESSION : ErrorCode.INTERNAL;
    try {
      const body = await res.json();
      if (body && typeof body.error === 'string') code = body.error;
    } catch { /* not JSON: keep the status-derived code */ }
    if (res.status === 401) code = HttpClientCode.UNAUTHORIZED;
    return { ok: false, status: res.status, code };
  }
  try {
    const data = read === 'blob' ? await res.blob() : await res.json();
    return { ok: true, status: res.status, data };
  } catch {
    return { ok: false, status: res.status, code: ErrorCode.INTERNAL };
  }
}

/** POST /api/sessions; `token` is the optional CREATE_TOKEN (sent as a bearer token). */
export function createSession({ title, template, token, language }, fetchImpl = fetch) {
  const headers = { 'Content-Type': JSON_TYPE, Accept: JSON_TYPE };
  if (token) headers.Authorization = `Bearer ${token}`;
  const body = { title, template };
  // v1.2: the agenda, prompts and ground rules are written in this language.
  if (language) body.language = language;
  return call(fetchImpl, '/api/sessions', { method: 'POST', headers, body: JSON.stringify(body) });
}

/** GET /api/sessions/{code}: title, status and how many members are online. */
export function sessionInfo(code, fetchImpl = fetch) {
  return call(fetchImpl, `/api/sessions/${encodeURIComponent(code)}`, { headers: { Accept: JSON_TYPE } });
}

/**
 * GET the summary as Markdown (a Blob), with the facilitator key in its header; v1.2: its headings
 * in `lang` (the reader's page language) and its date in the reader's time zone. `credential` is
 * the key, or `{ resume }`: whoever holds the facilitator role without the key shows their resume
 * token (after the end, when the socket that answered `getSummary` is closed).
 */
export function fetchSummary(code, credential, fetchImpl = fetch, { lang, zone } = readerOptions()) {
  return call(fetchImpl, summaryUrl(code, lang, zone), { headers: { Accept: 'text/markdown', ...recordReader(credential) } }, 'blob');
}

/** GET the speaking record's chart (an SVG Blob): a download of its own, beside the summary. */
export function fetchSpeakingChart(code, credential, fetchImpl = fetch, { lang } = readerOptions()) {
  return call(fetchImpl, summaryUrl(code, lang), { headers: { Accept: 'image/svg+xml', ...recordReader(credential) } }, 'blob');
}

function recordReader(credential) {
  return credential && credential.resume ? { 'X-Resume-Token': credential.resume } : { 'X-Facilitator-Key': credential };
}

function summaryUrl(code, lang, zone) {
  const q = new URLSearchParams();
  if (lang) q.set('lang', lang);
  if (zone) q.set('tz', zone);
  const query = q.toString();
  return `/api/sessions/${encodeURIComponent(code)}/summary${query ? `?${query}` : ''}`;
}

function readerOptions() {
  let zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { zone = undefined; }
  return { lang: currentLanguage(), zone };
}

/** POST follow-up: a new session carrying this one's commitments. */
export function createFollowUp(code, key, title, fetchImpl = fetch) {
  const body = title ? { title } : {};
  return call(fetchImpl, `/api/sessions/${encodeURIComponent(code)}/follow-up`, {
    method: 'POST',
    headers: { 'Content-Type': JSON_TYPE, Accept: JSON_TYPE, 'X-Facilitator-Key': key },
    body: JSON.stringify(body),
  });
}

// HTTP-only failures; their sentences are in the catalogues next to the contract's codes.
const HTTP_ONLY = new Set(Object.values(HttpClientCode));

/** Words for an HTTP failure: HTTP-only cases first, then the contract's error sentences. */
export function httpErrorSentence(code, errorSentence) {
  return HTTP_ONLY.has(code) ? t(`error.${code}`) : errorSentence(code);
}

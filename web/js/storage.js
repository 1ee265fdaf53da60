// What the browser remembers, and under which localStorage keys. The storage
// is injected (anything with getItem/setItem/removeItem) so tests need no DOM.
//
//   roundtable.key.{code}     facilitator key for that session (from create or a #key= link)
//   roundtable.resume.{code}  resume token from the last `welcome` for that session
//   roundtable.name           the name last typed, to prefill the join form
//   roundtable.kept.{code}    what this member takes home from that session (keepsake.js takeaway, JSON),
//                             so the ended page still has it after a reload
//   roundtable.identity       this browser's series identity: a secret sent with joins by name so
//                             that a follow-up session knows who made last time's commitments (a
//                             "use on another device" link brings the other device's along)
//
// Codes are case-insensitive to type, so they are stored lower-cased.

const PREFIX = 'roundtable.';

export function normaliseCode(code) {
  return String(code || '').trim().toLowerCase();
}

export class BrowserMemory {
  /**
   * @param {Storage|null} storage localStorage, or null when the browser refuses it
   * @param {(n: number) => Uint8Array} [randomBytes] a source of secure random bytes
   */
  constructor(storage, randomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n))) {
    this.storage = storage;
    this.randomBytes = randomBytes;
  }

  get(key) {
    try { return this.storage ? this.storage.getItem(PREFIX + key) : null; } catch { return null; }
  }

  set(key, value) {
    try {
      if (!this.storage) return;
      if (value == null || value === '') this.storage.removeItem(PREFIX + key);
      else this.storage.setItem(PREFIX + key, String(value));
    } catch { /* private mode or full: the session still works, only without memory */ }
  }

  facilitatorKey(code) { return this.get(`key.${normaliseCode(code)}`); }
  setFacilitatorKey(code, key) { this.set(`key.${normaliseCode(code)}`, key); }

  resumeToken(code) { return this.get(`resume.${normaliseCode(code)}`); }
  setResumeToken(code, token) { this.set(`resume.${normaliseCode(code)}`, token); }

  /**
   * This browser's series identity (128 random bits, hex), made on first use. Null when nothing
   * can be remembered: an identity that is forgotten at once would link nobody to anything.
   */
  seriesIdentity() {
    if (!this.get('identity')) {
      this.set('identity', [...this.randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    return this.get('identity');
  }

  /**
   * Adopts the series identity another device of this person sent along (the "use on another
   * device" link): from now on this browser is that person in every series, as the other one is.
   */
  setSeriesIdentity(identity) {
    if (identity) this.set('identity', identity);
  }

  /** The takeaway kept for a session, or null (none, or unreadable). */
  takeaway(code) {
    try { return JSON.parse(this.get(`kept.${normaliseCode(code)}`)) || null; } catch { return null; }
  }

  /** Keeps a session's takeaway (≤ 5 own and the group's commitments: a few kilobytes). */
  setTakeaway(code, k) { this.set(`kept.${normaliseCode(code)}`, k ? JSON.stringify(k) : null); }

  name() { return this.get('name'); }
  setName(name) { this.set('name', name); }
}

/**
 * Reads a facilitator key from a URL fragment like "#key=abc" (the fragment
 * never reaches the server). Returns the key or null.
 */
export function keyFromFragment(hash) {
  const h = String(hash || '').replace(/^#/, '');
  if (!h) return null;
  const params = new URLSearchParams(h);
  const key = params.get('key');
  return key ? key : null;
}

/**
 * What a link's fragment carries (it never reaches the server): the facilitator key (`#key=`),
 * or a member's resume token and series identity (`#resume=…&identity=…`, the "use on another
 * device" link). Absent parts are null.
 */
export function fragmentParams(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const get = (k) => params.get(k) || null;
  return { key: get('key'), resume: get('resume'), identity: get('identity') };
}

/** Absolute "use on another device" link: this member, on the member page, in the fragment. */
export function deviceLink(origin, code, resume, identity) {
  const parts = [`resume=${encodeURIComponent(resume)}`];
  if (identity) parts.push(`identity=${encodeURIComponent(identity)}`);
  return `${origin}/s/${encodeURIComponent(code)}#${parts.join('&')}`;
}

/** Absolute facilitator link: the member page with the key in the fragment. */
export function facilitatorLink(origin, code, key) {
  return `${origin}/s/${encodeURIComponent(code)}#key=${encodeURIComponent(key)}`;
}

/** The session code from a path like /s/{code} or /d/{code}, or null. */
export function codeFromPath(pathname, prefix) {
  const m = new RegExp(`^/${prefix}/([^/?#]+)/?$`).exec(String(pathname || ''));
  return m ? decodeURIComponent(m[1]) : null;
}

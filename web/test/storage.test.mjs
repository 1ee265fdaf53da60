import test from 'node:test';
import assert from 'node:assert/strict';
import { BrowserMemory, keyFromFragment, facilitatorLink, codeFromPath, normaliseCode, fragmentParams, deviceLink } from '../js/storage.js';
import { MapStorage } from './fakes.mjs';

test('keys and tokens are kept per session code, case-insensitively', () => {
  const raw = new MapStorage();
  const m = new BrowserMemory(raw);
  m.setFacilitatorKey('AbC', 'K1');
  m.setResumeToken('abc', 'R1');
  assert.equal(m.facilitatorKey('abc'), 'K1');
  assert.equal(m.resumeToken('ABC'), 'R1');
  assert.equal(raw.getItem('roundtable.key.abc'), 'K1');
  assert.equal(raw.getItem('roundtable.resume.abc'), 'R1');
  assert.equal(m.facilitatorKey('other'), null);
  m.setResumeToken('abc', null);
  assert.equal(m.resumeToken('abc'), null);
});

test('the series identity is made once and kept', () => {
  const raw = new MapStorage();
  const m = new BrowserMemory(raw, (n) => Uint8Array.from({ length: n }, (_, i) => i));
  assert.equal(m.seriesIdentity(), '000102030405060708090a0b0c0d0e0f');
  assert.equal(raw.getItem('roundtable.identity'), '000102030405060708090a0b0c0d0e0f');
  assert.equal(new BrowserMemory(raw, () => { throw new Error('not again'); }).seriesIdentity(), '000102030405060708090a0b0c0d0e0f');
  const real = new BrowserMemory(new MapStorage());
  assert.match(real.seriesIdentity(), /^[0-9a-f]{32}$/);
  assert.notEqual(real.seriesIdentity(), new BrowserMemory(new MapStorage()).seriesIdentity());
  assert.equal(new BrowserMemory(null).seriesIdentity(), null, 'nothing to remember it in: no identity');
});

test('a refusing storage does not break anything', () => {
  const m = new BrowserMemory({ getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() {} });
  assert.equal(m.name(), null);
  m.setName('Ana');
  assert.equal(new BrowserMemory(null).name(), null);
});

test('fragment key', () => {
  assert.equal(keyFromFragment('#key=abc%2B1'), 'abc+1');
  assert.equal(keyFromFragment('#other=1'), null);
  assert.equal(keyFromFragment(''), null);
});

test('facilitator link puts the key in the fragment only', () => {
  const link = facilitatorLink('https://rt.example', 'abc', 'k/+=');
  assert.equal(link, 'https://rt.example/s/abc#key=k%2F%2B%3D');
  assert.equal(keyFromFragment(new URL(link).hash), 'k/+=');
  assert.equal(new URL(link).pathname, '/s/abc');
});

test('code from path', () => {
  assert.equal(codeFromPath('/s/Ab-c_9', 's'), 'Ab-c_9');
  assert.equal(codeFromPath('/d/xyz/', 'd'), 'xyz');
  assert.equal(codeFromPath('/s/', 's'), null);
  assert.equal(codeFromPath('/s/a/b', 's'), null);
  assert.equal(normaliseCode(' AbC '), 'abc');
});

test('the other-device link carries resume token and identity in the fragment, and reads back', () => {
  const link = deviceLink('https://rt.example', 'abc', 'tok/+=', 'id-1');
  const url = new URL(link);
  assert.equal(url.pathname, '/s/abc');
  assert.equal(url.search, '', 'nothing in the query: only the fragment stays on the device');
  assert.deepEqual(fragmentParams(url.hash), { key: null, resume: 'tok/+=', identity: 'id-1' });
  assert.deepEqual(fragmentParams('#key=k'), { key: 'k', resume: null, identity: null });
  assert.deepEqual(fragmentParams(''), { key: null, resume: null, identity: null });
});

test('a browser adopts the identity another device of the same person brings', () => {
  const m = new BrowserMemory(new Map2Storage(), () => new Uint8Array(16));
  const own = m.seriesIdentity();
  m.setSeriesIdentity('from-the-laptop');
  assert.notEqual(own, 'from-the-laptop');
  assert.equal(m.seriesIdentity(), 'from-the-laptop');
  m.setSeriesIdentity(null);
  assert.equal(m.seriesIdentity(), 'from-the-laptop');
});

class Map2Storage {
  constructor() { this.m = new Map(); }
  getItem(k) { return this.m.has(k) ? this.m.get(k) : null; }
  setItem(k, v) { this.m.set(k, String(v)); }
  removeItem(k) { this.m.delete(k); }
}

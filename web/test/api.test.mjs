import test from 'node:test';
import assert from 'node:assert/strict';
import { createSession, createFollowUp, fetchSpeakingChart, fetchSummary, sessionInfo, httpErrorSentence } from '../js/api.js';
import { errorSentence } from '../js/protocol.js';

function fakeFetch(status, body, record = []) {
  return async (url, init = {}) => {
    record.push({ url, init });
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
      blob: async () => ({ text: body }),
    };
  };
}

test('create sends title and template, and the token as a bearer when given', async () => {
  const calls = [];
  const res = await createSession({ title: 'T', template: 'blank', token: 'tok' },
    fakeFetch(201, { code: 'c', facilitatorKey: 'k', joinUrl: '/s/c', displayUrl: '/d/c' }, calls));
  assert.equal(res.ok, true);
  assert.equal(res.data.facilitatorKey, 'k');
  assert.equal(calls[0].url, '/api/sessions');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
  assert.deepEqual(JSON.parse(calls[0].init.body), { title: 'T', template: 'blank' });
});

test('401 is reported as unauthorized whatever the body says', async () => {
  const res = await createSession({ title: 'T', template: 'first' }, fakeFetch(401, { error: 'forbidden', message: '' }));
  assert.deepEqual(res, { ok: false, status: 401, code: 'unauthorized' });
  assert.match(httpErrorSentence(res.code, errorSentence), /creation token/);
});

test('contract error bodies give their code; non-JSON falls back by status', async () => {
  assert.equal((await sessionInfo('x', fakeFetch(404, { error: 'unknown_session', message: '' }))).code, 'unknown_session');
  assert.equal((await sessionInfo('x', fakeFetch(404, 'not json'))).code, 'unknown_session');
  assert.equal((await sessionInfo('x', fakeFetch(429, { error: 'rate_limited', message: '' }))).code, 'rate_limited');
});

test('a network failure is its own case', async () => {
  const res = await sessionInfo('x', async () => { throw new TypeError('Failed to fetch'); });
  assert.deepEqual(res, { ok: false, status: 0, code: 'network' });
  assert.match(httpErrorSentence('network', errorSentence), /could not be reached/);
});

test('summary asks for Markdown with the facilitator key header', async () => {
  const calls = [];
  const res = await fetchSummary('a b', 'KEY', fakeFetch(200, '# Summary', calls), {});
  assert.equal(res.ok, true);
  assert.equal(calls[0].url, '/api/sessions/a%20b/summary');
  assert.equal(calls[0].init.headers.Accept, 'text/markdown');
  assert.equal(calls[0].init.headers['X-Facilitator-Key'], 'KEY');
});

test('the role holder without the key asks for the summary and chart with their resume token', async () => {
  const calls = [];
  await fetchSummary('c', { resume: 'TOKEN' }, fakeFetch(200, '# Summary', calls), {});
  await fetchSpeakingChart('c', { resume: 'TOKEN' }, fakeFetch(200, '<svg/>', calls), {});
  for (const c of calls) {
    assert.equal(c.init.headers['X-Resume-Token'], 'TOKEN');
    assert.equal('X-Facilitator-Key' in c.init.headers, false);
  }
});

test('summary and chart name the reader\'s language and time zone (v1.2)', async () => {
  const calls = [];
  await fetchSummary('c', 'KEY', fakeFetch(200, '# Zusammenfassung', calls), { lang: 'de', zone: 'Europe/Berlin' });
  assert.equal(calls[0].url, '/api/sessions/c/summary?lang=de&tz=Europe%2FBerlin');
  await fetchSpeakingChart('c', 'KEY', fakeFetch(200, '<svg/>', calls), { lang: 'es' });
  assert.equal(calls[1].url, '/api/sessions/c/summary?lang=es');
  assert.equal(calls[1].init.headers.Accept, 'image/svg+xml');
  assert.equal(calls[1].init.headers['X-Facilitator-Key'], 'KEY');
});

test('create sends the session\'s language when given', async () => {
  const calls = [];
  await createSession({ title: 'T', template: 'first', language: 'de' }, fakeFetch(201, { code: 'c', facilitatorKey: 'k' }, calls));
  assert.deepEqual(JSON.parse(calls[0].init.body), { title: 'T', template: 'first', language: 'de' });
});

test('follow-up posts the optional title with the key', async () => {
  const calls = [];
  await createFollowUp('c', 'KEY', undefined, fakeFetch(201, { code: 'd', facilitatorKey: 'k2' }, calls));
  await createFollowUp('c', 'KEY', 'Next', fakeFetch(201, { code: 'd', facilitatorKey: 'k2' }, calls));
  assert.equal(calls[0].url, '/api/sessions/c/follow-up');
  assert.equal(calls[0].init.body, '{}');
  assert.equal(calls[1].init.body, '{"title":"Next"}');
  assert.equal(calls[1].init.headers['X-Facilitator-Key'], 'KEY');
});

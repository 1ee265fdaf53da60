import test from 'node:test';
import assert from 'node:assert/strict';
import { cmd, decode, encode, errorSentence, ErrorCode, Command, knownErrorCodes } from '../js/protocol.js';

test('every contract error code has its own sentence', () => {
  const fallback = errorSentence('no_such_code');
  for (const code of Object.values(ErrorCode)) {
    assert.ok(knownErrorCodes().includes(code), code);
    assert.notEqual(errorSentence(code), fallback, code);
    assert.match(errorSentence(code), /\.$/);
  }
});

test('unknown error codes still get a sentence', () => {
  assert.match(errorSentence('brand_new_code'), /went wrong/);
});

test('join variants carry exactly the contract fields', () => {
  assert.deepEqual(cmd.join('abc', { name: 'Ana' }), { type: 'join', code: 'abc', name: 'Ana' });
  assert.deepEqual(cmd.join('abc', { name: 'Ana', key: 'K' }), { type: 'join', code: 'abc', name: 'Ana', key: 'K' });
  assert.deepEqual(cmd.join('abc', { name: 'Ana', key: 'K', resume: 'R' }), { type: 'join', code: 'abc', resume: 'R' });
  assert.deepEqual(cmd.join('abc', { display: true }), { type: 'join', code: 'abc', role: 'display' });
});

test('optional fields are left out, not sent as undefined or null', () => {
  assert.equal(encode(cmd.addAgendaItem('Intro', 5)), '{"type":"addAgendaItem","title":"Intro","minutes":5}');
  assert.equal(encode(cmd.addAgendaItem('Intro', 5, 'round', 0)),
    '{"type":"addAgendaItem","title":"Intro","minutes":5,"kind":"round","position":0}');
  assert.equal(encode(cmd.updateAgendaItem('i1', { minutes: 7 })), '{"type":"updateAgendaItem","itemId":"i1","minutes":7}');
  assert.equal(encode(cmd.setCommitmentStatus('c1', 'tried')), '{"type":"setCommitmentStatus","commitmentId":"c1","status":"tried"}');
  assert.equal(encode(cmd.setCommitmentStatus('c1', 'done', 'went well')),
    '{"type":"setCommitmentStatus","commitmentId":"c1","status":"done","note":"went well"}');
});

test('v1.1 commands: acting for a member, prompts, room members, fairness', () => {
  assert.equal(encode(cmd.raiseHand()), '{"type":"raiseHand"}');
  assert.equal(encode(cmd.raiseHand('m1')), '{"type":"raiseHand","memberId":"m1"}');
  assert.equal(encode(cmd.lowerHand('m1')), '{"type":"lowerHand","memberId":"m1"}');
  assert.equal(encode(cmd.doneSpeaking()), '{"type":"doneSpeaking"}');
  assert.equal(encode(cmd.addCommitment('Ask first', 'm2')), '{"type":"addCommitment","text":"Ask first","memberId":"m2"}');
  assert.equal(encode(cmd.addAgendaItem('Check-in', 10, 'round', undefined, 'How are you?')),
    '{"type":"addAgendaItem","title":"Check-in","minutes":10,"kind":"round","prompt":"How are you?"}');
  assert.equal(encode(cmd.updateAgendaItem('i1', { prompt: '' })), '{"type":"updateAgendaItem","itemId":"i1","prompt":""}');
  assert.equal(encode(cmd.addRoomMember('Rosa')), '{"type":"addRoomMember","name":"Rosa"}');
  assert.equal(encode(cmd.endTurn()), '{"type":"endTurn"}');
  assert.equal(encode(cmd.setFairnessVisible(false)), '{"type":"setFairnessVisible","visible":false}');
});

test('v1.2 practice notes: shared is always sent on add, only what changes on edit', () => {
  assert.equal(encode(cmd.addPracticeNote('c1', 'Tried it', true)),
    '{"type":"addPracticeNote","commitmentId":"c1","text":"Tried it","shared":true}');
  assert.equal(encode(cmd.addPracticeNote('c1', 'Just for me')),
    '{"type":"addPracticeNote","commitmentId":"c1","text":"Just for me","shared":false}');
  assert.equal(encode(cmd.editPracticeNote('n1', { text: 'Better' })), '{"type":"editPracticeNote","noteId":"n1","text":"Better"}');
  assert.equal(encode(cmd.editPracticeNote('n1', { shared: false })), '{"type":"editPracticeNote","noteId":"n1","shared":false}');
  assert.equal(encode(cmd.removePracticeNote('n1')), '{"type":"removePracticeNote","noteId":"n1"}');
});

test('every builder produces a known command type', () => {
  const types = new Set(Object.values(Command));
  for (const [name, build] of Object.entries(cmd)) {
    const c = build('x', 'y', 'z');
    assert.ok(types.has(c.type), name);
    assert.doesNotThrow(() => encode(c));
  }
});

test('encode refuses unknown command types', () => {
  assert.throws(() => encode({ type: 'hack' }), TypeError);
});

test('decode accepts well-formed messages and drops the rest', () => {
  assert.deepEqual(decode('{"type":"ack","id":"c1","v":3}'), { type: 'ack', id: 'c1', v: 3 });
  assert.equal(decode('not json'), null);
  assert.equal(decode('[1,2]'), null);
  assert.equal(decode('{"type":"somethingNew"}'), null);
  assert.equal(decode('{"type":"state","v":"3","state":{}}'), null);
  assert.equal(decode('{"type":"state","v":3}'), null);
  assert.equal(decode('{"type":"pong","t":1}'), null);
  assert.equal(decode(new ArrayBuffer(2)), null);
  assert.ok(decode('{"type":"welcome","memberId":null,"resume":null,"serverTime":5,"v":1,"state":{},"you":null}'));
});

test('text stays text through encode and decode', () => {
  const evil = '<img src=x onerror=alert(1)>';
  assert.equal(JSON.parse(encode(cmd.postIdea(evil))).text, evil);
});

test('v1.2 requests and the schedule: only the fields given, answers decoded', () => {
  assert.equal(encode(cmd.getSummary()), '{"type":"getSummary"}');
  assert.equal(encode(cmd.getSummary('markdown')), '{"type":"getSummary","format":"markdown"}');
  assert.equal(encode(cmd.createFollowUp()), '{"type":"createFollowUp"}');
  assert.equal(encode(cmd.createFollowUp({ title: 'Round two', at: 1767283200000, minutes: 90 })),
    '{"type":"createFollowUp","title":"Round two","at":1767283200000,"minutes":90}');
  assert.equal(encode(cmd.setSchedule(1767283200000, 60)), '{"type":"setSchedule","at":1767283200000,"minutes":60}');
  const summary = decode('{"type":"summary","id":"k-1","format":"json","body":{"code":"c"}}');
  assert.deepEqual(summary.body, { code: 'c' });
  const made = decode('{"type":"followUp","id":"k-2","code":"n","joinUrl":"https://x/s/n","displayUrl":"https://x/d/n","facilitatorKey":"K"}');
  assert.equal(made.facilitatorKey, 'K');
  assert.equal(decode('{"type":"followUp","id":"k-3"}'), null);
  assert.equal(decode('{"type":"summary","id":"k-4","format":"json"}'), null);
});

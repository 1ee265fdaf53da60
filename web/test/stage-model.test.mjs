import test from 'node:test';
import assert from 'node:assert/strict';
import { barSteps, between, isReflection, Panel, previousByOwner, roundOrder, speakingRecord, stageKey, stageOf, StageKind } from '../js/stage-model.js';

function session({ items = [], currentId = null, phase = 'closed', previous = null, members = [], queue } = {}) {
  return {
    agenda: { currentId, items },
    board: { phase, prompt: '', ideas: [], ideaCount: 0, votesPerMember: 3 },
    queue: queue || { speaker: null, waiting: [], round: false },
    members, previous, commitments: [],
  };
}
const item = (id, kind, status = 'pending', extra = {}) => ({ id, kind, status, title: id, minutes: 5, prompt: '', ...extra });
const followUp = [item('welcome', 'discussion', 'done'), item('checkin', 'round', 'done'), item('reflect', 'round', 'active'),
  item('board', 'board'), item('next', 'commitments')];

test('before the agenda starts the stage is idle and shows the queue', () => {
  const s = stageOf(session({ items: [item('a', 'discussion')] }));
  assert.equal(s.kind, StageKind.IDLE);
  assert.deepEqual(s.panels, [Panel.QUEUE]);
  assert.equal(s.next.id, 'a');
  assert.equal(s.item, null);
});

test('a follow-up before it starts puts last time’s commitments (the practice log) on stage first', () => {
  const previous = { title: 'First', commitments: [{ id: 'c1', name: 'Ben', text: 'x', status: 'planned', note: '', notes: [] }] };
  const pending = followUp.map((i) => ({ ...i, status: 'pending' }));
  const s = stageOf(session({ items: pending, previous }));
  assert.equal(s.kind, StageKind.IDLE);
  assert.deepEqual(s.panels, [Panel.QUEUE, Panel.PREVIOUS]);
  assert.equal(between(session({ items: pending, previous }), StageKind.IDLE), true);
  assert.deepEqual(stageOf(session({ items: pending, previous: { title: 'First', commitments: [] } })).panels, [Panel.QUEUE]);
  const started = [{ ...pending[0], status: 'done' }, ...pending.slice(1)];
  assert.deepEqual(stageOf(session({ items: started, previous })).panels, [Panel.QUEUE], 'once it has begun, the agenda leads');
});

test('each kind of item puts its own control on stage', () => {
  const cases = { discussion: [StageKind.DISCUSSION, [Panel.QUEUE]], round: [StageKind.ROUND, [Panel.QUEUE]],
    board: [StageKind.BOARD, [Panel.BOARD]], commitments: [StageKind.COMMITMENTS, [Panel.COMMITMENTS]], break: [StageKind.BREAK, []] };
  for (const [kind, [stage, panels]] of Object.entries(cases)) {
    const s = stageOf(session({ items: [item('w', 'discussion', 'done'), item('x', kind, 'active')], currentId: 'x' }));
    assert.equal(s.kind, stage, kind);
    assert.deepEqual(s.panels, panels, kind);
  }
});

test('a discussion that opens the agenda is the welcome: the ground rules go on stage beside the queue', () => {
  const items = [item('w', 'discussion', 'active'), item('d', 'discussion')];
  const welcome = stageOf(session({ items, currentId: 'w' }));
  assert.equal(welcome.kind, StageKind.WELCOME);
  assert.deepEqual(welcome.panels, [Panel.QUEUE, Panel.RULES]);
  assert.equal(stageOf(session({ items: [item('w', 'discussion', 'done'), item('d', 'discussion', 'active')], currentId: 'd' })).kind,
    StageKind.DISCUSSION);
  assert.equal(stageOf(session({ items: [item('r', 'round', 'active')], currentId: 'r' })).kind, StageKind.ROUND, 'a round first is a round');
});

test('an open board with no item running is on stage; after the last item the commitments are', () => {
  assert.equal(stageOf(session({ phase: 'writing' })).kind, StageKind.BOARD);
  const done = stageOf(session({ items: [item('a', 'discussion', 'done')] }));
  assert.equal(done.kind, StageKind.DONE);
  assert.deepEqual(done.panels, [Panel.COMMITMENTS]);
});

test('a reflection round is a round after the first one, in a session with last time’s commitments', () => {
  const previous = { title: 'First', commitments: [{ id: 'k', memberId: 'old', name: 'Ben', text: 'Pair', status: 'tried', note: '' }] };
  const s = session({ items: followUp, currentId: 'reflect', previous });
  assert.equal(stageOf(s).kind, StageKind.REFLECTION);
  assert.deepEqual(stageOf(s).panels, [Panel.QUEUE, Panel.PREVIOUS]);
  assert.equal(isReflection(s, followUp[1]), false, 'the check-in round is not');
  assert.equal(isReflection({ ...s, previous: { title: 'First', commitments: [] } }, followUp[2]), false, 'nothing to reflect on');
  assert.equal(isReflection({ ...s, previous: null }, followUp[2]), false, 'a first session');
});

test('last time’s commitments by owner, in the round’s order, matched to today’s members by name', () => {
  const previous = { title: 'First', commitments: [
    { id: '1', memberId: 'o1', name: 'Ben', text: 'Pair', status: 'tried', note: '' },
    { id: '2', memberId: 'o2', name: 'Chloé', text: 'Ask', status: 'done', note: 'worked' },
    { id: '3', memberId: 'o1', name: 'Ben', text: 'Log', status: 'planned', note: '' },
    { id: '4', memberId: 'o3', name: 'Dev', text: 'Shadow', status: 'planned', note: '' }] };
  const members = [{ id: 'b', name: 'Ben', online: true }, { id: 'c', name: 'Chloé', online: true }];
  const queue = { speaker: { memberId: 'c', startedAt: 1 }, waiting: ['b'], round: true };
  const state = session({ items: followUp, currentId: 'reflect', previous, members, queue });
  const before = JSON.stringify(state);
  const owners = previousByOwner(state);
  assert.deepEqual(owners.map((o) => [o.name, o.memberId, o.speaking, o.present, o.commitments.map((c) => c.text)]), [
    ['Chloé', 'c', true, true, ['Ask']],
    ['Ben', 'b', false, true, ['Pair', 'Log']],
    ['Dev', null, false, false, ['Shadow']],
  ]);
  assert.equal(JSON.stringify(state), before, 'state untouched');
  assert.deepEqual(previousByOwner(session()), []);
});

test('round order is the speaker, then the waiting list', () => {
  assert.deepEqual(roundOrder({ speaker: { memberId: 'a' }, waiting: ['b', 'c'] }), ['a', 'b', 'c']);
  assert.deepEqual(roundOrder({ speaker: null, waiting: ['b'] }), ['b']);
  assert.deepEqual(roundOrder(null), []);
});

test('bars are twentieths of the top idea; any vote shows at least one step', () => {
  assert.equal(barSteps(3, 3), 20);
  assert.equal(barSteps(1, 3), 7);
  assert.equal(barSteps(1, 100), 1);
  assert.equal(barSteps(0, 3), 0);
  assert.equal(barSteps(0, 0), 0);
});

test('the stage key moves with the item and the board phase, not with anything else', () => {
  const a = session({ items: [item('b', 'board', 'active')], currentId: 'b', phase: 'writing' });
  const key = stageKey(stageOf(a));
  assert.equal(stageKey(stageOf({ ...a, queue: { speaker: { memberId: 'x' }, waiting: [] } })), key);
  assert.notEqual(stageKey(stageOf({ ...a, board: { ...a.board, phase: 'voting' } })), key);
  assert.notEqual(stageKey(stageOf(session({ items: [item('c', 'discussion', 'active')], currentId: 'c' }))), key);
});

test('the stage’s prompt is the item’s, or on a board the board’s own', () => {
  const items = [item('b', 'board', 'active', { prompt: 'What could we try?' })];
  const s = session({ items, currentId: 'b', phase: 'writing' });
  assert.equal(stageOf(s).prompt, 'What could we try?');
  assert.equal(stageOf({ ...s, board: { ...s.board, prompt: 'Reworded' } }).prompt, 'Reworded');
  assert.equal(stageOf(session({ items: [item('d', 'discussion', 'active', { prompt: 'Talk' })], currentId: 'd', phase: 'writing' })).prompt, 'Talk');
  assert.equal(stageOf(session()).prompt, '');
});

test('after the last item the close is on stage even while the board still shows results', () => {
  const s = session({ items: [item('b', 'board', 'done'), item('c', 'discussion', 'done')], phase: 'results' });
  assert.equal(stageOf(s).kind, StageKind.DONE);
  assert.equal(stageOf(session({ items: [item('b', 'board', 'done'), item('c', 'discussion')], phase: 'results' })).kind, StageKind.BOARD);
});

test('the speaking record keeps the member order, scales bars to the longest time, and can be turned off', () => {
  const members = [
    { id: 'a', name: 'Ana', online: true, turns: 1, spokenMs: 30000 },
    { id: 'b', name: 'Ben', online: true, turns: 2, spokenMs: 120000 },
    { id: 'c', name: 'Chloé', online: false, turns: 0, spokenMs: 0 },
    { id: 'd', name: 'Dev', online: true, turns: 0, spokenMs: 0 }];
  const record = speakingRecord({ members });
  assert.deepEqual(record.map((r) => [r.name, r.turns, r.steps]), [['Ana', 1, 5], ['Ben', 2, 20], ['Dev', 0, 0]]);
  assert.equal(speakingRecord({ members, fairness: { visible: false } }), null);
  assert.equal(speakingRecord({ members, fairness: { visible: true } }).length, 3);
});

test('the live record keeps member order (not sorted by time) and marks who is in the room', () => {
  const state = {
    fairness: { visible: true },
    members: [
      { id: 'a', name: 'Ana', online: true, turns: 0, spokenMs: 0 },
      { id: 'd', name: 'Dora', online: true, inRoom: true, turns: 2, spokenMs: 90_000 },
      { id: 'b', name: 'Ben', online: true, turns: 1, spokenMs: 30_000 },
    ],
  };
  const rows = speakingRecord(state);
  assert.deepEqual(rows.map((r) => r.name), ['Ana', 'Dora', 'Ben']);
  assert.deepEqual(rows.map((r) => r.inRoom), [false, true, false]);
  assert.deepEqual(rows.map((r) => r.steps), [0, 20, 7]);
  assert.equal(speakingRecord({ ...state, fairness: { visible: false } }), null);
});

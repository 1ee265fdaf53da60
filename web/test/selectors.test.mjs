import test from 'node:test';
import assert from 'node:assert/strict';
import { queuePosition, ideasByVotes, ideasByGroup, currentItem, nextPendingItem, memberName, myVotesOn } from '../js/selectors.js';

test('queue position: speaking, waiting (1-based), or neither', () => {
  const q = { speaker: { memberId: 'a', startedAt: 0 }, waiting: ['b', 'c'] };
  assert.deepEqual(queuePosition(q, 'a'), { speaking: true, position: 0 });
  assert.deepEqual(queuePosition(q, 'c'), { speaking: false, position: 2 });
  assert.equal(queuePosition(q, 'z'), null);
  assert.equal(queuePosition({ speaker: null, waiting: [] }, 'a'), null);
  assert.equal(queuePosition(q, null), null);
});

test('results sort by votes, ties keep server order', () => {
  const ideas = [{ id: '1', votes: 1 }, { id: '2', votes: 3 }, { id: '3', votes: 1 }, { id: '4', votes: 0 }];
  assert.deepEqual(ideasByVotes(ideas).map((i) => i.id), ['2', '1', '3', '4']);
  assert.deepEqual(ideas.map((i) => i.id), ['1', '2', '3', '4'], 'input untouched');
});

test('ideas by group, ungrouped last', () => {
  const g = ideasByGroup([{ id: '1' }, { id: '2', group: 'B' }, { id: '3', group: 'A' }, { id: '4', group: 'B' }]);
  assert.deepEqual(g.map((x) => [x.group, x.ideas.map((i) => i.id)]), [['B', ['2', '4']], ['A', ['3']], [null, ['1']]]);
});

test('agenda current and next pending', () => {
  const state = { agenda: { currentId: 'b', items: [
    { id: 'a', status: 'done' }, { id: 'b', status: 'active' }, { id: 'c', status: 'pending' }] } };
  assert.equal(currentItem(state).id, 'b');
  assert.equal(nextPendingItem(state).id, 'c');
  assert.equal(currentItem({ agenda: { currentId: null, items: [] } }), null);
});

test('names and votes', () => {
  const state = { members: [{ id: 'a', name: 'Ana' }] };
  assert.equal(memberName(state, 'a'), 'Ana');
  assert.equal(memberName(state, 'x'), 'someone who left');
  assert.equal(myVotesOn({ myVotes: { i1: 2 } }, 'i1'), 2);
  assert.equal(myVotesOn({ myVotes: {} }, 'i2'), 0);
  assert.equal(myVotesOn(null, 'i2'), 0);
});

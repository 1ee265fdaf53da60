import test from 'node:test';
import assert from 'node:assert/strict';
import { queuePosition, ideasByVotes, ideasByGroup, currentItem, nextPendingItem, memberName, myVotesOn, resultsRanking, groupLabels, votedCount, roomBoards } from '../js/selectors.js';

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

test('results rank groups by their summed votes beside ideas in no group (v1.2)', () => {
  const board = {
    ideas: [
      { id: 'a', text: 'weekly 1:1s', group: '1:1s', votes: 2 }, { id: 'b', text: 'walk', votes: 3 },
      { id: 'c', text: '1:1s every week', group: '1:1s', votes: 2 }, { id: 'd', text: 'one-on-ones', group: '1:1s', votes: 1 },
      { id: 'e', text: 'praise', group: 'Praise', votes: 3 },
    ],
    groups: [{ label: '1:1s', votes: 5, ideaIds: ['a', 'c', 'd'] }, { label: 'Praise', votes: 3, ideaIds: ['e'] }],
  };
  const r = resultsRanking(board);
  assert.deepEqual(r.map((e) => [e.label, e.votes]), [['1:1s', 5], ['Praise', 3], [null, 3]]);
  assert.deepEqual(r[0].ideas.map((i) => i.id), ['a', 'c', 'd']);
  assert.equal(r[2].ideas[0].text, 'walk');
  // Without groups (an older server), every idea stands alone.
  assert.deepEqual(resultsRanking({ ideas: board.ideas }).map((e) => e.votes), [3, 3, 2, 2, 1]);
});

test('group labels once each, voted of members, room members with their view', () => {
  assert.deepEqual(groupLabels([{ group: '1:1s' }, { group: ' 1:1S' }, {}, { group: 'Praise' }]), ['1:1s', 'Praise']);
  const state = { board: { voted: 5 }, members: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `m${n}`, name: `M${n}`, inRoom: n === 7 })) };
  assert.deepEqual(votedCount(state), { voted: 5, of: 7 });
  assert.deepEqual(votedCount({ board: { voted: 3 }, members: [{}, {}] }), { voted: 3, of: 3 });
  const rooms = roomBoards(state, { roomMembers: [{ memberId: 'm7', votesLeft: 2, myVotes: { x: 1 }, myIdeas: [] }] });
  assert.equal(rooms.length, 1);
  assert.equal(rooms[0].name, 'M7');
  assert.equal(rooms[0].view.votesLeft, 2);
  assert.equal(roomBoards(state, null)[0].view.votesLeft, 0);
});

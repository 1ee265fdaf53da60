// Questions the views ask of the public state and the private `you`. No DOM.

import { ItemStatus } from './protocol.js';

export function memberById(state, id) {
  return (state && state.members || []).find((m) => m.id === id) || null;
}

export function memberName(state, id) {
  const m = memberById(state, id);
  return m ? m.name : 'someone who left';
}

/**
 * Where a member stands in the speaking queue:
 * {speaking: true} while they have the floor, {position: n} (1-based) while
 * waiting, or null when they are neither.
 */
export function queuePosition(queue, memberId) {
  if (!queue || !memberId) return null;
  if (queue.speaker && queue.speaker.memberId === memberId) return { speaking: true, position: 0 };
  const i = (queue.waiting || []).indexOf(memberId);
  return i < 0 ? null : { speaking: false, position: i + 1 };
}

export function currentItem(state) {
  const agenda = state && state.agenda;
  if (!agenda || !agenda.currentId) return null;
  return agenda.items.find((i) => i.id === agenda.currentId) || null;
}

/** The first pending item in list order: what "next item" will start. */
export function nextPendingItem(state) {
  const items = (state && state.agenda && state.agenda.items) || [];
  return items.find((i) => i.status === ItemStatus.PENDING) || null;
}

/** Ideas by votes, most first; ties keep the server's (shuffled) order. */
export function ideasByVotes(ideas) {
  return (ideas || [])
    .map((idea, i) => ({ idea, i }))
    .sort((a, b) => (b.idea.votes || 0) - (a.idea.votes || 0) || a.i - b.i)
    .map((x) => x.idea);
}

/**
 * Ideas gathered by their `group` label, groups in order of first appearance,
 * ungrouped ideas last under the label null.
 */
export function ideasByGroup(ideas) {
  const groups = new Map();
  for (const idea of ideas || []) {
    const g = idea.group ? idea.group : null;
    if (g !== null && !groups.has(g)) groups.set(g, []);
    if (g !== null) groups.get(g).push(idea);
  }
  const result = [...groups].map(([group, list]) => ({ group, ideas: list }));
  const loose = (ideas || []).filter((i) => !i.group);
  if (loose.length) result.push({ group: null, ideas: loose });
  return result;
}

export function myCommitments(state, memberId) {
  return ((state && state.commitments) || []).filter((c) => c.memberId === memberId);
}

export function othersCommitments(state, memberId) {
  return ((state && state.commitments) || []).filter((c) => c.memberId !== memberId);
}

export function myVotesOn(you, ideaId) {
  return (you && you.myVotes && you.myVotes[ideaId]) || 0;
}

/**
 * The results as the room ranks them (v1.2): every group of `board.groups` (its summed votes, its
 * ideas most voted first) and every idea in no group, in one ranking by votes. Ties keep groups
 * first, then the server's order. Entries are {label, votes, ideas}; label null for a lone idea.
 */
export function resultsRanking(board) {
  const ideas = (board && board.ideas) || [];
  const byId = new Map(ideas.map((i) => [i.id, i]));
  const groups = ((board && board.groups) || []).map((g) => ({
    label: g.label, votes: g.votes || 0, ideas: (g.ideaIds || []).map((id) => byId.get(id)).filter(Boolean),
  }));
  const grouped = new Set(groups.flatMap((g) => g.ideas.map((i) => i.id)));
  const lone = ideasByVotes(ideas.filter((i) => !grouped.has(i.id))).map((i) => ({ label: null, votes: i.votes || 0, ideas: [i] }));
  return [...groups, ...lone].map((e, k) => ({ e, k })).sort((a, b) => b.e.votes - a.e.votes || a.k - b.k).map((x) => x.e);
}

/** The group labels on the board, each once (labels compare trimmed, case-insensitive), in order of first use. */
export function groupLabels(ideas) {
  const seen = new Map();
  for (const idea of ideas || []) {
    if (!idea.group) continue;
    const key = idea.group.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, idea.group);
  }
  return [...seen.values()];
}

/** "5 of 7 voted": who could vote is every member present in the list (room members too). */
export function votedCount(state) {
  const voted = (state && state.board && state.board.voted) || 0;
  const members = ((state && state.members) || []).length;
  return { voted, of: Math.max(voted, members) };
}

/** Room members (v1.2) with the facilitator's private view of their board, when there is one. */
export function roomBoards(state, you) {
  const views = new Map(((you && you.roomMembers) || []).map((r) => [r.memberId, r]));
  return ((state && state.members) || []).filter((m) => m.inRoom)
    .map((m) => ({ id: m.id, name: m.name, view: views.get(m.id) || { votesLeft: 0, myVotes: {}, myIdeas: [] } }));
}

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

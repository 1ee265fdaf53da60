// The practice log between the sessions, worked out from the public state and the member's own
// view: no DOM. Shared notes are in `previous.commitments[i].notes`; the member's private ones only
// in `you.myPracticeNotes` (v1.2).

import { ItemStatus } from './protocol.js';

/** The ids of the earlier commitments this member made (matched by series identity). */
export function myPreviousIds(you) {
  return new Set((you && you.myPrevious) || []);
}

/**
 * One commitment's log as its author sees it: shared notes from the public state and private ones
 * from their own view, oldest first. Each: {id, text, at, shared}.
 */
export function ownLog(commitment, you) {
  const shared = (commitment.notes || []).map((n) => ({ id: n.id, text: n.text, at: n.at, shared: true }));
  const own = ((you && you.myPracticeNotes) || []).filter((n) => n.commitmentId === commitment.id)
    .map((n) => ({ id: n.id, text: n.text, at: n.at, shared: false }));
  return [...shared, ...own].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** Whether the follow-up has not started yet: nothing on its agenda has begun. */
export function beforeItStarts(state) {
  const items = (state && state.agenda && state.agenda.items) || [];
  return items.every((i) => i.status === ItemStatus.PENDING);
}

/**
 * The gentle check-in: due from halfway between the follow-up's creation (the first session's
 * close, when its date was set) and its scheduled start, until it starts. Null when there is no
 * date, or the follow-up carries no commitments; else {halfway, at}.
 */
export function checkIn(state, now) {
  const scheduled = state && state.scheduled;
  const previous = state && state.previous;
  if (!scheduled || !previous || !(previous.commitments || []).length) return null;
  if (!beforeItStarts(state)) return null;
  const halfway = state.createdAt + (scheduled.at - state.createdAt) / 2;
  if (!(now >= halfway) || now >= scheduled.at) return null;
  return { halfway, at: scheduled.at };
}

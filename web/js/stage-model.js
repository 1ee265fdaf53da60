// What the room is doing now, worked out from the public state alone, so the
// member page, the run bar and the projector all agree. No DOM.

import { BoardPhase, ItemKind, ItemStatus } from './protocol.js';
import { currentItem, nextPendingItem } from './selectors.js';

/** The stage's situations. A board item is named by its board phase. */
export const StageKind = Object.freeze({
  IDLE: 'idle', DONE: 'done', WELCOME: 'welcome', DISCUSSION: 'discussion', ROUND: 'round', REFLECTION: 'reflection',
  BOARD: 'board', COMMITMENTS: 'commitments', BREAK: 'break',
});

/** The parts of the page a stage can put in front of the room. */
export const Panel = Object.freeze({
  QUEUE: 'queue', BOARD: 'board', COMMITMENTS: 'commitments', PREVIOUS: 'previous', RULES: 'rules',
});

/**
 * {kind, item, next, phase, prompt, panels}: the active item (null before the
 * agenda starts or after it ends), the item "next item" would start, the
 * board's phase, the question the group answers now (on a board, the board's
 * prompt, which the facilitator may have reworded), and the panels that hold
 * the one control that matters now, first the most important.
 */
export function stageOf(state) {
  const item = currentItem(state);
  const next = nextPendingItem(state);
  const phase = (state && state.board && state.board.phase) || BoardPhase.CLOSED;
  const kind = kindOf(state, item, phase);
  const boardPrompt = kind === StageKind.BOARD && state.board && state.board.prompt;
  const prompt = boardPrompt || (item && item.prompt) || '';
  return { kind, item, next, phase, prompt, panels: between(state, kind) ? BETWEEN : PANELS[kind] };
}

/**
 * A follow-up before it starts is the group's space between the meetings: the practice log on
 * last time's commitments is what a member opening it came for. It comes under the (short) queue,
 * so when the meeting starts and the log folds away, nothing above it moves.
 */
export function between(state, kind) {
  const previous = state && state.previous;
  const items = (state && state.agenda && state.agenda.items) || [];
  return kind === StageKind.IDLE && !!previous && (previous.commitments || []).length > 0
    && items.every((i) => i.status === ItemStatus.PENDING);
}

const BETWEEN = Object.freeze([Panel.QUEUE, Panel.PREVIOUS]);

const PANELS = Object.freeze({
  [StageKind.IDLE]: [Panel.QUEUE],
  // At the close the group's commitments are what people take away.
  [StageKind.DONE]: [Panel.COMMITMENTS],
  // The welcome asks which ground rule matters most: the rules come on stage, under the queue's
  // control (which keeps its place when the welcome ends).
  [StageKind.WELCOME]: [Panel.QUEUE, Panel.RULES],
  [StageKind.DISCUSSION]: [Panel.QUEUE],
  [StageKind.ROUND]: [Panel.QUEUE],
  [StageKind.REFLECTION]: [Panel.QUEUE, Panel.PREVIOUS],
  [StageKind.BOARD]: [Panel.BOARD],
  [StageKind.COMMITMENTS]: [Panel.COMMITMENTS],
  [StageKind.BREAK]: [],
});

function kindOf(state, item, phase) {
  if (!item) {
    // After the last item the board may still show its results: the close is what matters then.
    const done = ((state && state.agenda && state.agenda.items) || []).some((i) => i.status === ItemStatus.DONE);
    if (done && !nextPendingItem(state)) return StageKind.DONE;
    return phase !== BoardPhase.CLOSED ? StageKind.BOARD : StageKind.IDLE;
  }
  switch (item.kind) {
    case ItemKind.ROUND: return isReflection(state, item) ? StageKind.REFLECTION : StageKind.ROUND;
    case ItemKind.BOARD: return StageKind.BOARD;
    case ItemKind.COMMITMENTS: return StageKind.COMMITMENTS;
    case ItemKind.BREAK: return StageKind.BREAK;
    default: return isWelcome(state, item) ? StageKind.WELCOME : StageKind.DISCUSSION;
  }
}

/**
 * A welcome is a discussion that opens the agenda: both templates start with one ("Welcome and
 * ground rules", "Welcome"), and it is where a group agrees how it works together. As with a
 * reflection round, titles are the facilitator's words in any language; the place is the signal.
 */
export function isWelcome(state, item) {
  if (!item || item.kind !== ItemKind.DISCUSSION) return false;
  const first = state && state.agenda && state.agenda.items[0];
  return !!first && first.id === item.id;
}

/**
 * A reflection round is a round in a session that carries commitments from
 * the one before, other than the agenda's first round: the follow-up template
 * opens with a check-in round and reflects in the next one. The contract has
 * no item field for it, and titles are the facilitator's words in any
 * language, so the agenda's shape is the one language-free signal.
 */
export function isReflection(state, item) {
  if (!item || item.kind !== ItemKind.ROUND) return false;
  const previous = state && state.previous;
  if (!previous || !(previous.commitments || []).length) return false;
  const firstRound = state.agenda.items.find((i) => i.kind === ItemKind.ROUND);
  return !!firstRound && firstRound.id !== item.id;
}

/**
 * Last session's commitments by owner, in the order of this round (speaker,
 * then waiting, then the rest), matched to today's members by name (ids do
 * not carry across sessions; names are what the group knows each other by).
 * Each owner: {name, memberId|null, speaking, present, commitments}.
 */
export function previousByOwner(state) {
  const previous = state && state.previous;
  if (!previous) return [];
  const owners = new Map();
  for (const c of previous.commitments || []) {
    if (!owners.has(c.name)) owners.set(c.name, []);
    owners.get(c.name).push(c);
  }
  const members = (state.members || []);
  const queue = state.queue || { speaker: null, waiting: [] };
  const order = [queue.speaker && queue.speaker.memberId, ...(queue.waiting || [])].filter(Boolean);
  const rank = (id) => { const i = order.indexOf(id); return i < 0 ? order.length : i; };
  return [...owners].map(([name, commitments], i) => {
    const member = members.find((m) => m.name === name) || null;
    const memberId = member ? member.id : null;
    return {
      name, memberId, commitments, i,
      speaking: !!memberId && !!queue.speaker && queue.speaker.memberId === memberId,
      present: !!member && member.online,
    };
  }).sort((a, b) => rank(a.memberId) - rank(b.memberId) || a.i - b.i)
    .map(({ i, ...owner }) => owner);
}

/** The stage's heading and question when no agenda item is running: keys into the catalogue. */
export function unscheduledWords(kind, isBetween = false) {
  if (isBetween) return { title: 'stage.between.title', prompt: 'stage.between.prompt' };
  if (kind === StageKind.DONE) return { title: 'stage.done.title', prompt: 'stage.done.prompt' };
  if (kind === StageKind.BOARD) return { title: 'stage.kind.board', prompt: null };
  return { title: 'stage.idle.title', prompt: 'stage.idle.prompt' };
}

/**
 * The group's speaking record for the close: every member who spoke or is
 * present, in the member list's order (never sorted: a chart, not a ranking),
 * with a bar in twentieths of the longest speaking time. Null when the
 * facilitator has turned the record off (v1.1 `fairness.visible`; shown when
 * a v1 server sends no such field).
 */
export function speakingRecord(state) {
  if (state && state.fairness && state.fairness.visible === false) return null;
  const members = ((state && state.members) || []).filter((m) => m.online || m.turns > 0);
  const most = Math.max(0, ...members.map((m) => m.spokenMs || 0));
  return members.map((m) => ({ name: m.name, inRoom: !!m.inRoom, turns: m.turns || 0, spokenMs: m.spokenMs || 0, steps: barSteps(m.spokenMs || 0, most) }));
}

/** The round's order as member ids: the speaker first, then the waiting list. */
export function roundOrder(queue) {
  if (!queue) return [];
  return [queue.speaker && queue.speaker.memberId, ...(queue.waiting || [])].filter(Boolean);
}

/** A bar's length in twentieths of the longest (0–20), for a CSS class: the CSP allows no inline widths. */
export function barSteps(votes, most) {
  if (!(most > 0) || !(votes > 0)) return 0;
  return Math.max(1, Math.round((votes / most) * 20));
}

/**
 * A key that changes exactly when the room moves on: another item, or the
 * board in another phase. The stage is announced when it changes, and only then.
 */
export function stageKey(stage) {
  const id = stage.item ? stage.item.id : '-';
  return stage.kind === StageKind.BOARD || stage.kind === StageKind.IDLE && stage.phase !== BoardPhase.CLOSED
    ? `${id}:${stage.phase}` : `${id}:${stage.kind}`;
}

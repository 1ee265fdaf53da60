// The wire contract (PROTOCOL.md v1 and its v1.1 amendments) on the client side: every message type,
// field value and error code is spelled here and nowhere else. No DOM.

import { t } from './i18n.js';

/** Commands a client sends. */
export const Command = Object.freeze({
  JOIN: 'join', PING: 'ping', SYNC: 'sync', LEAVE: 'leave', RENAME: 'rename',
  RAISE_HAND: 'raiseHand', LOWER_HAND: 'lowerHand', DONE_SPEAKING: 'doneSpeaking',
  POST_IDEA: 'postIdea', EDIT_IDEA: 'editIdea', DELETE_IDEA: 'deleteIdea',
  VOTE: 'vote', UNVOTE: 'unvote',
  ADD_COMMITMENT: 'addCommitment', EDIT_COMMITMENT: 'editCommitment',
  REMOVE_COMMITMENT: 'removeCommitment', SET_COMMITMENT_STATUS: 'setCommitmentStatus',
  NEXT_SPEAKER: 'nextSpeaker', START_ROUND: 'startRound',
  SET_QUEUE_POLICY: 'setQueuePolicy', SET_TURN_LIMIT: 'setTurnLimit',
  START_TIMER: 'startTimer', PAUSE_TIMER: 'pauseTimer', RESUME_TIMER: 'resumeTimer',
  ADD_TIME: 'addTime', RESET_TIMER: 'resetTimer',
  ADD_AGENDA_ITEM: 'addAgendaItem', UPDATE_AGENDA_ITEM: 'updateAgendaItem',
  REMOVE_AGENDA_ITEM: 'removeAgendaItem', MOVE_AGENDA_ITEM: 'moveAgendaItem',
  START_AGENDA_ITEM: 'startAgendaItem', NEXT_AGENDA_ITEM: 'nextAgendaItem',
  SET_BOARD_PHASE: 'setBoardPhase', CLEAR_BOARD: 'clearBoard', SET_BOARD_PROMPT: 'setBoardPrompt',
  SET_VOTES_PER_MEMBER: 'setVotesPerMember', GROUP_IDEA: 'groupIdea',
  SET_GROUND_RULES: 'setGroundRules', HAND_OFF: 'handOff',
  REMOVE_MEMBER: 'removeMember', END_SESSION: 'endSession', DELETE_SESSION: 'deleteSession',
  // v1.1: hybrid rooms, moderation, fairness
  ADD_ROOM_MEMBER: 'addRoomMember', END_TURN: 'endTurn', SET_FAIRNESS_VISIBLE: 'setFairnessVisible',
  // v1.2: the role carries its powers (answered to the asker alone), and the schedule
  GET_SUMMARY: 'getSummary', CREATE_FOLLOW_UP: 'createFollowUp', SET_SCHEDULE: 'setSchedule',
  // v1.2: the practice log between the sessions
  ADD_PRACTICE_NOTE: 'addPracticeNote', EDIT_PRACTICE_NOTE: 'editPracticeNote',
  REMOVE_PRACTICE_NOTE: 'removePracticeNote',
  // issue 21: the room protects itself
  REMOVE_DISPLAY: 'removeDisplay', LOCK_ROOM: 'lockRoom',
});

/** Messages the server sends. */
export const Message = Object.freeze({
  WELCOME: 'welcome', STATE: 'state', YOU: 'you', ACK: 'ack',
  ERROR: 'error', PONG: 'pong', CLOSED: 'closed',
  // v1.2: a request's answer, to the asking connection only, carrying the request's id
  SUMMARY: 'summary', FOLLOW_UP: 'followUp',
});

/** v1.2: the formats of the summary `getSummary` answers with. */
export const SummaryFormat = Object.freeze({ JSON: 'json', MARKDOWN: 'markdown' });

/** v1.2: a schedule's length in minutes (the server refuses others with limit_exceeded). */
export const ScheduleMinutes = Object.freeze({ MIN: 15, MAX: 480 });

export const ErrorCode = Object.freeze({
  BAD_REQUEST: 'bad_request', NOT_JOINED: 'not_joined',
  UNKNOWN_SESSION: 'unknown_session', SESSION_FULL: 'session_full',
  SESSION_ENDED: 'session_ended', FORBIDDEN: 'forbidden', NOT_FOUND: 'not_found',
  INVALID_PHASE: 'invalid_phase', LIMIT_EXCEEDED: 'limit_exceeded',
  RATE_LIMITED: 'rate_limited', UNAVAILABLE: 'unavailable', INTERNAL: 'internal',
  // issue 21: the facilitator locked the room to new names and displays
  ROOM_LOCKED: 'room_locked',
});

/** Not on the wire: what the client itself reports about a command it could not see through. */
export const ClientErrorCode = Object.freeze({
  NOT_CONNECTED: 'not_connected', CONNECTION_LOST: 'connection_lost', NO_ANSWER: 'no_answer',
});

/** Not on the wire either: an HTTP call nothing answered, or one answered 401 (no or a wrong key). */
export const HttpClientCode = Object.freeze({ NETWORK: 'network', UNAUTHORIZED: 'unauthorized' });

/**
 * `deleted` (the facilitator deleted the session) and `display-removed` (the facilitator removed this
 * display) are extensions; clients treat unknown reasons as ended.
 */
export const CloseReason = Object.freeze({
  ENDED: 'ended', REMOVED: 'removed', DELETED: 'deleted', DISPLAY_REMOVED: 'display-removed',
});
export const SessionStatus = Object.freeze({ OPEN: 'open', ENDED: 'ended' });
export const BoardPhase = Object.freeze({
  CLOSED: 'closed', WRITING: 'writing', REVEALED: 'revealed', VOTING: 'voting', RESULTS: 'results',
});
export const ItemKind = Object.freeze({
  DISCUSSION: 'discussion', ROUND: 'round', BOARD: 'board', COMMITMENTS: 'commitments', BREAK: 'break',
});
export const ITEM_KINDS = Object.freeze(Object.values(ItemKind));
export const ItemStatus = Object.freeze({ PENDING: 'pending', ACTIVE: 'active', DONE: 'done' });
const CommitmentStatus = Object.freeze({ PLANNED: 'planned', TRIED: 'tried', DONE: 'done' });
export const COMMITMENT_STATUSES = Object.freeze(Object.values(CommitmentStatus));
export const QueuePolicy = Object.freeze({ EQUAL: 'equal', FIFO: 'fifo' });
/** The start page's template choices (index.html's radio values) are these; WebModulesTest checks them. */
export const Template = Object.freeze({ FIRST: 'first', FOLLOW_UP: 'follow-up', BLANK: 'blank' });
const DISPLAY_ROLE = 'display';

/** Limits from the contract's defaults; the client uses them for maxlength hints only. */
export const Limits = Object.freeze({
  NAME: 40, TEXT: 280, GROUP: 40, MEMBERS: 12, AGENDA_ITEMS: 30, COMMITMENTS_PER_MEMBER: 5,
  VOTES_MIN: 1, VOTES_MAX: 10,
  PRACTICE_NOTE: 1000, PRACTICE_NOTES_PER_COMMITMENT: 50,
});

const COMMAND_TYPES = new Set(Object.values(Command));
const MESSAGE_TYPES = new Set(Object.values(Message));

/** Serialises a command; throws on a type the contract does not know (a programming error). */
export function encode(command) {
  if (!command || !COMMAND_TYPES.has(command.type)) {
    throw new TypeError(`unknown command type: ${command && command.type}`);
  }
  return JSON.stringify(command);
}

/**
 * Parses one server frame. Returns the message object, or null for anything
 * that is not a JSON object with a known `type` (ignored: the contract may
 * grow new message types, and a client must not break on them).
 */
export function decode(text) {
  if (typeof text !== 'string') return null;
  let msg;
  try { msg = JSON.parse(text); } catch { return null; }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return null;
  if (!MESSAGE_TYPES.has(msg.type)) return null;
  switch (msg.type) {
    case Message.WELCOME:
      return Number.isInteger(msg.v) && isObject(msg.state) ? msg : null;
    case Message.STATE:
      return Number.isInteger(msg.v) && isObject(msg.state) ? msg : null;
    case Message.YOU:
      return Number.isInteger(msg.v) && isObject(msg.you) ? msg : null;
    case Message.PONG:
      return Number.isFinite(msg.t) && Number.isFinite(msg.serverTime) ? msg : null;
    case Message.ERROR:
      return typeof msg.code === 'string' ? msg : null;
    case Message.SUMMARY:
      return typeof msg.format === 'string' && msg.body !== undefined ? msg : null;
    case Message.FOLLOW_UP:
      return typeof msg.code === 'string' && typeof msg.joinUrl === 'string' ? msg : null;
    default:
      return msg;
  }
}

function isObject(x) { return !!x && typeof x === 'object' && !Array.isArray(x); }

/** Builders for every command, so callers never spell a wire name. */
export const cmd = Object.freeze({
  join: (code, { name, key, resume, display, identity } = {}) => {
    const c = { type: Command.JOIN, code };
    if (display) {
      c.role = DISPLAY_ROLE;
      // A projector opened in the facilitator's browser: its key lets it into a locked room.
      if (key) c.key = key;
      return c;
    }
    if (resume) { c.resume = resume; return c; }
    c.name = name;
    if (key) c.key = key;
    if (identity) c.identity = identity;
    return c;
  },
  ping: (t) => ({ type: Command.PING, t }),
  sync: () => ({ type: Command.SYNC }),
  leave: () => ({ type: Command.LEAVE }),
  rename: (name) => ({ type: Command.RENAME, name }),
  // memberId (v1.1, facilitator): act for another member; left out, the sender acts for themself.
  raiseHand: (memberId) => forMember({ type: Command.RAISE_HAND }, memberId),
  lowerHand: (memberId) => forMember({ type: Command.LOWER_HAND }, memberId),
  doneSpeaking: (memberId) => forMember({ type: Command.DONE_SPEAKING }, memberId),
  // memberId (v1.2, facilitator): a room member's idea or dot, entered for them as from a paper note.
  postIdea: (text, memberId) => forMember({ type: Command.POST_IDEA, text }, memberId),
  editIdea: (ideaId, text, memberId) => forMember({ type: Command.EDIT_IDEA, ideaId, text }, memberId),
  deleteIdea: (ideaId, memberId) => forMember({ type: Command.DELETE_IDEA, ideaId }, memberId),
  vote: (ideaId, memberId) => forMember({ type: Command.VOTE, ideaId }, memberId),
  unvote: (ideaId, memberId) => forMember({ type: Command.UNVOTE, ideaId }, memberId),
  addCommitment: (text, memberId) => forMember({ type: Command.ADD_COMMITMENT, text }, memberId),
  editCommitment: (commitmentId, text) => ({ type: Command.EDIT_COMMITMENT, commitmentId, text }),
  removeCommitment: (commitmentId) => ({ type: Command.REMOVE_COMMITMENT, commitmentId }),
  setCommitmentStatus: (commitmentId, status, note) => {
    const c = { type: Command.SET_COMMITMENT_STATUS, commitmentId, status };
    if (note !== undefined) c.note = note;
    return c;
  },
  /** speakerId: the speaker the facilitator saw (v1.2): a turn that moved on meanwhile is left alone. */
  nextSpeaker: (speakerId) => (speakerId ? { type: Command.NEXT_SPEAKER, speakerId } : { type: Command.NEXT_SPEAKER }),
  startRound: () => ({ type: Command.START_ROUND }),
  setQueuePolicy: (policy) => ({ type: Command.SET_QUEUE_POLICY, policy }),
  setTurnLimit: (seconds) => ({ type: Command.SET_TURN_LIMIT, seconds }),
  startTimer: (seconds) => ({ type: Command.START_TIMER, seconds }),
  pauseTimer: () => ({ type: Command.PAUSE_TIMER }),
  resumeTimer: () => ({ type: Command.RESUME_TIMER }),
  addTime: (seconds) => ({ type: Command.ADD_TIME, seconds }),
  resetTimer: () => ({ type: Command.RESET_TIMER }),
  addAgendaItem: (title, minutes, kind, position, prompt) => {
    const c = { type: Command.ADD_AGENDA_ITEM, title, minutes };
    if (kind) c.kind = kind;
    if (prompt) c.prompt = prompt;
    if (position !== undefined) c.position = position;
    return c;
  },
  updateAgendaItem: (itemId, { title, minutes, kind, prompt } = {}) => {
    const c = { type: Command.UPDATE_AGENDA_ITEM, itemId };
    if (title !== undefined) c.title = title;
    if (minutes !== undefined) c.minutes = minutes;
    if (kind !== undefined) c.kind = kind;
    if (prompt !== undefined) c.prompt = prompt;
    return c;
  },
  removeAgendaItem: (itemId) => ({ type: Command.REMOVE_AGENDA_ITEM, itemId }),
  moveAgendaItem: (itemId, position) => ({ type: Command.MOVE_AGENDA_ITEM, itemId, position }),
  startAgendaItem: (itemId) => ({ type: Command.START_AGENDA_ITEM, itemId }),
  nextAgendaItem: () => ({ type: Command.NEXT_AGENDA_ITEM }),
  setBoardPhase: (phase) => ({ type: Command.SET_BOARD_PHASE, phase }),
  clearBoard: () => ({ type: Command.CLEAR_BOARD }),
  setBoardPrompt: (prompt) => ({ type: Command.SET_BOARD_PROMPT, prompt }),
  setVotesPerMember: (votes) => ({ type: Command.SET_VOTES_PER_MEMBER, votes }),
  groupIdea: (ideaId, group) => ({ type: Command.GROUP_IDEA, ideaId, group }),
  setGroundRules: (rules) => ({ type: Command.SET_GROUND_RULES, rules }),
  handOff: (memberId) => ({ type: Command.HAND_OFF, memberId }),
  removeMember: (memberId) => ({ type: Command.REMOVE_MEMBER, memberId }),
  endSession: () => ({ type: Command.END_SESSION }),
  /** Deletes the session and everything of it now; every socket then gets `closed deleted`. */
  deleteSession: () => ({ type: Command.DELETE_SESSION }),
  addRoomMember: (name) => ({ type: Command.ADD_ROOM_MEMBER, name }),
  endTurn: (speakerId) => (speakerId ? { type: Command.END_TURN, speakerId } : { type: Command.END_TURN }),
  setFairnessVisible: (visible) => ({ type: Command.SET_FAIRNESS_VISIBLE, visible: !!visible }),
  // v1.2. Answered with a `summary` message (format defaults to json on the server).
  getSummary: (format) => (format ? { type: Command.GET_SUMMARY, format } : { type: Command.GET_SUMMARY }),
  // Answered with a `followUp` message (its facilitatorKey is sent this once). at: ms since the
  // epoch, minutes: the length; both may be left out (no date yet).
  createFollowUp: ({ title, at, minutes } = {}) => {
    const c = { type: Command.CREATE_FOLLOW_UP };
    if (title) c.title = title;
    if (at !== undefined && at !== null) c.at = at;
    if (minutes !== undefined && minutes !== null) c.minutes = minutes;
    return c;
  },
  setSchedule: (at, minutes) => ({ type: Command.SET_SCHEDULE, at, minutes }),
  addPracticeNote: (commitmentId, text, shared) =>
    ({ type: Command.ADD_PRACTICE_NOTE, commitmentId, text, shared: !!shared }),
  // Left out, a field stays as it is.
  editPracticeNote: (noteId, { text, shared } = {}) => {
    const c = { type: Command.EDIT_PRACTICE_NOTE, noteId };
    if (text !== undefined) c.text = text;
    if (shared !== undefined) c.shared = !!shared;
    return c;
  },
  removePracticeNote: (noteId) => ({ type: Command.REMOVE_PRACTICE_NOTE, noteId }),
  /** Closes that display's sockets (`closed display-removed`) and frees its slot. */
  removeDisplay: (displayId) => ({ type: Command.REMOVE_DISPLAY, displayId }),
  /** Locked: new names and new displays are refused (`room_locked`); resumes and the key still get in. */
  lockRoom: (locked) => ({ type: Command.LOCK_ROOM, locked: !!locked }),
});

function forMember(c, memberId) {
  if (memberId) c.memberId = memberId;
  return c;
}

// Sentences live in the catalogues (`error.{code}`), so a refusal reads in the reader's language.
const KNOWN_ERRORS = Object.freeze([...Object.values(ErrorCode), ...Object.values(ClientErrorCode)]);

/** A sentence a person understands for an error code from the contract (HTTP or WebSocket). */
export function errorSentence(code) {
  return t(KNOWN_ERRORS.includes(code) ? `error.${code}` : 'error.other');
}

/** Every error code that has a sentence (contract and client codes). */
export function knownErrorCodes() { return [...KNOWN_ERRORS]; }

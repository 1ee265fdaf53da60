// Entry module of the member page /s/{code}.

import { socketUrl, Status } from './connection.js';
import { createSessionClient } from './session-client.js';
import { BrowserMemory, codeFromPath, fragmentParams } from './storage.js';
import { ErrorCode, errorSentence, ItemStatus, SessionStatus } from './protocol.js';
import { createFollowUp, httpErrorSentence, sessionInfo } from './api.js';
import { confirmDialog, createAnnouncer, el, memo, replaceKeepingFocus, saveFile } from './dom.js';
import { followUpOf, takeaway } from './keepsake.js';
import { t } from './i18n.js';
import { applyLanguage, languagePicker } from './language.js';
import { actor, errorArea, startTicking } from './page.js';
import { statusView } from './views/status.js';
import { stageView } from './views/stage.js';
import { runBarView } from './views/runbar.js';
import { previousView } from './views/previous.js';
import { deviceLinkView } from './views/devicelink.js';
import { queueView } from './views/queue.js';
import { boardView } from './views/board.js';
import { commitmentsView } from './views/commitments.js';
import { agendaView } from './views/agenda.js';
import { membersView } from './views/members.js';
import { roomView } from './views/room.js';
import { groundRulesView } from './views/groundrules.js';
import { sessionView, downloadSummary } from './views/session.js';
import { rotaView } from './views/rota.js';
import { fairnessView } from './views/fairness.js';
import { turnCue } from './views/turncue.js';
import { endedView, nextMeeting, scheduledMeeting } from './views/ended.js';

const $ = (id) => document.getElementById(id);

function localStorageOrNull() {
  try { return window.localStorage; } catch { return null; }
}

applyLanguage({ remember: true });
$('topbar').append(languagePicker());
const code = codeFromPath(location.pathname, 's');
const memory = new BrowserMemory(localStorageOrNull());
const errors = errorArea($('errors'));
const announce = createAnnouncer($('announcer'));

// A facilitator link carries the key in the fragment, a "use on another device" link the member's
// resume token and series identity: keep them in this browser, out of the address bar (and so out
// of bookmarks, screenshots and the history).
const fragment = fragmentParams(location.hash);
if (code && (fragment.key || fragment.resume || fragment.identity)) {
  if (fragment.key) memory.setFacilitatorKey(code, fragment.key);
  if (fragment.resume) memory.setResumeToken(code, fragment.resume);
  if (fragment.identity) memory.setSeriesIdentity(fragment.identity);
  history.replaceState(null, '', location.pathname + location.search);
}

const status = statusView($('status'), {
  announce,
  onRetryNow: () => client && client.connection.reconnectNow(),
  endedExtras: () => {
    const key = code && memory.facilitatorKey(code);
    const note = el('span', { class: 'meta', attrs: { role: 'status' } });
    // Handed the role, without the key: the record is still theirs (their resume token shows who
    // they are); the follow-up needs the key over HTTP.
    const resume = code && memory.resumeToken(code);
    if (!key && resume && client && client.store.facilitator) {
      return [summaryButton(note, { resume }), note];
    }
    if (!key) return [];
    // Ending is when a group plans its next meeting: the follow-up stays one click away.
    const followUp = el('button', { type: 'button', text: t('session.followCreate'), on: { click: async () => {
      note.textContent = t('session.following');
      const res = await createFollowUp(code, key);
      if (!res.ok) { note.textContent = httpErrorSentence(res.code, errorSentence); return; }
      memory.setFacilitatorKey(res.data.code, res.data.facilitatorKey);
      location.assign(`/s/${encodeURIComponent(res.data.code)}`);
    } } });
    return [summaryButton(note, key), followUp, note];
  },
});

function summaryButton(note, credential) {
  return el('button', { type: 'button', text: t('session.summaryShort'), on: { click: async () => {
    note.textContent = t('session.summaryPreparing');
    note.textContent = (await downloadSummary(code, credential)) || t('session.summaryDone');
  } } });
}

let client = null;
const ended = endedView($('ended'), { origin: location.origin, saveFile });

if (!code) {
  status.update(Status.FAILED, { code: ErrorCode.UNKNOWN_SESSION });
} else {
  start();
}

function start() {
  $('session-code').textContent = t('page.code', { code });
  showSessionInfo();

  client = createSessionClient({
    url: socketUrl(location),
    code,
    identity: { name: null, key: memory.facilitatorKey(code) },
    memory,
    WebSocket: window.WebSocket,
  });
  const { store, connection, request } = client;
  const act = actor(request, errors);
  /** Sends a request whose answer the view needs (summary, follow-up): the answer, or null once the refusal is shown. */
  const ask = async (command) => {
    try {
      return await request(command);
    } catch (err) {
      if (!(err && err.final)) errors.show(errorSentence(err && err.code));
      return null;
    }
  };

  const cue = turnCue({ memory });
  const ctx = {
    act, ask, announce, display: false, code, memory, origin: location.origin, turnCue: cue,
    confirm: confirmDialog,
    serverNow: () => connection.serverNow(),
    navigate: (url) => location.assign(url),
  };
  const panel = (name) => ({ section: $(`${name}-section`), home: $(`${name}-home`) });
  // The stage comes last: the room's move is announced ahead of what moved with it.
  const views = [
    queueView($('queue'), ctx),
    boardView($('board'), ctx),
    commitmentsView($('commitments'), ctx),
    previousView($('previous'), ctx),
    agendaView($('agenda'), ctx),
    membersView($('members'), ctx),
    roomView($('room'), ctx),
    groundRulesView($('rules'), ctx),
    sessionView($('session-actions'), ctx),
    deviceLinkView($('device'), ctx),
    runBarView($('runbar'), ctx),
    rotaView($('rota'), $('rota-body'), ctx),
    fairnessView($('fairness'), $('fairness-chart')),
    stageView($('now-section'), ctx, {
      queue: panel('queue'), board: panel('board'), commitments: panel('commitments'), previous: panel('previous'),
      rules: panel('rules'),
    }),
  ];
  const ticking = views.filter((v) => v.tick);
  // The facilitator's boxes are headed "Facilitator" by CSS (attr(data-label)), in the page's language.
  for (const box of document.querySelectorAll('.facilitator-only')) box.dataset.label = t('page.facilitatorOnly');

  // What this member takes home, kept in this browser as it changes: the ended page has it even
  // after a reload. A live page shows the next meeting as soon as one exists.
  const keep = memo(([k]) => memory.setTakeaway(code, k));
  // The next meeting once it exists; in a follow-up not yet started, its own date.
  const renderNext = memo(([followUp, scheduled]) => {
    const parts = followUp ? nextMeeting(followUp, location.origin, { compact: true }) : scheduledMeeting(scheduled, code);
    $('next').hidden = !parts.length;
    replaceKeepingFocus($('next'), parts);
  });
  store.subscribe((s) => {
    if (!s.state) return;
    const k = takeaway(s.state, s.memberId);
    keep([k]);
    const started = s.state.agenda.items.some((i) => i.status !== ItemStatus.PENDING);
    renderNext([k.followUp, started ? null : s.state.scheduled || null]);
    $('session-title').textContent = s.state.title;
    $('room-locked').hidden = !s.state.locked;
    cue.update(s.state.queue, s.memberId, t('page.title.member', { title: s.state.title }));
    document.body.classList.toggle('is-facilitator', s.facilitator);
    $('previous-home').classList.toggle('absent', !s.state.previous);
    $('prepare-summary').textContent = t(s.facilitator ? 'section.prepare' : 'section.agenda');
    for (const v of views) v.update(s.state, s.you, s.memberId);
  });
  startTicking(() => {
    if (!store.state) return;
    const now = connection.serverNow();
    for (const v of ticking) v.tick(now);
  });

  connection.on('status', (st, detail) => {
    status.update(st, detail);
    const joinWasShown = !$('join').hidden;
    $('join').hidden = st !== Status.NEEDS_NAME;
    // The name field just vanished: start keyboard navigation from the top of the session.
    if (st === Status.LIVE && joinWasShown) $('main').focus();
    const gone = st === Status.ENDED || st === Status.REMOVED || st === Status.DELETED || st === Status.FAILED;
    $('session').hidden = !store.state || gone || st === Status.NEEDS_NAME;
    if (st === Status.NEEDS_NAME) showJoinForm();
    if (gone) { errors.clear(); $('next').hidden = true; $('room-locked').hidden = true; }
    if (st === Status.ENDED) {
      // The state before the end is what the page has; a page opened after the end has what it kept.
      ended.show(store.state ? takeaway(store.state, store.memberId) : memory.takeaway(code), code);
      watchForFollowUp();
    }
  });
  connection.on('refusal', (err) => errors.show(errorSentence(err.code)));
  connection.on('outbox', (n) => status.setWaiting(n));
  window.addEventListener('online', () => connection.reconnectNow());
  window.addEventListener('offline', () => connection.networkLost());

  $('join-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('join-name').value.trim();
    if (!name) { $('join-name').focus(); return; }
    memory.setName(name);
    connection.setName(name);
    connection.identity.key = memory.facilitatorKey(code);
    connection.start();
  });

  // With a resume token this browser is already a member: go straight in.
  if (memory.resumeToken(code)) connection.start();
  else showJoinForm();
}

/**
 * An ended session's socket is gone, so the page asks the session's info for its follow-up
 * (v1.2: created after the end too) every few seconds while visible, for at most an hour.
 */
function watchForFollowUp() {
  let polls = 0;
  const look = async () => {
    if (ended.shown && ended.shown.followUp && ended.shown.followUp.at != null) return;
    if (!document.hidden) {
      const res = await sessionInfo(code);
      const f = res.ok ? followUpOf(res.data) : null;
      if (f) ended.followUp(f, code);
    }
    if (++polls < 720) setTimeout(look, 5000);
  };
  look();
}

function showJoinForm() {
  $('join').hidden = false;
  $('join-role').hidden = !memory.facilitatorKey(code);
  const input = $('join-name');
  if (!input.value) input.value = memory.name() || '';
  input.focus();
}

async function showSessionInfo() {
  const res = await sessionInfo(code);
  if (!res.ok) {
    if (res.code === ErrorCode.UNKNOWN_SESSION && !(client && client.store.state)) {
      client.connection.stop();
      $('join').hidden = true;
      status.update(Status.FAILED, { code: ErrorCode.UNKNOWN_SESSION });
    }
    return;
  }
  if (!client || !client.store.state) {
    $('session-title').textContent = res.data.title;
    document.title = t('page.title.member', { title: res.data.title });
    $('join-info').textContent = res.data.status === SessionStatus.ENDED
      ? errorSentence(ErrorCode.SESSION_ENDED)
      : res.data.locked && !memory.facilitatorKey(code)
        ? errorSentence(ErrorCode.ROOM_LOCKED)
        : t('join.here', { count: res.data.members });
  }
  // An ended session opened without a way back in (a new device, no token): no join form to
  // fill in for nothing — the end, and the way to the next meeting.
  if (res.data.status === SessionStatus.ENDED && client && !client.store.state && !memory.resumeToken(code)) {
    client.connection.stop();
    $('join').hidden = true;
    status.update(Status.ENDED);
    ended.show(memory.takeaway(code), code);
    ended.followUp(followUpOf(res.data), code);
    watchForFollowUp();
  }
}

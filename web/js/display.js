// Entry module of the projector display /d/{code}: read-only, large type,
// following the stage the facilitator sets.

import { socketUrl, Status } from './connection.js';
import { createSessionClient } from './session-client.js';
import { BrowserMemory, codeFromPath } from './storage.js';
import { createAnnouncer, el } from './dom.js';
import { t } from './i18n.js';
import { applyLanguage } from './language.js';
import { startTicking } from './page.js';
import { sessionInfo } from './api.js';
import { ErrorCode } from './protocol.js';
import { followUpOf } from './keepsake.js';
import { currentItem } from './selectors.js';
import { statusView } from './views/status.js';
import { timerView } from './views/timer.js';
import { queueView } from './views/queue.js';
import { boardView } from './views/board.js';
import { previousView } from './views/previous.js';
import { codeGroups, projectorView } from './views/projector.js';
import { groundRulesView } from './views/groundrules.js';
import { pager } from './views/pager.js';
import { displayLabel } from './views/room.js';

const $ = (id) => document.getElementById(id);
// The projector follows its own ?lang= (or the browser's), not the facilitator's.
applyLanguage();
const code = codeFromPath(location.pathname, 'd');
const announce = createAnnouncer($('announcer'));
const status = statusView($('status'), { announce, onRetryNow: () => client && client.connection.reconnectNow() });
let client = null;

if (!code) {
  status.update(Status.FAILED, { code: ErrorCode.UNKNOWN_SESSION });
} else {
  $('qr').src = `/api/sessions/${encodeURIComponent(code)}/qr.svg`;
  // The address may break after a slash; the code never does. Below it, the code large, in groups.
  $('join-url').replaceChildren(el('span', { class: 'join-base', text: `${location.origin}/s/` }),
    el('span', { class: 'join-code-inline', text: code }));
  $('join-code').replaceChildren(...codeGroups(code).map((g) => el('span', { text: g })));

  // Opened in the facilitator's browser (the laptop on the projector), the display brings the key
  // it finds there: it gets into a room the facilitator locked. It only reads; it keeps nothing.
  let key = null;
  try { key = new BrowserMemory(window.localStorage).facilitatorKey(code); } catch { key = null; }
  client = createSessionClient({
    url: socketUrl(location),
    code,
    identity: { display: true, key },
    memory: new BrowserMemory(null), // a display keeps nothing
    WebSocket: window.WebSocket,
  });
  const { store, connection } = client;
  const ctx = {
    display: true,
    act: async () => false,
    announce,
    serverNow: () => connection.serverNow(),
  };
  const views = [
    timerView($('timer'), ctx),
    queueView($('queue'), ctx),
    boardView($('board'), ctx),
    previousView($('previous'), ctx),
    groundRulesView($('rules'), ctx),
    projectorView($('main'), {
      kind: $('stage-kind'), title: $('now-h'), prompt: $('stage-prompt'), commitments: $('commitments'),
      queueHeading: $('queue-h'), record: $('record'), recordHeading: $('record-h'),
      lobbyCount: $('lobby-count'), lobbyNames: $('lobby-names'), joinCount: $('join-count'),
    }, ctx),
  ];
  const pagers = [
    pager($('board-section'), { units: '.idea', groups: '.idea-group' }),
    pager($('commitments-section'), { units: '.commitment' }),
    pager($('previous-section'), { units: '.owner' }),
    pager($('record-section'), { units: '.record-row' }),
    pager($('rules-section'), { units: '.rules-list > li' }),
    pager($('lobby-section'), { units: '.lobby-names > li' }),
    pager($('queue-section'), { units: '.waiting-list > li' }),
  ];
  const refreshPages = () => { for (const p of pagers) p.refresh(); };
  window.addEventListener('resize', () => {
    for (const v of views) if (v.resize) v.resize();
    refreshPages();
  });

  store.subscribe((s) => {
    if (!s.state) return;
    // Once the group has a next session, the projector moves there by itself — between items,
    // never in the middle of one the room is running.
    const next = followUpOf(s.state);
    if (next && !currentItem(s.state)) switchTo(next.code);
    $('session-title').textContent = s.state.title;
    $('room-locked').hidden = !s.state.locked;
    document.title = t('page.title.display', { title: s.state.title });
    for (const v of views) v.update(s.state, null, null);
    refreshPages();
  });
  startTicking(() => {
    if (!store.state) return;
    const now = connection.serverNow();
    for (const v of views) if (v.tick) v.tick(now);
  });
  // The id the facilitator's list shows for this display, so they can tell which one is the room's.
  connection.on('message', (msg) => {
    if (msg.displayId) $('display-id').textContent = t('display.id', { id: displayLabel(msg.displayId) });
  });
  connection.on('status', (st, detail) => {
    status.update(st, detail);
    // Nobody can join an ended session: stop inviting the room to.
    const over = st === Status.ENDED || st === Status.DELETED || st === Status.DISPLAY_REMOVED;
    $('join-section').hidden = over;
    if (over) $('room-locked').hidden = true;
    refreshPages();
    if (st === Status.ENDED) watchForFollowUp();
  });
  window.addEventListener('online', () => connection.reconnectNow());
  window.addEventListener('offline', () => connection.networkLost());
  connection.start();

  let switching = false;
  /** Opens the follow-up's projector page, in this page's language (?lang= kept). */
  function switchTo(nextCode) {
    if (switching || nextCode === code) return;
    switching = true;
    connection.stop();
    location.assign(`/d/${encodeURIComponent(nextCode)}${location.search}`);
  }

  /** An ended session has no socket: its info says when a follow-up exists (every 3 s, at most an hour). */
  function watchForFollowUp() {
    let polls = 0;
    const look = async () => {
      if (switching) return;
      const res = await sessionInfo(code);
      const next = res.ok ? followUpOf(res.data) : null;
      if (next) { switchTo(next.code); return; }
      if (++polls < 1200) setTimeout(look, 3000);
    };
    look();
  }
}

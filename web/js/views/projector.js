// The projector's stage: which panel the room sees (by the stage's kind, set
// on the grid so CSS swaps panels in a fixed area), the active item's words,
// the group's commitments and who is here. Read from the back of the room: no controls.

import { el, memo, replaceKeepingFocus } from '../dom.js';
import { t } from '../i18n.js';
import { speakingRecord, StageKind, stageOf, unscheduledWords } from '../stage-model.js';
import { recordChart } from './record.js';

/** Step classes, largest first: a long title or prompt steps down until it fits its box, never cut off. */
const FIT_STEPS = ['', 'fit-1', 'fit-2', 'fit-grow'];

/** Applies the largest step at which `node`'s text fits its fixed box. */
export function fitText(node) {
  for (const step of FIT_STEPS) {
    for (const s of FIT_STEPS) if (s) node.classList.toggle(s, s === step);
    if (node.scrollHeight <= node.clientHeight + 1) return step;
  }
  return 'fit-grow';
}

/** "K3F9 Q2X7 M1C8": the join code in groups of four, easy to read out and to type; a lone last character joins the group before it. */
export function codeGroups(code) {
  const groups = String(code).toUpperCase().match(/.{1,4}/g) || [];
  if (groups.length > 1 && groups[groups.length - 1].length === 1) groups.splice(-2, 2, groups.at(-2) + groups.at(-1));
  return groups;
}

export function projectorView(grid, parts, ctx) {
  const { kind, title, prompt, commitments, queueHeading, record, recordHeading, lobbyCount, lobbyNames, joinCount } = parts;
  let lastKind;

  const render = memo(([stage]) => {
    grid.dataset.stage = stage.kind;
    grid.dataset.phase = stage.phase;
    const kindText = t(`stage.kind.${stage.kind}`);
    const inRound = stage.kind === StageKind.ROUND || stage.kind === StageKind.REFLECTION;
    queueHeading.firstChild.textContent = t(inRound ? 'display.order' : 'display.speaking');
    kind.textContent = stage.kind === StageKind.BOARD ? `${kindText} · ${t(`stage.phase.${stage.phase}`)}` : kindText;
    const words = unscheduledWords(stage.kind);
    title.textContent = stage.title || t(words.title);
    prompt.textContent = stage.title || stage.prompt || !words.prompt ? stage.prompt : t(words.prompt);
    fitText(title);
    fitText(prompt);
    if (lastKind !== undefined && lastKind !== stage.kind) ctx.announce(title.textContent, { first: true });
    lastKind = stage.kind;
  });

  const renderCommitments = memo(([list]) => {
    replaceKeepingFocus(commitments, list.length
      ? el('ul', { class: 'commitment-list columns' }, list.map((c) => el('li', { class: 'commitment' },
        el('span', { class: 'who', text: `${c.name}: ` }), el('span', { class: 'commitment-text', text: c.text }))))
      : el('p', { class: 'meta', text: t('display.noCommitments') }));
  });

  // Turns and time per person, in the member list's order: a picture of the balance, not a ranking.
  // At the close it is the day's record; while people talk (fairness.visible) it runs live beside the queue.
  const renderRecord = memo(([rows, done]) => {
    grid.classList.toggle('no-record', !rows);
    recordHeading.firstChild.textContent = t(done ? 'display.record' : 'fairness.heading');
    replaceKeepingFocus(record, rows ? recordChart(rows) : null);
  });

  // Who is here, in the order they came: the lobby's answer to "are we all here?".
  const renderHere = memo(([names]) => {
    const count = t('display.joined', { count: names.length });
    lobbyCount.textContent = count;
    joinCount.textContent = count;
    replaceKeepingFocus(lobbyNames, names.map((n) => el('li', { text: n })));
  });

  return {
    update(state) {
      const stage = stageOf(state);
      render([{ kind: stage.kind, phase: stage.phase, title: stage.item && stage.item.title, prompt: stage.prompt }]);
      renderCommitments([(state.commitments || []).map((c) => ({ name: c.name, text: c.text }))]);
      const live = [StageKind.DONE, StageKind.WELCOME, StageKind.DISCUSSION, StageKind.ROUND].includes(stage.kind);
      const rows = live ? speakingRecord(state) : null;
      renderRecord([rows && rows.length ? rows : null, stage.kind === StageKind.DONE]);
      renderHere([(state.members || []).filter((m) => m.online).map((m) => m.name)]);
    },
    /** The words' boxes depend on the screen's size: fit them again after a resize. */
    resize() { fitText(title); fitText(prompt); },
  };
}

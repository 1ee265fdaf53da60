// The projector's stage: which panel the room sees (by the stage's kind, set
// on the grid so CSS swaps panels in a fixed area), the active item's words,
// and the group's commitments. Read from the back of the room: no controls.

import { el, memo, replaceKeepingFocus } from '../dom.js';
import { t } from '../i18n.js';
import { speakingRecord, StageKind, stageOf, unscheduledWords } from '../stage.js';
import { recordChart } from './record.js';

export function projectorView(grid, parts, ctx) {
  const { kind, title, prompt, commitments, queueHeading, record, recordHeading } = parts;
  let lastKind;

  const render = memo(([stage]) => {
    grid.dataset.stage = stage.kind;
    grid.dataset.phase = stage.phase;
    const kindText = t(`stage.kind.${stage.kind}`);
    const inRound = stage.kind === StageKind.ROUND || stage.kind === StageKind.REFLECTION;
    queueHeading.textContent = t(inRound ? 'display.order' : 'display.speaking');
    kind.textContent = stage.kind === StageKind.BOARD ? `${kindText} · ${t(`stage.phase.${stage.phase}`)}` : kindText;
    const words = unscheduledWords(stage.kind);
    title.textContent = stage.title || t(words.title);
    // A long title steps down a size rather than being cut off on one line.
    title.classList.toggle('long', title.textContent.length > 32);
    prompt.textContent = stage.title || stage.prompt || !words.prompt ? stage.prompt : t(words.prompt);
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
    recordHeading.textContent = t(done ? 'display.record' : 'fairness.heading');
    replaceKeepingFocus(record, rows ? recordChart(rows) : null);
  });

  return {
    update(state) {
      const stage = stageOf(state);
      render([{ kind: stage.kind, phase: stage.phase, title: stage.item && stage.item.title, prompt: stage.prompt }]);
      renderCommitments([(state.commitments || []).map((c) => ({ name: c.name, text: c.text }))]);
      const live = stage.kind === StageKind.DONE || stage.kind === StageKind.DISCUSSION || stage.kind === StageKind.ROUND;
      const rows = live ? speakingRecord(state) : null;
      renderRecord([rows && rows.length ? rows : null, stage.kind === StageKind.DONE]);
    },
  };
}


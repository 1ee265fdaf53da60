// The facilitator's run bar, always in view: the next step of the agenda, the
// controls of the current item's kind (the turn, the board's next phase, the
// timer), and everything else one tap away under "More". Controls are named
// by what they do ("End turn: Ben", "Next item").

import { el, field, memo } from '../dom.js';
import { BoardPhase, cmd } from '../protocol.js';
import { t } from '../i18n.js';
import { StageKind, stageOf } from '../stage-model.js';

const STEPS = [BoardPhase.WRITING, BoardPhase.REVEALED, BoardPhase.VOTING, BoardPhase.RESULTS];
/** The board's next phase from each phase, and the words of the button that goes there. */
const NEXT_PHASE = Object.freeze({
  [BoardPhase.CLOSED]: [BoardPhase.WRITING, 'run.openBoard'],
  [BoardPhase.WRITING]: [BoardPhase.REVEALED, 'run.reveal'],
  [BoardPhase.REVEALED]: [BoardPhase.VOTING, 'run.startVoting'],
  [BoardPhase.VOTING]: [BoardPhase.RESULTS, 'run.showResults'],
});
/** Stages where the floor moves: the turn's control is on the bar. */
const TALKING = new Set([StageKind.IDLE, StageKind.WELCOME, StageKind.DISCUSSION, StageKind.ROUND, StageKind.REFLECTION]);
/**
 * A new speaker's turn cannot be ended from the bar for this long: a hand raised while nobody
 * speaks gets the floor at once, and a tap already on its way must not cut that person off (the
 * server also ignores a tap aimed at an earlier speaker: endTurn's speakerId).
 */
export const NEW_SPEAKER_GRACE_MS = 2000;

export function runBarView(root, ctx) {
  const upNext = el('p', { class: 'run-next', id: 'run-next' });
  const nextItem = el('button', { type: 'button', class: 'primary', text: t('run.nextItem'),
    attrs: { 'aria-describedby': 'run-next' }, on: { click: () => ctx.act(cmd.nextAgendaItem()) } });

  // The stage's own controls.
  let speakerId = null;
  const endTurn = el('button', { type: 'button', class: 'run-end-turn', text: t('queue.endTurn'),
    on: { click: () => { if (speakerId) ctx.act(cmd.endTurn(speakerId)); } } });
  let boardNext = null;
  const boardStep = el('button', { type: 'button', on: { click: () => { if (boardNext) ctx.act(cmd.setBoardPhase(boardNext)); } } });
  let running = false;
  const pauseOrResume = el('button', { type: 'button', on: { click: () => ctx.act(running ? cmd.pauseTimer() : cmd.resumeTimer()) } });
  const addMinute = button('run.addMinute', () => cmd.addTime(60));

  // Under "More": the rest of the timer, the round, every board phase, a new board round.
  const reset = button('run.reset', () => cmd.resetTimer());
  const minutes = el('input', { type: 'number', min: 1, max: 600, value: '5', inputMode: 'numeric' });
  const startTimer = el('form', { class: 'run-timer-form', attrs: { 'aria-label': t('run.startTimer') } },
    field(t('run.minutes'), minutes).wrap, el('button', { type: 'submit', text: t('run.startTimer') }));
  startTimer.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = Number(minutes.value);
    if (m > 0) ctx.act(cmd.startTimer(Math.round(m * 60)));
  });
  const startRound = button('run.startRound', () => cmd.startRound());
  const steps = STEPS.map((p) => el('button', { type: 'button', text: t(`run.phase.${p}`), key: `phase-${p}`,
    attrs: { 'aria-pressed': 'false' }, on: { click: () => ctx.act(cmd.setBoardPhase(p)) } }));
  // A new board round (v1.1 clearBoard) is offered once protocol.js knows the command: the
  // client never sends a type the server's decoder does not (WebModulesTest holds the two equal).
  const clear = cmd.clearBoard ? el('button', { type: 'button', text: t('run.clearBoard'), on: { click: async () => {
    if (await ctx.confirm(t('run.clearConfirm'), t('run.clearConfirmButton'))) ctx.act(cmd.clearBoard());
  } } }) : null;
  const end = el('button', { type: 'button', class: 'danger', text: t('run.endSession'), on: { click: async () => {
    if (await ctx.confirm(t('run.endConfirm'), t('run.endSession'))) ctx.act(cmd.endSession());
  } } });

  const more = el('details', { class: 'run-more' }, el('summary', { text: t('run.more') }),
    el('div', { class: 'run-more-body' },
      group('run.timer', 'run-timer', reset, startTimer),
      group('run.queue', 'run-queue', startRound),
      group('run.phases', 'run-board', ...steps, clear)));
  // Escape folds "More" back, focus returning to its summary.
  more.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && more.open) { more.open = false; more.querySelector('summary').focus(); }
  });

  root.append(
    el('div', { class: 'run-group run-agenda' }, upNext, nextItem),
    el('div', { class: 'run-group run-stage' }, endTurn, boardStep, pauseOrResume, addMinute),
    more,
    el('div', { class: 'run-group run-end' }, end));

  function button(key, command) {
    return el('button', { type: 'button', text: t(key), on: { click: () => ctx.act(command()) } });
  }

  function group(labelKey, cls, ...children) {
    const id = `${cls}-label`;
    return el('div', { class: ['run-group', cls], attrs: { role: 'group', 'aria-labelledby': id } },
      el('span', { class: 'run-label', id, text: t(labelKey) }), ...children);
  }

  let graceTimer = null;
  let speakerSince = 0;
  const render = memo(([facilitator, agenda, timer, speaker, kind, phase]) => {
    root.hidden = !facilitator;
    if (!facilitator) return;
    const { item, next } = agenda;
    upNext.textContent = next
      ? t(item ? 'run.upNext' : 'run.notStarted', { title: next.title, minutes: next.minutes })
      : t('run.noneLeft');
    nextItem.textContent = item || !next ? t('run.nextItem') : t('run.startAgenda');
    nextItem.disabled = !item && !next;

    // The turn: offered only while someone speaks, named after them, and not in a new turn's first moments.
    const talking = TALKING.has(kind);
    endTurn.hidden = !talking;
    if (speaker.id !== speakerId) {
      speakerId = speaker.id;
      speakerSince = Date.now();
      clearTimeout(graceTimer);
      if (speakerId) graceTimer = setTimeout(() => { endTurn.disabled = false; }, NEW_SPEAKER_GRACE_MS);
    }
    endTurn.textContent = speaker.id ? t('run.endTurn', { name: speaker.name }) : t('queue.endTurn');
    endTurn.disabled = !speaker.id || Date.now() - speakerSince < NEW_SPEAKER_GRACE_MS;

    // The board: its next phase, while a board is on stage and results are not final yet.
    const step = kind === StageKind.BOARD ? NEXT_PHASE[phase] : null;
    boardStep.hidden = !step;
    boardNext = step ? step[0] : null;
    if (step) boardStep.textContent = t(step[1]);

    // The timer: pause or resume, and a minute more, once an item runs.
    const hasTime = timer.durationMs > 0;
    running = timer.running;
    pauseOrResume.hidden = !item;
    addMinute.hidden = !item;
    pauseOrResume.textContent = t(timer.running ? 'run.pause' : 'run.resume');
    pauseOrResume.disabled = !hasTime;
    addMinute.disabled = !hasTime;
    reset.disabled = !hasTime;

    const at = STEPS.indexOf(phase);
    steps.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(i === at));
      // Results are final (v1.1): no step back from them, only a new board round.
      b.disabled = phase === BoardPhase.RESULTS && i !== at;
    });
    if (clear) clear.disabled = phase === BoardPhase.CLOSED;
  });

  return {
    update(state, you) {
      const stage = stageOf(state);
      const item = stage.item && { title: stage.item.title };
      const next = stage.next && { title: stage.next.title, minutes: stage.next.minutes };
      const sp = state.queue.speaker;
      const speaker = sp ? state.members.find((m) => m.id === sp.memberId) : null;
      render([!!(you && you.facilitator), { item, next },
        { running: state.timer.running, durationMs: state.timer.durationMs },
        { id: sp ? sp.memberId : null, name: speaker ? speaker.name : '' },
        stage.kind, stage.phase]);
    },
  };
}

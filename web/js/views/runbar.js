// The facilitator's run bar: everything needed to run a session in order,
// always in view. Buttons are disabled rather than removed when they do not
// apply, so the bar never changes size under the facilitator's hand.

import { el, field, memo } from '../dom.js';
import { BoardPhase, cmd } from '../protocol.js';
import { t } from '../i18n.js';
import { stageOf } from '../stage.js';

const STEPS = [BoardPhase.WRITING, BoardPhase.REVEALED, BoardPhase.VOTING, BoardPhase.RESULTS];

export function runBarView(root, ctx) {
  const upNext = el('p', { class: 'run-next', id: 'run-next' });
  const nextItem = el('button', { type: 'button', class: 'primary', text: t('run.nextItem'),
    attrs: { 'aria-describedby': 'run-next' }, on: { click: () => ctx.act(cmd.nextAgendaItem()) } });

  const pause = button('run.pause', () => cmd.pauseTimer());
  const resume = button('run.resume', () => cmd.resumeTimer());
  const addMinute = button('run.addMinute', () => cmd.addTime(60));
  const reset = button('run.reset', () => cmd.resetTimer());
  const minutes = el('input', { type: 'number', min: 1, max: 600, value: '5', inputMode: 'numeric' });
  const startTimer = el('form', { class: 'run-timer-form', attrs: { 'aria-label': t('run.startTimer') } },
    field(t('run.minutes'), minutes).wrap, el('button', { type: 'submit', text: t('run.startTimer') }));
  startTimer.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = Number(minutes.value);
    if (m > 0) ctx.act(cmd.startTimer(Math.round(m * 60)));
  });

  const nextSpeaker = button('run.nextSpeaker', () => cmd.nextSpeaker());
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

  root.append(
    group('run.label', 'run-agenda', upNext, nextItem),
    group('run.timer', 'run-timer', pause, resume, addMinute, reset, startTimer),
    group('run.queue', 'run-queue', nextSpeaker, startRound),
    group('run.board', 'run-board', ...steps, clear),
    el('div', { class: 'run-group run-end' }, end));

  function button(key, command) {
    return el('button', { type: 'button', text: t(key), on: { click: () => ctx.act(command()) } });
  }

  function group(labelKey, cls, ...children) {
    const id = `${cls}-label`;
    return el('div', { class: ['run-group', cls], attrs: { role: 'group', 'aria-labelledby': id } },
      el('span', { class: 'run-label', id, text: t(labelKey) }), ...children);
  }

  const render = memo(([facilitator, agenda, timer, queue, phase]) => {
    root.hidden = !facilitator;
    if (!facilitator) return;
    const { item, next } = agenda;
    upNext.textContent = next
      ? t(item ? 'run.upNext' : 'run.notStarted', { title: next.title, minutes: next.minutes })
      : t('run.noneLeft');
    nextItem.textContent = item || !next ? t('run.nextItem') : t('run.startAgenda');
    nextItem.disabled = !item && !next;

    const hasTime = timer.durationMs > 0;
    pause.disabled = !timer.running;
    resume.disabled = timer.running || !hasTime;
    addMinute.disabled = !hasTime;
    reset.disabled = !hasTime;

    nextSpeaker.disabled = !queue.speaker && !queue.waiting;

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
      render([!!(you && you.facilitator), { item, next },
        { running: state.timer.running, durationMs: state.timer.durationMs },
        { speaker: !!state.queue.speaker, waiting: state.queue.waiting.length },
        stage.phase]);
    },
  };
}

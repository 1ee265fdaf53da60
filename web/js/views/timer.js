// The current agenda item and its countdown. The digits are redrawn from the
// server's `endsAt` and the measured clock offset; only minute marks and
// "time is up" are announced.

import { el, field, memo } from '../dom.js';
import { cmd } from '../protocol.js';
import { currentItem } from '../selectors.js';
import { formatCountdown, spokenDuration, timerAnnouncement, timerPhase, timerRemaining } from '../format.js';

const PHASE_LABEL = {
  idle: 'No timer set',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  overrun: 'Over time',
};

export function timerView(root, ctx) {
  const itemTitle = el('p', { class: 'now-item' });
  const digits = el('p', { class: 'timer-digits', attrs: { role: 'timer', 'aria-atomic': 'true' } });
  const phase = el('p', { class: 'timer-phase' });
  const progress = el('progress', { class: 'timer-progress', max: 1, value: 0, attrs: { 'aria-label': 'Share of the time used' } });

  const minutes = el('input', { type: 'number', min: 1, max: 600, value: '10', inputMode: 'numeric' });
  const startForm = el('form', { class: 'inline-form', attrs: { 'aria-label': 'Start the timer' } },
    field('Minutes', minutes).wrap, el('button', { type: 'submit', text: 'Start timer' }));
  startForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = Number(minutes.value);
    if (m > 0) ctx.act(cmd.startTimer(Math.round(m * 60)));
  });
  const pause = el('button', { type: 'button', text: 'Pause', on: { click: () => ctx.act(cmd.pauseTimer()) } });
  const resume = el('button', { type: 'button', text: 'Resume', on: { click: () => ctx.act(cmd.resumeTimer()) } });
  const addMinute = el('button', { type: 'button', text: '+1 minute', on: { click: () => ctx.act(cmd.addTime(60)) } });
  const reset = el('button', { type: 'button', text: 'Reset', on: { click: () => ctx.act(cmd.resetTimer()) } });
  const controls = el('div', { class: 'facilitator-only', hidden: true }, startForm, el('div', { class: 'actions' }, pause, resume, addMinute, reset));

  root.append(itemTitle, digits, phase, progress);
  if (!ctx.display) root.append(controls);

  let timer = null;
  /** last remaining value seen while running, per endsAt, to detect crossing a minute mark */
  let prev = null;
  let lastText = '';

  const render = memo(([title, t, facilitator]) => {
    const before = timer;
    timer = t;
    itemTitle.textContent = title ? title : 'No agenda item running';
    controls.hidden = !facilitator;
    const running = !!(t && t.running);
    pause.disabled = !running;
    resume.disabled = running || !(t && t.durationMs > 0);
    reset.disabled = !(t && t.durationMs > 0);
    addMinute.disabled = !(t && t.durationMs > 0);
    if (before && t && (before.running !== t.running || before.endsAt !== t.endsAt)) {
      if (running) ctx.announce(`Timer running: ${spokenDuration(t.endsAt - ctx.serverNow())} left.`);
      else if (t.durationMs > 0 && t.remainingMs !== t.durationMs) ctx.announce('Timer paused.');
      else ctx.announce('Timer stopped.');
    }
  });

  return {
    update(state, you) {
      const item = currentItem(state);
      render([item && item.title, state.timer, !!(you && you.facilitator)]);
      this.tick(ctx.serverNow());
    },

    tick(serverNow) {
      if (!timer) return;
      const remaining = timerRemaining(timer, serverNow);
      const p = timerPhase(timer, remaining);
      const text = p === 'idle' ? '–:––' : formatCountdown(remaining);
      if (text !== lastText) {
        digits.textContent = text;
        lastText = text;
      }
      const label = PHASE_LABEL[p];
      if (phase.textContent !== label) phase.textContent = label;
      root.dataset.phase = p;
      const used = timer.durationMs > 0 ? Math.min(1, Math.max(0, 1 - remaining / timer.durationMs)) : 0;
      progress.value = used;
      if (timer.running) {
        if (prev && prev.endsAt === timer.endsAt) ctx.announce(timerAnnouncement(prev.remaining, remaining));
        prev = { endsAt: timer.endsAt, remaining };
      } else {
        prev = null;
      }
    },
  };
}

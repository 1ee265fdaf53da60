// Time left on the current item. The digits are redrawn from the server's
// `endsAt` and the measured clock offset; only minute marks and "time is up"
// are announced. The facilitator's timer buttons live in the run bar.

import { el, memo } from '../dom.js';
import { formatCountdown, spokenDuration, timerAnnouncement, timerPhase, timerRemaining } from '../format.js';

const PHASE_LABEL = {
  idle: 'No timer set',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  overrun: 'Over time',
};

export function timerView(root, ctx) {
  const digits = el('p', { class: 'timer-digits', attrs: { role: 'timer', 'aria-atomic': 'true' } });
  const phase = el('p', { class: 'timer-phase' });
  const progress = el('progress', { class: 'timer-progress', max: 1, value: 0, attrs: { 'aria-label': 'Share of the time used' } });
  root.append(digits, phase, progress);

  let timer = null;
  /** last remaining value seen while running, per endsAt, to detect crossing a minute mark */
  let prev = null;
  let lastText = '';

  const render = memo(([t]) => {
    const before = timer;
    timer = t;
    if (before && t && (before.running !== t.running || before.endsAt !== t.endsAt)) {
      if (t.running) ctx.announce(`Timer running: ${spokenDuration(t.endsAt - ctx.serverNow())} left.`);
      else if (t.durationMs > 0 && t.remainingMs !== t.durationMs) ctx.announce('Timer paused.');
      else ctx.announce('Timer stopped.');
    }
  });

  return {
    update(state) {
      render([state.timer]);
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

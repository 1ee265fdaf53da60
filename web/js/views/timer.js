// Time left on the current item. The digits are redrawn from the server's
// `endsAt` and the measured clock offset; only minute marks and "time is up"
// are announced. The facilitator's timer buttons live in the run bar.

import { el, memo } from '../dom.js';
import { t } from '../i18n.js';
import { formatCountdown, spokenDuration, timerAnnouncement, timerPhase, timerRemaining } from '../format.js';


export function timerView(root, ctx) {
  const digits = el('p', { class: 'timer-digits', attrs: { role: 'timer', 'aria-atomic': 'true' } });
  const phase = el('p', { class: 'timer-phase' });
  const progress = el('progress', { class: 'timer-progress', max: 1, value: 0, attrs: { 'aria-label': t('timer.progress') } });
  root.append(digits, phase, progress);

  let timer = null;
  /** last remaining value seen while running, per endsAt, to detect crossing a minute mark */
  let prev = null;
  let lastText = '';

  const render = memo(([next]) => {
    const before = timer;
    timer = next;
    if (before && next && (before.running !== next.running || before.endsAt !== next.endsAt)) {
      if (next.running) ctx.announce(t('timer.announce.running', { left: spokenDuration(next.endsAt - ctx.serverNow()) }));
      else if (next.durationMs > 0 && next.remainingMs !== next.durationMs) ctx.announce(t('timer.announce.paused'));
      else ctx.announce(t('timer.announce.stopped'));
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
      const label = t(`timer.phase.${p}`);
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

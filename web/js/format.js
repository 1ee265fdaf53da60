// Pure formatting and timing logic shared by the views. No DOM. Words come
// from the catalogues (i18n.js), so they follow the reader's language.

import { t, unit } from './i18n.js';

export { ordinal, spokenDuration } from './i18n.js';

/**
 * Milliseconds left on the timer at server time `serverNow`; negative once it
 * has overrun. A running timer counts down to `endsAt`; a stopped or paused
 * one shows its `remainingMs`.
 */
export function timerRemaining(timer, serverNow) {
  if (!timer) return 0;
  if (timer.running && Number.isFinite(timer.endsAt)) return timer.endsAt - serverNow;
  return Number.isFinite(timer.remainingMs) ? timer.remainingMs : 0;
}

/** The timer's situation in one word, for text next to the digits (never colour only). */
export function timerPhase(timer, remaining) {
  if (!timer || (!timer.running && !(timer.durationMs > 0))) return 'idle';
  if (remaining < 0) return 'overrun';
  if (timer.running) return 'running';
  return timer.remainingMs === timer.durationMs ? 'ready' : 'paused';
}

/**
 * "m:ss" for a duration, counting whole seconds the way a countdown reads:
 * 59.2 s left shows 1:00 until it is really below 59 s; an overrun counts up
 * from 0:00 ("+0:01" after one second over).
 */
export function formatCountdown(ms) {
  if (ms >= 0) return formatMinSec(Math.ceil(ms / 1000));
  return '+' + formatMinSec(Math.floor(-ms / 1000));
}

/** "m:ss" (or "h:mm:ss") for a whole number of seconds ≥ 0. */
export function formatMinSec(totalSec) {
  const s = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The minute marks worth announcing; everything else stays quiet. */
export const ANNOUNCED_MINUTES = Object.freeze([10, 5, 2, 1]);

/**
 * What to announce when the countdown moves from `before` to `after` ms
 * (both measured on a running timer), or null. Announces crossing one of
 * ANNOUNCED_MINUTES and reaching zero; never a plain second tick.
 */
export function timerAnnouncement(before, after) {
  if (!Number.isFinite(before) || !Number.isFinite(after) || after >= before) return null;
  if (before > 0 && after <= 0) return t('timer.announce.up');
  for (const m of ANNOUNCED_MINUTES) {
    const mark = m * 60000;
    if (before > mark && after <= mark) return t('timer.announce.left', { left: unit(m, 'minute') });
  }
  return null;
}

/** How long the current speaker has had the floor, and whether that is over the advisory limit. */
export function turnElapsed(queue, serverNow) {
  if (!queue || !queue.speaker) return null;
  const elapsedMs = Math.max(0, serverNow - queue.speaker.startedAt);
  const limitMs = (queue.turnLimitSec || 0) * 1000;
  return { elapsedMs, limitMs, over: limitMs > 0 && elapsedMs > limitMs };
}

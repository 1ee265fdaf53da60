import test from 'node:test';
import assert from 'node:assert/strict';
import {
  timerRemaining, timerPhase, formatCountdown, formatMinSec, timerAnnouncement, turnElapsed, ordinal, spokenDuration,
} from '../js/format.js';

test('a running timer counts down to endsAt on the server clock', () => {
  const t = { running: true, durationMs: 600000, endsAt: 50_000, remainingMs: 600000 };
  assert.equal(timerRemaining(t, 20_000), 30_000);
  assert.equal(timerRemaining(t, 65_000), -15_000);
});

test('a paused timer shows its remainingMs', () => {
  assert.equal(timerRemaining({ running: false, durationMs: 600000, endsAt: null, remainingMs: 42000 }, 1e12), 42000);
});

test('timer phases are named, not only coloured', () => {
  assert.equal(timerPhase({ running: false, durationMs: 0, endsAt: null, remainingMs: 0 }, 0), 'idle');
  assert.equal(timerPhase({ running: false, durationMs: 60000, endsAt: null, remainingMs: 60000 }, 60000), 'ready');
  assert.equal(timerPhase({ running: false, durationMs: 60000, endsAt: null, remainingMs: 1000 }, 1000), 'paused');
  assert.equal(timerPhase({ running: true, durationMs: 60000, endsAt: 9, remainingMs: 60000 }, 5), 'running');
  assert.equal(timerPhase({ running: true, durationMs: 60000, endsAt: 9, remainingMs: 60000 }, -1), 'overrun');
});

test('countdown rounds up while running down and counts overrun up', () => {
  assert.equal(formatCountdown(600000), '10:00');
  assert.equal(formatCountdown(59_200), '1:00');
  assert.equal(formatCountdown(58_999), '0:59');
  assert.equal(formatCountdown(1), '0:01');
  assert.equal(formatCountdown(0), '0:00');
  assert.equal(formatCountdown(-999), '+0:00');
  assert.equal(formatCountdown(-65_000), '+1:05');
  assert.equal(formatMinSec(3725), '1:02:05');
});

test('spoken durations read naturally', () => {
  assert.equal(spokenDuration(65_000), '1 minute 5 seconds');
  assert.equal(spokenDuration(120_000), '2 minutes');
  assert.equal(spokenDuration(0), '0 seconds');
});

test('announcements only at minute marks and at zero', () => {
  assert.equal(timerAnnouncement(300_400, 300_150), null);
  assert.equal(timerAnnouncement(300_100, 299_900), '5 minutes left.');
  assert.equal(timerAnnouncement(60_100, 59_850), '1 minute left.');
  assert.equal(timerAnnouncement(250, 0), 'Time is up.');
  assert.equal(timerAnnouncement(-1000, -1250), null);
  assert.equal(timerAnnouncement(180_000, 179_000), null, '3 minutes is not a mark');
  assert.equal(timerAnnouncement(100_000, 100_000), null);
  assert.equal(timerAnnouncement(50_000, 70_000), null, 'time added is not a countdown step');
});

test('turn elapsed and advisory overrun', () => {
  const q = { turnLimitSec: 60, speaker: { memberId: 'a', startedAt: 1000 } };
  assert.deepEqual(turnElapsed(q, 31_000), { elapsedMs: 30_000, limitMs: 60_000, over: false });
  assert.equal(turnElapsed(q, 62_000).over, true);
  assert.equal(turnElapsed({ ...q, turnLimitSec: 0 }, 1e9).over, false);
  assert.equal(turnElapsed({ ...q, speaker: null }, 5), null);
});

test('ordinals', () => {
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal),
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
});

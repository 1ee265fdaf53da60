import test from 'node:test';
import assert from 'node:assert/strict';
import { meetingAt, suggestedMeeting } from '../js/schedule.js';

test('a local date and time become the moment in this time zone', () => {
  assert.equal(meetingAt('2026-12-18', '18:30'), new Date(2026, 11, 18, 18, 30).getTime());
});

test('missing or impossible dates and times give no moment', () => {
  for (const [d, t] of [['', '18:00'], ['2026-12-18', ''], ['2026-02-31', '10:00'], ['2026-12-18', '25:00'], ['18.12.2026', '10:00']]) {
    assert.equal(meetingAt(d, t), null, `${d} ${t}`);
  }
});

test('the suggestion is two weeks on, on the hour, and reads back as a moment', () => {
  const now = new Date(2026, 11, 4, 19, 42).getTime();
  const s = suggestedMeeting(now);
  assert.deepEqual(s, { date: '2026-12-18', time: '19:00' });
  assert.equal(meetingAt(s.date, s.time), new Date(2026, 11, 18, 19, 0).getTime());
});

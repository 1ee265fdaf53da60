// When the group meets again, as the facilitator types it: a date and a time
// in their own time zone (the browser's), turned into the contract's
// milliseconds since the epoch. No DOM.

/** ms since the epoch for a local date ("2026-12-18") and time ("18:30"), or null when either is missing or not a real moment. */
export function meetingAt(date, time) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date || ''));
  const t = /^(\d{2}):(\d{2})$/.exec(String(time || ''));
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [+d[1], +d[2] - 1, +d[3], +t[1], +t[2]];
  const at = new Date(y, mo, da, h, mi);
  // 31 February, 25:00 and the like roll over in Date: refuse them rather than guess.
  if (at.getFullYear() !== y || at.getMonth() !== mo || at.getDate() !== da || at.getHours() !== h || at.getMinutes() !== mi) return null;
  return at.getTime();
}

/** The date and time fields' values for a suggestion: the same weekday two weeks after `now`, on the hour. */
export function suggestedMeeting(now) {
  const at = new Date(now + 14 * 24 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:00` };
}

/** The browser's time zone name ("Europe/Berlin"), for the words next to the fields. */
export function localTimeZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch { return ''; }
}

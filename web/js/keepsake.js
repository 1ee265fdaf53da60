// What a member takes home from a session: what they said they will practise
// (theirs first, then the group's, as the projector's "What we will practise"),
// the next meeting when there is one, and the same as a Markdown text to
// download or copy. Worked out from the last state the page held, so an ended
// session (whose socket is gone) still has it. No DOM.

import { currentLanguage, t } from './i18n.js';
import { myCommitments, othersCommitments } from './selectors.js';

/**
 * {title, mine: [{text, status, note}], group: [{name, text}], followUp: {code, at}|null}
 * from a public state and this member's id (null for a display: everything is the group's).
 */
export function takeaway(state, memberId) {
  if (!state) return null;
  const mine = memberId ? myCommitments(state, memberId) : [];
  const group = memberId ? othersCommitments(state, memberId) : state.commitments || [];
  return {
    title: state.title || '',
    mine: mine.map((c) => ({ text: c.text, status: c.status, note: c.note || '' })),
    group: group.map((c) => ({ name: c.name, text: c.text })),
    followUp: followUpOf(state),
  };
}

/** The follow-up a session's state points to (v1.2 `followUp`), as {code, at|null}, or null. */
export function followUpOf(state) {
  const f = state && state.followUp;
  if (!f || typeof f.code !== 'string' || !f.code) return null;
  return { code: f.code, at: Number.isFinite(f.at) ? f.at : null };
}

/** A meeting time in the reader's language and time zone ("Friday, 11 December 2026 at 18:00"). */
export function meetingTime(at, timeZone) {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(at));
}

/** The member-page address of a session, absolute. */
export function sessionLink(origin, code) {
  return `${origin}/s/${encodeURIComponent(code)}`;
}

/**
 * The takeaway as Markdown: a heading with the session's title, one line per own commitment,
 * the group's under their own heading, and the next meeting with its link. Member text is
 * written as it was typed (Markdown is plain text here: nothing renders it as HTML).
 */
export function takeawayText(k, { origin, timeZone } = {}) {
  const lines = [`# ${t('keep.file.heading', { title: k.title })}`, ''];
  lines.push(`## ${t('keep.mine')}`, '');
  if (k.mine.length) {
    for (const c of k.mine) lines.push(`- ${c.text}${c.note ? ` — ${c.note}` : ''}`);
  } else {
    lines.push(t('keep.mineNone'));
  }
  if (k.group.length) {
    lines.push('', `## ${t('keep.group')}`, '');
    for (const c of k.group) lines.push(`- ${c.name}: ${c.text}`);
  }
  if (k.followUp) {
    lines.push('', `## ${t('keep.next')}`, '');
    if (k.followUp.at != null) lines.push(meetingTime(k.followUp.at, timeZone));
    lines.push(sessionLink(origin || '', k.followUp.code));
  }
  return `${lines.join('\n')}\n`;
}

/** A file name for the takeaway: the session's title in plain letters, or its code. */
export function takeawayFileName(title, code) {
  const slug = String(title || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${slug || `roundtable-${code}`}-practice.md`;
}

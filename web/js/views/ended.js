// What a member's page shows once the session has ended: what they said they
// will practise (theirs first, then the group's), the next meeting with its
// link when there is one, and their own commitments to download or copy.
// Also the "next meeting" line a live page shows once a follow-up exists.

import { el, copyText, replaceKeepingFocus } from '../dom.js';
import { t } from '../i18n.js';
import { meetingTime, sessionLink, takeawayFileName, takeawayText } from '../keepsake.js';
import { statusLabel } from './commitments.js';

/** The next meeting: its date (or that none is set) and one link there; the calendar entry when dated. */
export function nextMeeting(followUp, origin) {
  if (!followUp) return [];
  const calendar = followUp.at != null
    ? el('a', { class: 'button-link', href: `/api/sessions/${encodeURIComponent(followUp.code)}/calendar.ics`, download: 'roundtable.ics', text: t('keep.calendar') })
    : null;
  return [
    el('h3', { text: t('keep.next') }),
    el('p', { class: 'next-when', text: followUp.at != null ? meetingTime(followUp.at) : t('keep.noDate') }),
    el('div', { class: 'actions' },
      el('a', { class: 'button-link primary', href: sessionLink(origin, followUp.code), text: t('keep.open') }), calendar),
  ];
}

/**
 * `root`: the page's ended card. show(takeaway, code) fills it (takeaway from keepsake.js; null
 * when this browser never saw the session's state, e.g. opened only after the end).
 */
export function endedView(root, { origin, saveFile }) {
  const status = el('p', { class: 'meta', attrs: { role: 'status' } });
  let shown = null;

  function show(k, code) {
    shown = k;
    root.hidden = !k;
    if (!k) return;
    const text = () => takeawayText(k, { origin });
    const mine = k.mine.length
      ? el('ul', { class: 'commitment-list' }, k.mine.map((c) => el('li', { class: 'commitment' },
        el('span', { class: 'commitment-text', text: c.text }),
        el('span', { class: 'tag', text: statusLabel(c.status) }),
        c.note ? el('span', { class: 'note', text: ` — ${c.note}` }) : null)))
      : el('p', { class: 'meta', text: t('keep.mineNone') });
    const group = k.group.length ? [
      el('h3', { text: t('keep.group') }),
      el('ul', { class: 'commitment-list' }, k.group.map((c) => el('li', { class: 'commitment' },
        el('span', { class: 'who', text: `${c.name}: ` }), el('span', { class: 'commitment-text', text: c.text })))),
    ] : [];
    const keep = el('div', { class: 'actions' },
      el('button', { type: 'button', key: 'keep-download', text: t('keep.download'), on: { click: () => {
        saveFile(takeawayFileName(k.title, code), new Blob([text()], { type: 'text/markdown;charset=utf-8' }));
        status.textContent = t('keep.saved');
      } } }),
      el('button', { type: 'button', key: 'keep-copy', text: t('keep.copy'), on: { click: async () => {
        // Without clipboard access the text is shown selected, for Ctrl+C.
        manual.value = text();
        const copied = await copyText(manual.value);
        manual.hidden = copied;
        if (!copied) { manual.focus(); manual.select(); }
        status.textContent = copied ? t('keep.copied') : t('session.copyManual');
      } } }));
    const manual = el('textarea', { readOnly: true, hidden: true, rows: 6, attrs: { 'aria-label': t('keep.heading') } });
    replaceKeepingFocus(root,
      el('h2', { id: 'ended-h', text: t('keep.heading') }),
      el('div', { class: 'next-meeting' }, nextMeeting(k.followUp, origin)),
      el('h3', { text: t('keep.mine') }), mine, group, keep, manual, status);
  }

  return {
    show,
    /** A follow-up learnt after the end (from the session's info): shown without losing the rest. */
    followUp(f, code) {
      if (!shown || !f || (shown.followUp && shown.followUp.code === f.code && shown.followUp.at === f.at)) return;
      show({ ...shown, followUp: f }, code);
    },
    get shown() { return shown; },
  };
}

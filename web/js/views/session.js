// Session-wide actions: invite links for everyone; for the facilitator the
// private facilitator link, the summary download and the follow-up session
// (ending the session is in the run bar).

import { el, field, copyText, saveFile, memo } from '../dom.js';
import { errorSentence, Limits } from '../protocol.js';
import { createFollowUp, fetchSummary, httpErrorSentence } from '../api.js';
import { facilitatorLink } from '../storage.js';

/** Downloads the Markdown summary; returns an error sentence or null. */
export async function downloadSummary(code, key) {
  if (!key) return 'This browser does not hold the facilitator key for this session, so it cannot fetch the summary.';
  const res = await fetchSummary(code, key);
  if (!res.ok) return httpErrorSentence(res.code, errorSentence);
  saveFile(`roundtable-${code}-summary.md`, res.data);
  return null;
}

export function sessionView(root, ctx) {
  const { code, memory, origin } = ctx;
  const joinUrl = `${origin}/s/${code}`;
  const joinInput = el('input', { type: 'text', readOnly: true, value: joinUrl });
  const copyJoin = el('button', { type: 'button', text: 'Copy join link' });
  const copied = el('span', { class: 'meta', attrs: { role: 'status' } });
  copyJoin.addEventListener('click', async () => {
    copied.textContent = (await copyText(joinUrl, joinInput)) ? 'Join link copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.';
  });
  const invite = el('div', {},
    field('Join link', joinInput).wrap,
    el('div', { class: 'actions' }, copyJoin,
      el('a', { href: `/d/${code}`, target: '_blank', rel: 'noopener', class: 'button-link', text: 'Open the projector display' })),
    copied);

  const keyInput = el('input', { type: 'text', readOnly: true });
  const keyStatus = el('span', { class: 'meta', attrs: { role: 'status' } });
  const keyBox = el('details', { class: 'secret' },
    el('summary', { text: 'Facilitator link for another device' }),
    el('p', { class: 'meta', text: 'Anyone with this link can run the session. Keep it private; do not show it on the projector.' }),
    field('Facilitator link', keyInput).wrap,
    el('button', { type: 'button', text: 'Copy facilitator link', on: { click: async () => {
      keyStatus.textContent = (await copyText(keyInput.value, keyInput)) ? 'Facilitator link copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.';
    } } }), keyStatus);

  const summaryStatus = el('p', { class: 'meta', attrs: { role: 'status' } });
  const summaryButton = el('button', { type: 'button', text: 'Download summary (Markdown)', on: { click: async () => {
    summaryStatus.textContent = 'Preparing the summary…';
    const err = await downloadSummary(code, memory.facilitatorKey(code));
    summaryStatus.textContent = err || 'Summary downloaded.';
  } } });

  const followTitle = el('input', { type: 'text', maxLength: Limits.TEXT, autocomplete: 'off' });
  const followStatus = el('p', { class: 'meta', attrs: { role: 'status' } });
  const followForm = el('form', { class: 'inline-form', attrs: { 'aria-label': 'Create the follow-up session' } },
    field('Follow-up title (optional)', followTitle).wrap, el('button', { type: 'submit', text: 'Create follow-up session' }));
  followForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = memory.facilitatorKey(code);
    if (!key) { followStatus.textContent = 'This browser does not hold the facilitator key for this session.'; return; }
    followStatus.textContent = 'Creating…';
    const res = await createFollowUp(code, key, followTitle.value.trim() || undefined);
    if (!res.ok) { followStatus.textContent = httpErrorSentence(res.code, errorSentence); return; }
    memory.setFacilitatorKey(res.data.code, res.data.facilitatorKey);
    followStatus.textContent = 'Follow-up created. Opening it…';
    ctx.navigate(`/s/${encodeURIComponent(res.data.code)}`);
  });

  const facilitatorBox = el('div', { class: 'facilitator-only', hidden: true },
    keyBox, el('div', { class: 'actions' }, summaryButton), summaryStatus, followForm, followStatus);
  root.append(invite, facilitatorBox);

  const render = memo(([facilitator]) => {
    facilitatorBox.hidden = !facilitator;
    const key = memory.facilitatorKey(code);
    keyBox.hidden = !key;
    keyInput.value = key ? facilitatorLink(origin, code, key) : '';
    summaryButton.disabled = !key;
    followForm.hidden = !key;
  });

  return { update(state, you) { render([!!(you && you.facilitator)]); } };
}

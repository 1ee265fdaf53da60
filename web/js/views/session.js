// Session-wide actions: invite links for everyone; for the facilitator the
// private facilitator link, the summary download and the follow-up session
// (ending the session is in the run bar).

import { el, field, copyText, saveFile, memo, replaceKeepingFocus } from '../dom.js';
import { errorSentence, Limits } from '../protocol.js';
import { createFollowUp, fetchSpeakingChart, fetchSummary, httpErrorSentence } from '../api.js';
import { facilitatorLink } from '../storage.js';
import { t } from '../i18n.js';
import { rotaHistory } from './rota.js';

/** Downloads the Markdown summary; returns an error sentence or null. */
export async function downloadSummary(code, key) {
  if (!key) return t('session.noKeySummary');
  const res = await fetchSummary(code, key);
  if (!res.ok) return httpErrorSentence(res.code, errorSentence);
  saveFile(`roundtable-${code}-summary.md`, res.data);
  return null;
}

/** Downloads the speaking record's chart (SVG), its own file beside the summary; an error sentence or null. */
export async function downloadSpeakingChart(code, key) {
  if (!key) return t('session.noKeySummary');
  const res = await fetchSpeakingChart(code, key);
  if (!res.ok) return httpErrorSentence(res.code, errorSentence);
  saveFile(`roundtable-${code}-speaking.svg`, res.data);
  return null;
}

export function sessionView(root, ctx) {
  const { code, memory, origin } = ctx;
  const joinUrl = `${origin}/s/${code}`;
  const joinInput = el('input', { type: 'text', readOnly: true, value: joinUrl });
  const copyJoin = el('button', { type: 'button', text: t('session.copyJoin') });
  const copied = el('span', { class: 'meta', attrs: { role: 'status' } });
  copyJoin.addEventListener('click', async () => {
    copied.textContent = (await copyText(joinUrl, joinInput)) ? t('session.joinCopied') : t('session.copyManual');
  });
  const invite = el('div', {},
    field(t('session.joinLink'), joinInput).wrap,
    el('div', { class: 'actions' }, copyJoin,
      el('a', { href: `/d/${code}`, target: '_blank', rel: 'noopener', class: 'button-link', text: t('session.openDisplay') })),
    copied);

  const keyInput = el('input', { type: 'text', readOnly: true });
  const keyStatus = el('span', { class: 'meta', attrs: { role: 'status' } });
  const keyBox = el('details', { class: 'secret' },
    el('summary', { text: t('session.keyBox') }),
    el('p', { class: 'meta', text: t('session.keyWarning') }),
    field(t('session.keyLink'), keyInput).wrap,
    el('button', { type: 'button', text: t('session.copyKey'), on: { click: async () => {
      keyStatus.textContent = (await copyText(keyInput.value, keyInput)) ? t('session.keyCopied') : t('session.copyManual');
    } } }), keyStatus);

  const summaryStatus = el('p', { class: 'meta', attrs: { role: 'status' } });
  const summaryButton = el('button', { type: 'button', text: t('session.summary'), on: { click: async () => {
    summaryStatus.textContent = t('session.summaryPreparing');
    const err = await downloadSummary(code, memory.facilitatorKey(code));
    summaryStatus.textContent = err || t('session.summaryDone');
  } } });

  const chartButton = el('button', { type: 'button', text: t('session.chart'), on: { click: async () => {
    summaryStatus.textContent = t('session.summaryPreparing');
    const err = await downloadSpeakingChart(code, memory.facilitatorKey(code));
    summaryStatus.textContent = err || t('session.chartDone');
  } } });

  const followTitle = el('input', { type: 'text', maxLength: Limits.TEXT, autocomplete: 'off' });
  const followStatus = el('p', { class: 'meta', attrs: { role: 'status' } });
  const followForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('session.followForm') } },
    field(t('session.followTitle'), followTitle).wrap, el('button', { type: 'submit', text: t('session.followCreate') }));
  followForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = memory.facilitatorKey(code);
    if (!key) { followStatus.textContent = t('session.noKey'); return; }
    followStatus.textContent = t('session.following');
    const res = await createFollowUp(code, key, followTitle.value.trim() || undefined);
    if (!res.ok) { followStatus.textContent = httpErrorSentence(res.code, errorSentence); return; }
    memory.setFacilitatorKey(res.data.code, res.data.facilitatorKey);
    followStatus.textContent = t('session.followDone');
    ctx.navigate(`/s/${encodeURIComponent(res.data.code)}`);
  });

  const facilitatorBox = el('div', { class: 'facilitator-only', hidden: true },
    keyBox, el('div', { class: 'actions' }, summaryButton, chartButton), summaryStatus, followForm, followStatus);
  // Who facilitated each session of the series: the rota the summary records too.
  const history = el('div', { class: 'rota-list' });
  root.append(invite, el('h3', { text: t('rota.history') }), history, facilitatorBox);
  const renderHistory = memo(([names]) => replaceKeepingFocus(history, rotaHistory(names)));

  const render = memo(([facilitator]) => {
    facilitatorBox.hidden = !facilitator;
    const key = memory.facilitatorKey(code);
    keyBox.hidden = !key;
    keyInput.value = key ? facilitatorLink(origin, code, key) : '';
    summaryButton.disabled = !key;
    chartButton.disabled = !key;
    followForm.hidden = !key;
  });

  return {
    update(state, you) {
      render([!!(you && you.facilitator)]);
      renderHistory([(state.facilitation && state.facilitation.history) || []]);
    },
  };
}

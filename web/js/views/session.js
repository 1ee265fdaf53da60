// Session-wide actions: invite links for everyone; for whoever facilitates the
// summary download and the follow-up session with its date (over the socket:
// the role carries its powers), and the private facilitator link where this
// browser holds the key (ending the session is in the run bar).

import { el, field, copyText, saveFile, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, errorSentence, Limits, ScheduleMinutes, SummaryFormat } from '../protocol.js';
import { fetchSpeakingChart, fetchSummary, httpErrorSentence } from '../api.js';
import { localTimeZone, meetingAt, suggestedMeeting } from '../schedule.js';
import { facilitatorLink } from '../storage.js';
import { t } from '../i18n.js';
import { rotaHistory } from './rota.js';

/** Downloads the Markdown summary (`credential`: the key, or `{ resume }`); returns an error sentence or null. */
export async function downloadSummary(code, credential) {
  if (!credential) return t('session.noKeySummary');
  const res = await fetchSummary(code, credential);
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

  // The role carries its powers (v1.2): whoever facilitates now gets the record over the socket,
  // key or no key.
  const summaryStatus = el('p', { class: 'meta', attrs: { role: 'status' } });
  const summaryButton = el('button', { type: 'button', text: t('session.summary'), on: { click: async () => {
    summaryStatus.textContent = t('session.summaryPreparing');
    const answer = await ctx.ask(cmd.getSummary(SummaryFormat.MARKDOWN));
    if (!answer) { summaryStatus.textContent = ''; return; }
    saveFile(`roundtable-${code}-summary.md`, new Blob([answer.body], { type: 'text/markdown;charset=utf-8' }));
    summaryStatus.textContent = t('session.summaryDone');
  } } });

  const chartButton = el('button', { type: 'button', text: t('session.chart'), on: { click: async () => {
    summaryStatus.textContent = t('session.summaryPreparing');
    // The key, or for a facilitator handed the role the resume token: the server checks the role.
    const resume = memory.resumeToken(code);
    const err = await downloadSpeakingChart(code, memory.facilitatorKey(code) || (resume && { resume }));
    summaryStatus.textContent = err || t('session.chartDone');
  } } });

  // "When do we meet again?": the follow-up, with its date in the facilitator's own time zone.
  const suggestion = suggestedMeeting(Date.now());
  const followDate = el('input', { type: 'date', value: suggestion.date });
  const followTime = el('input', { type: 'time', value: suggestion.time });
  const followMinutes = el('input', { type: 'number', min: ScheduleMinutes.MIN, max: ScheduleMinutes.MAX, step: 5, value: '90', inputMode: 'numeric' });
  const followTitle = el('input', { type: 'text', maxLength: Limits.TEXT, autocomplete: 'off' });
  const followStatus = el('p', { class: 'meta', attrs: { role: 'status' } });
  const zone = localTimeZone();
  const followForm = el('form', { class: 'stack-form follow-form', attrs: { 'aria-labelledby': 'follow-h' } },
    el('h3', { id: 'follow-h', text: t('plan.heading') }),
    el('div', { class: 'inline-form' }, field(t('plan.date'), followDate).wrap, field(t('plan.time'), followTime).wrap,
      field(t('plan.minutes'), followMinutes).wrap),
    zone ? el('p', { class: 'hint', text: t('plan.zone', { zone }) }) : null,
    field(t('session.followTitle'), followTitle).wrap,
    el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('session.followCreate') })));
  followForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const at = meetingAt(followDate.value, followTime.value);
    const minutes = Number(followMinutes.value);
    if ((followDate.value || followTime.value) && at === null) { followStatus.textContent = t('plan.badDate'); followDate.focus(); return; }
    followStatus.textContent = t('session.following');
    const answer = await ctx.ask(cmd.createFollowUp({
      title: followTitle.value.trim() || undefined,
      at: at ?? undefined,
      minutes: at !== null && minutes > 0 ? Math.round(minutes) : undefined,
    }));
    if (!answer) { followStatus.textContent = ''; return; }
    // The new session's key comes this once: this browser runs the follow-up too.
    memory.setFacilitatorKey(answer.code, answer.facilitatorKey);
    followStatus.textContent = t('plan.done');
  });
  // Once the follow-up exists, every page shows it (the "next meeting" card): no second one.
  const followMade = el('p', { class: 'meta', text: t('plan.made') });

  // Deletion cannot be undone: a confirm step, and the close every page then gets is the answer.
  const deleteButton = el('button', { type: 'button', class: 'danger', text: t('room.delete'), on: { click: async () => {
    if (await ctx.confirm(t('room.deleteConfirm'), t('room.deleteYes'))) ctx.act(cmd.deleteSession());
  } } });
  const dangerZone = el('div', { class: 'danger-zone' },
    el('p', { class: 'hint', text: t('room.deleteHint') }), el('div', { class: 'actions' }, deleteButton));

  const facilitatorBox = el('div', { class: 'facilitator-only', hidden: true },
    keyBox, el('div', { class: 'actions' }, summaryButton, chartButton), summaryStatus, followForm, followMade, followStatus,
    dangerZone);
  // Who facilitated each session of the series: the rota the summary records too.
  const history = el('div', { class: 'rota-list' });
  root.append(invite, el('h3', { text: t('rota.history') }), history, facilitatorBox);
  const renderHistory = memo(([names]) => replaceKeepingFocus(history, rotaHistory(names)));

  const render = memo(([facilitator, hasFollowUp]) => {
    facilitatorBox.hidden = !facilitator;
    const key = memory.facilitatorKey(code);
    keyBox.hidden = !key;
    keyInput.value = key ? facilitatorLink(origin, code, key) : '';
    // The chart is the key holder's HTTP record (no socket request for it yet).
    chartButton.disabled = !key;
    followForm.hidden = hasFollowUp;
    followMade.hidden = !hasFollowUp;
  });

  return {
    update(state, you) {
      render([!!(you && you.facilitator), !!state.followUp]);
      renderHistory([(state.facilitation && state.facilitation.history) || []]);
    },
  };
}

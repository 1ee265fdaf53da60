// The speaking record as one small chart: per person, name, turns and time
// over a bar of their time. Member order, never sorted by amount, no ranking
// words: a picture of the balance for the whole group, not a league table.

import { el } from '../dom.js';
import { t } from '../i18n.js';
import { formatMinSec } from '../format.js';

/** The chart's list for rows from stage-model.js's speakingRecord(). */
export function recordChart(rows) {
  return el('ul', { class: 'record-list', attrs: { 'aria-label': t('fairness.chart') } }, rows.map((r) => el('li', { class: 'record-row' },
    el('span', { class: 'record-name', text: r.name }),
    el('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, el('span', { class: ['bar', `bar-${r.steps}`] })),
    el('span', { class: 'record-figures', text: t('fairness.figures', { count: r.turns, time: formatMinSec(Math.round(r.spokenMs / 1000)) }) }))));
}

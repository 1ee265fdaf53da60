// The member page's live speaking record, shown while the facilitator leaves
// fairness.visible on: the same one small chart as the projector's.

import { memo, replaceKeepingFocus } from '../dom.js';
import { speakingRecord } from '../stage-model.js';
import { recordChart } from './record.js';

export function fairnessView(card, chart) {
  const render = memo(([rows]) => {
    card.hidden = !rows;
    replaceKeepingFocus(chart, rows ? recordChart(rows) : []);
  });
  return {
    update(state) {
      const rows = speakingRecord(state);
      render([rows && rows.length ? rows : null]);
    },
  };
}

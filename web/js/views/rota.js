// Facilitation among equals. Before the first item of a follow-up, the card
// says who is suggested to facilitate this time (fewest sessions of the
// series so far, as the server works it out); the facilitator hands the role
// over in one click. The history of who facilitated sits with the summary.

import { el, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, ItemStatus } from '../protocol.js';
import { t } from '../i18n.js';

export function rotaView(card, body, ctx) {
  const render = memo(([suggested, candidate, facilitator, started]) => {
    card.hidden = !suggested || started;
    if (card.hidden) { replaceKeepingFocus(body, []); return; }
    replaceKeepingFocus(body,
      el('p', { text: t('rota.suggested', { name: suggested }) }),
      facilitator && candidate ? el('button', { type: 'button', class: 'primary', key: 'rota-handoff', text: t('rota.handOver', { name: suggested }),
        on: { click: () => ctx.act(cmd.handOff(candidate)) } }) : null);
  });

  return {
    update(state, you) {
      const f = state.facilitation || {};
      const suggested = f.suggested || null;
      // The suggestion names a present member with a device; the rota matches names trimmed, case-insensitively.
      const key = (n) => String(n || '').trim().toLowerCase();
      const m = suggested && state.members.find((x) => !x.inRoom && x.online && key(x.name) === key(suggested));
      // A first session has no rota yet (everyone has facilitated nothing): only a follow-up's start suggests.
      const started = !state.previous || state.agenda.items.some((i) => i.status !== ItemStatus.PENDING);
      render([suggested, m ? m.id : null, !!(you && you.facilitator), started]);
    },
  };
}

/** Who facilitated the series so far, oldest first (for the session panel). */
export function rotaHistory(history) {
  return history && history.length
    ? el('ol', { class: 'rota-history' }, history.map((name) => el('li', { text: name })))
    : el('p', { class: 'meta', text: t('rota.historyNone') });
}

// The room's door, for whoever facilitates: lock it so nobody new joins by the link (a name or a
// display), and see the connected displays, each with its own short id (the display page shows
// the same id), to remove one that should not be there. Review finding: four fake displays kept
// the real projector out, and nothing could remove them.

import { el, memo, replaceKeepingFocus } from '../dom.js';
import { cmd } from '../protocol.js';
import { currentLanguage, t } from '../i18n.js';

/** The short form of a display id that both the display page and this list show. */
export function displayLabel(id) {
  return String(id || '').slice(0, 4).toUpperCase();
}

export function roomView(root, ctx) {
  // Its label says what a tap does (lock or unlock); the badge at the top says how the room is.
  const lockButton = el('button', { type: 'button', key: 'lock-room' });
  let locked = false;
  lockButton.addEventListener('click', () => ctx.act(cmd.lockRoom(!locked)));
  const list = el('ul', { class: 'display-list' });
  const box = el('div', { class: 'facilitator-only room-door', hidden: true },
    el('h3', { text: t('room.heading') }),
    el('div', { class: 'actions' }, lockButton),
    el('p', { class: 'hint', text: t('room.lockHint') }),
    el('h4', { text: t('room.displays') }),
    list);
  root.append(box);

  const time = (at) => new Intl.DateTimeFormat(currentLanguage(), { timeStyle: 'short' }).format(new Date(at));

  const render = memo(([facilitator, isLocked, displays]) => {
    box.hidden = !facilitator;
    locked = isLocked;
    lockButton.textContent = t(isLocked ? 'room.unlock' : 'room.lock');
    lockButton.classList.toggle('primary', !isLocked);
    replaceKeepingFocus(list, displays.length
      ? displays.map((d) => {
        const label = displayLabel(d.id);
        return el('li', { class: 'display-row' },
          el('span', { class: 'display-name', text: t('room.display', { id: label, time: time(d.joinedAt) }) }),
          el('button', { type: 'button', class: 'danger', key: `remove-display-${d.id}`, text: t('room.removeDisplay'),
            attrs: { 'aria-label': t('room.removeDisplayLabel', { id: label }) },
            on: { click: async () => {
              if (await ctx.confirm(t('room.removeDisplayConfirm', { id: label }), t('room.removeDisplay'))) ctx.act(cmd.removeDisplay(d.id));
            } } }));
      })
      : [el('li', { class: 'meta', text: t('room.noDisplays') })]);
  });

  return {
    update(state, you) {
      render([!!(you && you.facilitator), !!state.locked, state.displayList || []]);
    },
  };
}

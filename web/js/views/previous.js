// Last session's commitments with their owners, for the reflection round of a
// follow-up: whoever speaks sees their own at the top, everyone sees whose is whose.

import { el, memo, replaceKeepingFocus } from '../dom.js';
import { t } from '../i18n.js';
import { previousByOwner } from '../stage.js';
import { statusLabel } from './commitments.js';


export function previousView(root, ctx) {
  const heading = el('p', { class: 'previous-title' });
  // The round's prompt asks what happened; this panel only shows what was promised.
  const list = el('ul', { class: 'owner-list' });
  root.append(heading, list);

  const render = memo(([title, owners, me]) => {
    heading.textContent = t('previous.heading', { title });
    replaceKeepingFocus(list, owners.length ? owners.map((o) => ownerItem(o, me))
      : el('li', { class: 'empty', text: t('previous.none') }));
  });

  function ownerItem(owner, me) {
    const tags = [];
    if (owner.speaking) tags.push(t('previous.speaking'));
    if (owner.memberId && owner.memberId === me) tags.push(t('previous.yours'));
    if (!owner.present) tags.push(t('previous.notHere'));
    return el('li', { class: ['owner', owner.speaking && 'speaking'] },
      el('p', { class: 'owner-name' }, el('span', { text: owner.name }),
        tags.length ? el('span', { class: 'tag', text: tags.join(' · ') }) : null),
      el('ul', { class: 'commitment-list' }, owner.commitments.map((c) => el('li', { class: 'commitment' },
        el('span', { class: 'commitment-text', text: c.text }),
        el('span', { class: 'tag', text: statusLabel(c.status) }),
        c.note ? el('span', { class: 'note', text: ` — ${c.note}` }) : null))));
  }

  return {
    update(state, you, me) {
      const previous = state.previous;
      root.closest('[data-panel]')?.toggleAttribute('data-empty', !previous);
      render([previous ? previous.title : '', previousByOwner(state), me]);
    },
  };
}

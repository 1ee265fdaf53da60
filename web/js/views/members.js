// Members with online state and speaking balance; the facilitator can hand
// off the role or remove someone. Also lets a member change their own name.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, Limits } from '../protocol.js';
import { formatMinSec } from '../format.js';

export function membersView(root, ctx) {
  const list = el('ul', { class: 'member-list' });
  const displays = el('p', { class: 'meta' });
  const nameInput = el('input', { type: 'text', maxLength: Limits.NAME, autocomplete: 'name' });
  const renameForm = el('form', { class: 'inline-form', attrs: { 'aria-label': 'Change my name' } },
    field('My name', nameInput).wrap, el('button', { type: 'submit', text: 'Rename' }));
  renameForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    if (name) ctx.act(cmd.rename(name));
  });
  root.append(list, displays, renameForm);

  const render = memo(([members, displayCount, me, facilitator]) => {
    const self = members.find((m) => m.id === me);
    if (self && document.activeElement !== nameInput) nameInput.value = self.name;
    displays.textContent = displayCount ? `${displayCount} ${displayCount === 1 ? 'display' : 'displays'} connected.` : '';
    replaceKeepingFocus(list, members.map((m) => el('li', { class: ['member', m.online ? 'online' : 'offline'] },
      el('span', { class: 'presence', attrs: { 'aria-hidden': 'true' }, text: m.online ? '●' : '○' }),
      el('span', { class: 'member-name', text: m.name }),
      m.id === me ? el('strong', { text: ' (you)' }) : null,
      el('span', { class: 'meta', text: ` · ${m.online ? 'online' : 'offline'}${m.facilitator ? ' · facilitator' : ''}${m.handRaised ? ' · hand up' : ''}` }),
      el('span', { class: 'meta balance', text: ` · ${m.turns} ${m.turns === 1 ? 'turn' : 'turns'}, ${formatMinSec(Math.round(m.spokenMs / 1000))} spoken` }),
      facilitator && m.id !== me ? el('div', { class: 'row-actions' },
        el('button', { type: 'button', key: `handoff-${m.id}`, text: 'Make facilitator', attrs: { 'aria-label': `Make facilitator: ${m.name}` },
          on: { click: async () => { if (await ctx.confirm(`Hand the facilitator role to ${m.name}? You will no longer see the facilitator controls.`, 'Hand off')) ctx.act(cmd.handOff(m.id)); } } }),
        el('button', { type: 'button', class: 'danger', key: `remove-${m.id}`, text: 'Remove', attrs: { 'aria-label': `Remove ${m.name} from the session` },
          on: { click: async () => { if (await ctx.confirm(`Remove ${m.name} from the session? They cannot come back with this browser.`, 'Remove')) ctx.act(cmd.removeMember(m.id)); } } })) : null)));
  });

  return {
    update(state, you, me) {
      render([state.members, state.displays, me, !!(you && you.facilitator)]);
    },
  };
}

// Members with presence and speaking balance. The facilitator adds people who
// are in the room without a device, raises and lowers hands for them, hands
// off the role, removes someone, and decides whether the speaking record is on
// everyone's screen. Also lets a member change their own name.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, Limits } from '../protocol.js';
import { formatMinSec } from '../format.js';
import { t } from '../i18n.js';

export function membersView(root, ctx) {
  const list = el('ul', { class: 'member-list' });
  const displays = el('p', { class: 'meta' });
  const nameInput = el('input', { type: 'text', maxLength: Limits.NAME, autocomplete: 'name' });
  const renameForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('members.renameForm') } },
    field(t('members.myName'), nameInput).wrap, el('button', { type: 'submit', text: t('members.rename') }));
  renameForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    if (name) ctx.act(cmd.rename(name));
  });

  const roomName = el('input', { type: 'text', maxLength: Limits.NAME, autocomplete: 'off' });
  const roomForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('room.add.form') } },
    field(t('room.add.label'), roomName, t('room.add.hint')).wrap, el('button', { type: 'submit', text: t('room.add.button') }));
  roomForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = roomName.value.trim();
    if (!name) { roomName.focus(); return; }
    if (await ctx.act(cmd.addRoomMember(name))) { roomName.value = ''; roomName.focus(); }
  });
  const fairness = el('input', { type: 'checkbox', id: 'fairness-visible', attrs: { 'aria-describedby': 'fairness-hint' } });
  fairness.addEventListener('change', () => ctx.act(cmd.setFairnessVisible(fairness.checked)));
  const fairnessField = el('div', { class: 'choice' }, fairness, el('label', { htmlFor: fairness.id, text: t('fairness.toggle') }),
    el('span', { class: 'hint', id: 'fairness-hint', text: t('fairness.hint') }));
  const facilitatorBox = el('div', { class: 'facilitator-only', hidden: true }, roomForm, fairnessField);
  root.append(list, displays, facilitatorBox, renameForm);

  const render = memo(([members, displayCount, me, facilitator, fairnessVisible]) => {
    const self = members.find((m) => m.id === me);
    if (self && document.activeElement !== nameInput) nameInput.value = self.name;
    facilitatorBox.hidden = !facilitator;
    fairness.checked = fairnessVisible;
    displays.textContent = displayCount ? t('members.displays', { count: displayCount }) : '';
    replaceKeepingFocus(list, members.map((m) => memberRow(m, me, facilitator)));
  });

  function memberRow(m, me, facilitator) {
    const where = m.inRoom ? t('room.inRoom') : t(m.online ? 'members.online' : 'members.offline');
    const marks = [where, m.facilitator && t('members.facilitator'), m.handRaised && t('members.handUp')].filter(Boolean);
    return el('li', { class: ['member', m.online ? 'online' : 'offline', m.inRoom ? 'in-room' : null] },
      el('span', { class: 'presence', attrs: { 'aria-hidden': 'true' }, text: m.inRoom ? '◆' : m.online ? '●' : '○' }),
      el('span', { class: 'member-name', text: m.name }),
      m.id === me ? el('strong', { text: ` ${t('members.you')}` }) : null,
      el('span', { class: 'meta', text: ` · ${marks.join(' · ')}` }),
      el('span', { class: 'meta balance', text: ` · ${t('members.spoken', { count: m.turns, time: formatMinSec(Math.round(m.spokenMs / 1000)) })}` }),
      facilitator && m.id !== me ? el('div', { class: 'row-actions' }, ...actions(m)) : null);
  }

  // A room member has no device: the facilitator raises and lowers their hand. The role needs a device.
  function actions(m) {
    const hand = m.inRoom && (m.handRaised
      ? el('button', { type: 'button', key: `hand-${m.id}`, text: t('queue.lowerHand'), attrs: { 'aria-label': t('room.lowerFor', { name: m.name }) },
        on: { click: () => ctx.act(cmd.lowerHand(m.id)) } })
      : el('button', { type: 'button', key: `hand-${m.id}`, text: t('queue.raiseHand'), attrs: { 'aria-label': t('room.raiseFor', { name: m.name }) },
        on: { click: () => ctx.act(cmd.raiseHand(m.id)) } }));
    const handOff = !m.inRoom && el('button', { type: 'button', key: `handoff-${m.id}`, text: t('members.handOff'), attrs: { 'aria-label': t('members.handOffOf', { name: m.name }) },
      on: { click: async () => { if (await ctx.confirm(t('members.handOffConfirm', { name: m.name }), t('members.handOffButton'))) ctx.act(cmd.handOff(m.id)); } } });
    const remove = el('button', { type: 'button', class: 'danger', key: `remove-${m.id}`, text: t('members.remove'), attrs: { 'aria-label': t('members.removeOf', { name: m.name }) },
      on: { click: async () => {
        if (await ctx.confirm(t(m.inRoom ? 'members.removeRoomConfirm' : 'members.removeConfirm', { name: m.name }), t('members.remove'))) ctx.act(cmd.removeMember(m.id));
      } } });
    return [hand, handOff, remove].filter(Boolean);
  }

  return {
    update(state, you, me) {
      const visible = !(state.fairness && state.fairness.visible === false);
      render([state.members, state.displays, me, !!(you && you.facilitator), visible]);
    },
  };
}

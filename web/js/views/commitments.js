// Commitments: this member's own (add, edit, remove, status and note) and the
// group's. The previous session's are the reflection panel (previous.js).

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, COMMITMENT_STATUSES, Limits } from '../protocol.js';
import { myCommitments, othersCommitments } from '../selectors.js';
import { t } from '../i18n.js';

/** A commitment's status in words ("Planned", "Tried", "Done"). */
export const statusLabel = (status) => t(`commitments.status.${status}`);


export function commitmentsView(root, ctx) {
  const mineBox = el('div', { class: 'my-commitments' });
  const text = el('input', { type: 'text', maxLength: Limits.TEXT, autocomplete: 'off' });
  // The facilitator types the commitments of people in the room without a device: whose is it?
  const forWhom = el('select', {});
  const forField = field(t('commitments.for'), forWhom).wrap;
  forField.hidden = true;
  const addForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('commitments.add.form') } },
    forField, field(t('commitments.add.label'), text).wrap, el('button', { type: 'submit', class: 'primary', text: t('commitments.add.button') }));
  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const said = text.value.trim();
    if (!said) return;
    if (await ctx.act(cmd.addCommitment(said, forWhom.value || undefined))) { text.value = ''; text.focus(); }
  });
  const othersBox = el('div', { class: 'others-commitments' });
  // The box to add one comes first: on a phone it stays in view however many one already has.
  root.append(addForm, el('h3', { text: t('commitments.mine') }), mineBox, othersBox);

  let editing = null;
  let last = null;

  const render = memo(([mine, others, room]) => {
    const chosen = forWhom.value;
    forWhom.replaceChildren(el('option', { value: '', text: t('commitments.forMe') }),
      ...room.map((m) => el('option', { value: m.id, text: m.name })));
    forWhom.value = room.some((m) => m.id === chosen) ? chosen : '';
    forField.hidden = !room.length;
    addForm.hidden = mine.length >= Limits.COMMITMENTS_PER_MEMBER && !room.length;
    replaceKeepingFocus(mineBox, mine.length
      ? el('ul', { class: 'commitment-list' }, mine.map((c) => editing === c.id ? editRow(c) : ownRow(c)))
      : el('p', { class: 'meta', text: t('commitments.none') }),
    mine.length >= Limits.COMMITMENTS_PER_MEMBER ? el('p', { class: 'meta', text: t('commitments.atMost', { count: Limits.COMMITMENTS_PER_MEMBER }) }) : null);

    replaceKeepingFocus(othersBox, others.length ? [
      el('h3', { text: t('commitments.group') }),
      // The facilitator keeps the commitments of people in the room up to date for them.
      el('ul', { class: 'commitment-list' }, others.map((c) => (!room.some((m) => m.id === c.memberId) ? readOnlyRow(c)
        : editing === c.id ? editRow(c) : ownRow(c, c.name)))),
    ] : []);
  });

  /** A commitment one may change: one's own, or (`who` set) a room member's, for the facilitator. */
  function ownRow(c, who) {
    const status = el('select', { key: `status-${c.id}` },
      COMMITMENT_STATUSES.map((s) => el('option', { value: s, text: statusLabel(s), selected: s === c.status })));
    const note = el('input', { type: 'text', value: c.note || '', maxLength: Limits.TEXT, key: `note-${c.id}` });
    const statusForm = el('form', { class: 'inline-form small', attrs: { 'aria-label': t('commitments.progressOn', { text: c.text }) } },
      field(t('commitments.status'), status).wrap, field(t('commitments.note'), note).wrap, el('button', { type: 'submit', text: t('commitments.saveProgress'), key: `save-${c.id}` }));
    statusForm.addEventListener('submit', (e) => {
      e.preventDefault();
      ctx.act(cmd.setCommitmentStatus(c.id, status.value, note.value.trim()));
    });
    return el('li', { class: 'commitment' },
      who ? el('span', { class: 'who', text: `${who}: ` }) : null,
      el('span', { class: 'commitment-text', text: c.text }),
      el('span', { class: 'tag', text: statusLabel(c.status) }),
      statusForm,
      el('div', { class: 'row-actions' },
        el('button', { type: 'button', key: `edit-${c.id}`, text: t('commitments.edit'), attrs: { 'aria-label': t('commitments.editOf', { text: c.text }) },
          on: { click: () => { editing = c.id; rerender(); focusKey(`text-${c.id}`); } } }),
        el('button', { type: 'button', class: 'danger', key: `remove-${c.id}`, text: t('commitments.remove'), attrs: { 'aria-label': t('commitments.removeOf', { text: c.text }) },
          on: { click: async () => { if (await ctx.confirm(who ? t('commitments.removeConfirmFor', { text: c.text, name: who }) : t('commitments.removeConfirm', { text: c.text }), t('commitments.remove'))) ctx.act(cmd.removeCommitment(c.id)); } } })));
  }

  function editRow(c) {
    const input = el('input', { type: 'text', value: c.text, maxLength: Limits.TEXT, key: `text-${c.id}` });
    const form = el('form', { class: 'inline-form' }, field(t('commitments.editLabel'), input).wrap,
      el('button', { type: 'submit', text: t('common.save') }),
      el('button', { type: 'button', text: t('common.cancel'), on: { click: () => { editing = null; rerender(); focusKey(`edit-${c.id}`); } } }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (await ctx.act(cmd.editCommitment(c.id, input.value.trim()))) { editing = null; rerender(); focusKey(`edit-${c.id}`); }
    });
    return el('li', { class: 'commitment editing' }, form);
  }

  function readOnlyRow(c) {
    return el('li', { class: 'commitment' },
      el('span', { class: 'who', text: `${c.name}: ` }),
      el('span', { class: 'commitment-text', text: c.text }),
      el('span', { class: 'tag', text: statusLabel(c.status) }),
      c.note ? el('span', { class: 'note', text: ` — ${c.note}` }) : null);
  }

  function focusKey(key) {
    const n = [...root.querySelectorAll('[data-key]')].find((x) => x.dataset.key === key);
    if (n) n.focus();
  }

  function rerender() { if (last) render([...last, editing]); }

  return {
    update(state, you, me) {
      const room = you && you.facilitator
        ? state.members.filter((m) => m.inRoom).map((m) => ({ id: m.id, name: m.name }))
        : [];
      last = [myCommitments(state, me), othersCommitments(state, me), room];
      render([...last, editing]);
    },
  };
}

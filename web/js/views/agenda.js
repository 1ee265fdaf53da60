// Agenda: every item with its status and prompt; for the facilitator this is
// the "prepare" view: start (jump to) / add / edit / move / remove. Moving on
// in order is the run bar's Next item.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, ITEM_KINDS, ItemKind, ItemStatus, Limits } from '../protocol.js';
import { formatMinSec } from '../format.js';
import { t } from '../i18n.js';

export function kindLabel(kind) { return t(`stage.kind.${kind}`); }

function kindSelect(selected) {
  return el('select', {}, ITEM_KINDS.map((k) => el('option', { value: k, text: kindLabel(k), selected: k === selected })));
}

export function agendaView(root, ctx) {
  /** id of the item being edited, kept across re-renders */
  let editing = null;
  let lastArgs = null;

  const list = el('ol', { class: 'agenda-list' });
  const controls = el('div', { class: 'controls' });
  const addTitle = el('input', { type: 'text', maxLength: Limits.TEXT, required: true, autocomplete: 'off' });
  const addMinutes = el('input', { type: 'number', min: 1, max: 600, value: '10', required: true, inputMode: 'numeric' });
  const addKind = kindSelect(ItemKind.DISCUSSION);
  const addPrompt = el('input', { type: 'text', maxLength: Limits.TEXT, autocomplete: 'off' });
  const addForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('agenda.add.form') } },
    field(t('agenda.add.title'), addTitle).wrap, field(t('agenda.minutes'), addMinutes).wrap, field(t('agenda.kind'), addKind).wrap,
    field(t('agenda.add.prompt'), addPrompt).wrap,
    el('button', { type: 'submit', text: t('agenda.add.button') }));
  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const title = addTitle.value.trim();
    if (!title) return;
    if (await ctx.act(cmd.addAgendaItem(title, Number(addMinutes.value), addKind.value, undefined, addPrompt.value.trim()))) {
      addTitle.value = '';
      addPrompt.value = '';
      addTitle.focus();
    }
  });
  const facilitatorBox = el('div', { class: 'facilitator-only', hidden: true }, addForm);
  root.append(list, facilitatorBox, controls);

  const render = memo(([agenda, facilitator]) => {
    facilitatorBox.hidden = !facilitator;
    const items = agenda.items;
    if (!items.length) {
      replaceKeepingFocus(list, el('li', { class: 'empty', text: t('agenda.none') }));
      return;
    }
    replaceKeepingFocus(list, items.map((item, i) => itemRow(item, i, items.length, facilitator)));
  });

  function itemRow(item, index, count, facilitator) {
    const current = item.status === ItemStatus.ACTIVE;
    if (facilitator && editing === item.id) return editRow(item);
    const meta = [t('agenda.minutesShort', { minutes: item.minutes }), kindLabel(item.kind)];
    if (item.status === ItemStatus.DONE && item.spentMs) meta.push(t('agenda.took', { time: formatMinSec(Math.round(item.spentMs / 1000)) }));
    const li = el('li', { class: ['agenda-item', `status-${item.status}`], attrs: { 'aria-current': current ? 'step' : null } },
      el('span', { class: 'badge', text: t(`agenda.status.${item.status}`) }),
      el('span', { class: 'item-title', text: item.title }),
      item.prompt ? el('span', { class: 'item-prompt', text: item.prompt }) : null,
      el('span', { class: 'meta', text: meta.join(' · ') }));
    if (facilitator) {
      const label = item.title;
      li.append(el('div', { class: 'row-actions' },
        item.status !== ItemStatus.ACTIVE && el('button', { type: 'button', key: `start-${item.id}`, text: t('agenda.start'),
          attrs: { 'aria-label': t('agenda.startItem', { title: label }) }, on: { click: () => ctx.act(cmd.startAgendaItem(item.id)) } }),
        el('button', { type: 'button', key: `edit-${item.id}`, text: t('agenda.edit'), attrs: { 'aria-label': t('agenda.editItem', { title: label }) },
          on: { click: () => { editing = item.id; rerender(); focusKey(`title-${item.id}`); } } }),
        el('button', { type: 'button', key: `up-${item.id}`, text: '↑', disabled: index === 0, attrs: { 'aria-label': t('agenda.moveUp', { title: label }) },
          on: { click: () => ctx.act(cmd.moveAgendaItem(item.id, index - 1)) } }),
        el('button', { type: 'button', key: `down-${item.id}`, text: '↓', disabled: index === count - 1, attrs: { 'aria-label': t('agenda.moveDown', { title: label }) },
          on: { click: () => ctx.act(cmd.moveAgendaItem(item.id, index + 1)) } }),
        el('button', { type: 'button', key: `remove-${item.id}`, class: 'danger', text: t('agenda.remove'), attrs: { 'aria-label': t('agenda.removeItem', { title: label }) },
          on: { click: async () => { if (await ctx.confirm(t('agenda.removeConfirm', { title: label }), t('agenda.remove'))) ctx.act(cmd.removeAgendaItem(item.id)); } } })));
    }
    return li;
  }

  function editRow(item) {
    const title = el('input', { type: 'text', value: item.title, maxLength: Limits.TEXT, required: true, key: `title-${item.id}` });
    const minutes = el('input', { type: 'number', min: 1, max: 600, value: String(item.minutes), required: true });
    const kind = kindSelect(item.kind);
    const prompt = el('input', { type: 'text', value: item.prompt || '', maxLength: Limits.TEXT });
    const form = el('form', { class: 'inline-form', attrs: { 'aria-label': t('agenda.editItem', { title: item.title }) } },
      field(t('agenda.title'), title).wrap, field(t('agenda.minutes'), minutes).wrap, field(t('agenda.kind'), kind).wrap,
      field(t('agenda.prompt'), prompt).wrap,
      el('button', { type: 'submit', text: t('common.save') }),
      el('button', { type: 'button', text: t('common.cancel'), on: { click: () => { editing = null; rerender(); focusKey(`edit-${item.id}`); } } }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const fields = { title: title.value.trim(), minutes: Number(minutes.value), kind: kind.value };
      // A v1 server has no prompts: only send one when the item has one or the facilitator typed one.
      if (prompt.value.trim() !== (item.prompt || '')) fields.prompt = prompt.value.trim();
      if (await ctx.act(cmd.updateAgendaItem(item.id, fields))) {
        editing = null;
        rerender();
        focusKey(`edit-${item.id}`);
      }
    });
    return el('li', { class: 'agenda-item editing' }, form);
  }

  function focusKey(key) {
    const n = [...root.querySelectorAll('[data-key]')].find((x) => x.dataset.key === key);
    if (n) n.focus();
  }

  function rerender() {
    if (!lastArgs) return;
    const [agenda, facilitator] = lastArgs;
    render([agenda, facilitator, editing]);
  }

  return {
    update(state, you) {
      const facilitator = !!(you && you.facilitator);
      lastArgs = [state.agenda, facilitator];
      render([state.agenda, facilitator, editing]);
    },
  };
}

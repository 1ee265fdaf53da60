// Last session's commitments in a follow-up: the group's space between the meetings and the
// reflection round's record. Each member sees their own first (in a round: the speaker first),
// reports tried/done and keeps a practice log on them — short dated notes, private unless they
// share them; the group's shared notes sit under each commitment. On the projector, read from the
// back of the room: the speaker's notes only, no controls.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { currentLanguage, t } from '../i18n.js';
import { cmd, COMMITMENT_STATUSES, Limits } from '../protocol.js';
import { previousByOwner, StageKind, stageOf } from '../stage-model.js';
import { beforeItStarts, checkIn, myPreviousIds, ownLog } from '../practice.js';
import { meetingTime } from '../keepsake.js';
import { statusLabel } from './commitments.js';

export function previousView(root, ctx) {
  const heading = el('p', { class: 'previous-title' });
  const when = el('p', { class: 'previous-when meta' });
  const nudge = el('div', { class: 'check-in', attrs: { role: 'status' } });
  // The round's prompt asks what happened; this panel shows what was promised and what was noted.
  const list = el('ul', { class: 'owner-list' });
  root.append(heading, when, nudge, list);

  let editing = null;
  let last = null;
  let lastState = null;

  const render = memo(([title, owners, me, mine, you, facilitator, inRound]) => {
    heading.textContent = t('previous.heading', { title });
    const ordered = inRound ? owners : [...owners].sort((a, b) => ownsAny(b, mine) - ownsAny(a, mine));
    replaceKeepingFocus(list, ordered.length ? ordered.map((o) => ownerItem(o, me, mine, you, facilitator, inRound))
      : el('li', { class: 'empty', text: t('previous.none') }));
  });

  const renderWhen = memo(([at]) => {
    when.hidden = at == null;
    when.textContent = at == null ? '' : t('previous.meetAgain', { when: meetingTime(at) });
  });

  const renderNudge = memo(([due, at]) => {
    nudge.hidden = !due;
    replaceKeepingFocus(nudge, due ? [
      el('p', { class: 'check-in-title', text: t('practice.checkIn') }),
      el('p', { class: 'meta', text: t('practice.checkInText', { when: meetingTime(at) }) }),
      el('button', { type: 'button', key: 'check-in-write', text: t('practice.checkInWrite'), on: { click: () => {
        const box = root.querySelector('.practice-add textarea');
        if (box) box.focus();
      } } }),
    ] : []);
  });

  function ownsAny(owner, mine) {
    return owner.commitments.some((c) => mine.includes(c.id)) ? 1 : 0;
  }

  function ownerItem(owner, me, mine, you, facilitator, inRound) {
    const yours = ownsAny(owner, mine) === 1;
    const tags = [];
    if (owner.speaking) tags.push(t('previous.speaking'));
    if (yours) tags.push(t('previous.yours'));
    if (!owner.present) tags.push(t('previous.notHere'));
    // On the projector, only the one telling their story has their notes up.
    const notesShown = !ctx.display || owner.speaking || !inRound;
    return el('li', { class: ['owner', owner.speaking && 'speaking', yours && 'mine'] },
      el('p', { class: 'owner-name' }, el('span', { text: owner.name }),
        tags.length ? el('span', { class: 'tag', text: tags.join(' · ') }) : null),
      el('ul', { class: 'commitment-list' }, owner.commitments.map((c) => {
        const own = !ctx.display && mine.includes(c.id);
        return el('li', { class: 'commitment', attrs: { 'data-commitment': c.id } },
          el('span', { class: 'commitment-text', text: c.text }),
          el('span', { class: ['tag', `status-${c.status}`], text: statusLabel(c.status) }),
          c.note ? el('span', { class: 'note', text: ` — ${c.note}` }) : null,
          !ctx.display && (own || facilitator) ? statusForm(c, owner.name, own) : null,
          own ? practiceLog(c, you) : notesShown ? sharedNotes(c) : null);
      })));
  }

  /** Tried/done with a note: the owner's, or the facilitator's for anyone (who told it in the round). */
  function statusForm(c, name, own) {
    const status = el('select', { key: `pstatus-${c.id}` },
      COMMITMENT_STATUSES.map((s) => el('option', { value: s, text: statusLabel(s), selected: s === c.status })));
    const note = el('input', { type: 'text', value: c.note || '', maxLength: Limits.TEXT, key: `pnote-${c.id}` });
    const form = el('form', { class: 'inline-form small', attrs: { 'aria-label': own
      ? t('commitments.progressOn', { text: c.text }) : t('practice.progressFor', { text: c.text, name }) } },
    field(t('commitments.status'), status).wrap, field(t('commitments.note'), note).wrap,
    el('button', { type: 'submit', text: t('commitments.saveProgress'), key: `psave-${c.id}` }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      ctx.act(cmd.setCommitmentStatus(c.id, status.value, note.value.trim()));
    });
    return form;
  }

  /** The group's view of a commitment's log: its shared notes, dated. */
  function sharedNotes(c) {
    const notes = c.notes || [];
    if (!notes.length) return null;
    return el('ul', { class: 'practice-notes', attrs: { 'aria-label': t('practice.sharedOf', { text: c.text }) } },
      notes.map((n) => el('li', { class: 'practice-note' },
        el('span', { class: 'note-date', text: noteDate(n.at) }), el('span', { class: 'note-text', text: n.text }))));
  }

  /** The author's own log: every note with whether it is shared, to edit or delete; and a new one. */
  function practiceLog(c, you) {
    const log = ownLog(c, you);
    const text = el('textarea', { rows: 2, maxLength: Limits.PRACTICE_NOTE, key: `padd-${c.id}` });
    const share = el('input', { type: 'checkbox', key: `pshare-${c.id}` });
    const add = el('form', { class: 'practice-add', attrs: { 'aria-label': t('practice.addTo', { text: c.text }) } },
      field(t('practice.newNote'), text, t('practice.privateHint')).wrap,
      el('label', { class: 'check' }, share, el('span', { text: t('practice.share') })),
      el('button', { type: 'submit', text: t('practice.add'), key: `padd-go-${c.id}` }));
    add.addEventListener('submit', async (e) => {
      e.preventDefault();
      const words = text.value.trim();
      if (!words) { text.focus(); return; }
      if (await ctx.act(cmd.addPracticeNote(c.id, words, share.checked))) {
        text.value = '';
        share.checked = false;
      }
    });
    return el('div', { class: 'practice-log' },
      el('p', { class: 'practice-h', text: t('practice.heading') }),
      log.length ? el('ul', { class: 'practice-notes' }, log.map((n) => editing === n.id ? editRow(n) : noteRow(n)))
        : el('p', { class: 'meta', text: t('practice.empty') }),
      log.length >= Limits.PRACTICE_NOTES_PER_COMMITMENT ? el('p', { class: 'meta', text: t('practice.full') }) : add);
  }

  function noteRow(n) {
    return el('li', { class: ['practice-note', n.shared ? 'shared' : 'private'] },
      el('span', { class: 'note-date', text: noteDate(n.at) }),
      el('span', { class: 'note-text', text: n.text }),
      el('span', { class: 'tag', text: t(n.shared ? 'practice.sharedTag' : 'practice.privateTag') }),
      el('div', { class: 'row-actions' },
        el('button', { type: 'button', key: `ptoggle-${n.id}`, text: t(n.shared ? 'practice.unshare' : 'practice.shareNow'),
          on: { click: () => ctx.act(cmd.editPracticeNote(n.id, { shared: !n.shared })) } }),
        el('button', { type: 'button', key: `pedit-${n.id}`, text: t('practice.edit'),
          on: { click: () => { editing = n.id; rerender(); focusKey(`ptext-${n.id}`); } } }),
        el('button', { type: 'button', class: 'danger', key: `premove-${n.id}`, text: t('practice.remove'),
          on: { click: async () => {
            if (await ctx.confirm(t('practice.removeConfirm'), t('practice.remove'))) ctx.act(cmd.removePracticeNote(n.id));
          } } })));
  }

  function editRow(n) {
    const input = el('textarea', { rows: 3, value: n.text, maxLength: Limits.PRACTICE_NOTE, key: `ptext-${n.id}` });
    const form = el('form', { class: 'inline-form' }, field(t('practice.editLabel'), input).wrap,
      el('button', { type: 'submit', text: t('common.save') }),
      el('button', { type: 'button', text: t('common.cancel'), on: { click: () => { editing = null; rerender(); focusKey(`pedit-${n.id}`); } } }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const words = input.value.trim();
      if (!words) { input.focus(); return; }
      if (await ctx.act(cmd.editPracticeNote(n.id, { text: words }))) { editing = null; rerender(); focusKey(`pedit-${n.id}`); }
    });
    return el('li', { class: 'practice-note editing' }, form);
  }

  function focusKey(key) {
    const n = [...root.querySelectorAll('[data-key]')].find((x) => x.dataset.key === key);
    if (n) n.focus();
  }

  function rerender() { if (last) render([...last, editing]); }

  function nudgeAt(now) {
    const due = lastState && !ctx.display && checkIn(lastState, now);
    const mine = lastState && last && last[3].length > 0;
    renderNudge([!!(due && mine), due ? due.at : null]);
  }

  return {
    update(state, you, me) {
      const previous = state.previous;
      root.closest('[data-panel]')?.toggleAttribute('data-empty', !previous);
      const stage = stageOf(state);
      const inRound = stage.kind === StageKind.REFLECTION;
      lastState = state;
      last = [previous ? previous.title : '', previousByOwner(state), me, [...myPreviousIds(you)],
        ctx.display ? null : (you && { myPracticeNotes: you.myPracticeNotes || [] }),
        !!(you && you.facilitator), inRound];
      render([...last, editing]);
      renderWhen([state.scheduled && beforeItStarts(state) ? state.scheduled.at : null]);
      if (ctx.serverNow) nudgeAt(ctx.serverNow());
    },
    tick(now) { nudgeAt(now); },
  };
}

/** A note's day, in the reader's language. */
function noteDate(at) {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' }).format(new Date(at));
}

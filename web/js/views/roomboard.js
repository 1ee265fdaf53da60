// The facilitator's hands on the board for someone in the room without a device
// (v1.2): their ideas and their dots, entered as from a paper note. The page says
// plainly that the facilitator then knows that idea, and nobody else does.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { BoardPhase, cmd, Limits } from '../protocol.js';
import { t } from '../i18n.js';

export function roomBoardView(root, ctx) {
  const who = el('select', { key: 'room-who' });
  const notice = el('p', { class: 'hint room-notice' });
  const text = el('textarea', { rows: 2, maxLength: Limits.TEXT });
  const postButton = el('button', { type: 'submit' });
  const postForm = el('form', { class: 'stack-form', attrs: { 'aria-label': t('board.room.form') } },
    field(t('board.room.ideaLabel'), text).wrap, postButton);
  const entries = el('div', { class: 'room-entries' });
  root.append(el('h3', { text: t('board.room.heading') }), field(t('board.room.who'), who).wrap, notice, postForm, entries);

  let last = null;
  const chosen = () => (last && last.rooms.find((r) => r.id === who.value)) || null;

  postForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = chosen();
    const idea = text.value.trim();
    if (!r || !idea) return;
    if (await ctx.act(cmd.postIdea(idea, r.id))) { text.value = ''; text.focus(); }
  });
  who.addEventListener('change', () => { if (last) draw(); });

  const options = memo(([rooms]) => {
    const keep = who.value;
    who.replaceChildren(...rooms.map((r) => el('option', { value: r.id, text: r.name })));
    if (rooms.some((r) => r.id === keep)) who.value = keep;
  });

  const list = memo(([phase, room, ideas]) => {
    const name = room ? room.name : '';
    notice.textContent = t('board.room.notice', { name });
    postButton.textContent = t('board.room.post', { name });
    postForm.hidden = phase !== BoardPhase.WRITING;
    if (!room) { replaceKeepingFocus(entries); return; }
    const v = room.view;
    if (phase === BoardPhase.WRITING) {
      const mine = v.myIdeas || [];
      replaceKeepingFocus(entries, mine.length
        ? el('ul', { class: 'idea-list mine' }, mine.map((idea) => el('li', { class: 'idea' },
          el('span', { class: 'idea-text', text: idea.text }),
          el('button', { type: 'button', class: 'danger', key: `room-delete-${idea.id}`, text: t('board.delete'),
            attrs: { 'aria-label': t('board.room.delete', { name, text: idea.text }) },
            on: { click: () => ctx.act(cmd.deleteIdea(idea.id, room.id)) } }))))
        : el('p', { class: 'meta', text: t('board.room.none', { name }) }));
      return;
    }
    // Voting: the room member's dots, on every idea, with what they have left.
    const left = v.votesLeft || 0;
    replaceKeepingFocus(entries,
      el('p', { class: 'votes-left', text: t('board.room.votesLeft', { name, count: left }) }),
      el('ul', { class: 'idea-list' }, ideas.map((idea) => {
        const placed = (v.myVotes && v.myVotes[idea.id]) || 0;
        return el('li', { class: 'idea' }, el('span', { class: 'idea-text', text: idea.text }),
          el('div', { class: 'vote-controls' },
            el('span', { class: 'my-votes', text: t('board.room.dots', { name, count: placed }) }),
            el('button', { type: 'button', key: `room-vote-${idea.id}`, text: t('board.vote'), disabled: left <= 0,
              attrs: { 'aria-label': t('board.room.voteFor', { name, text: idea.text }) },
              on: { click: () => ctx.act(cmd.vote(idea.id, room.id)) } }),
            el('button', { type: 'button', key: `room-unvote-${idea.id}`, text: t('board.unvote'), disabled: placed <= 0,
              attrs: { 'aria-label': t('board.room.unvoteFrom', { name, text: idea.text }) },
              on: { click: () => ctx.act(cmd.unvote(idea.id, room.id)) } })));
      })));
  });

  function draw() {
    const { board, rooms } = last;
    list([board.phase, chosen(), board.phase === BoardPhase.VOTING ? board.ideas.map((i) => ({ id: i.id, text: i.text })) : []]);
  }

  return {
    /** `rooms`: the room members with the facilitator's view of their board (selectors.roomBoards). */
    update(board, rooms, facilitator) {
      const open = board.phase === BoardPhase.WRITING || board.phase === BoardPhase.VOTING;
      root.hidden = !(facilitator && open && rooms.length);
      last = { board, rooms };
      if (root.hidden) return;
      options([rooms.map((r) => ({ id: r.id, name: r.name }))]);
      draw();
    },
  };
}

// Idea board by phase: write privately (own ideas only), see the revealed
// ideas, vote with dots, see results. Authors are never shown: the state has none.
// v1.2: the facilitator puts duplicates in a group (an existing one from a list, or a
// new one); results rank groups by their summed votes with their ideas inside; "5 of 7
// voted" while voting and after.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { BoardPhase, cmd, Limits } from '../protocol.js';
import { groupLabels, ideasByGroup, myVotesOn, resultsRanking, roomBoards, votedCount } from '../selectors.js';
import { roomBoardView } from './roomboard.js';
import { barSteps } from '../stage-model.js';
import { t } from '../i18n.js';


export function boardView(root, ctx) {
  const prompt = el('p', { class: 'board-prompt' });
  const phaseLine = el('p', { class: 'board-phase' });
  const body = el('div', { class: 'board-body' });

  const ideaText = el('textarea', { rows: 3, maxLength: Limits.TEXT });
  const postForm = el('form', { class: 'stack-form', attrs: { 'aria-label': t('board.post.form') } },
    field(t('board.post.label'), ideaText, t('board.post.hint')).wrap,
    el('button', { type: 'submit', class: 'primary', text: t('board.post.button') }));
  postForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = ideaText.value.trim();
    if (!text) return;
    if (await ctx.act(cmd.postIdea(text))) { ideaText.value = ''; ideaText.focus(); }
  });

  const promptInput = el('input', { type: 'text', maxLength: Limits.TEXT });
  const promptForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('board.prompt.form') } },
    field(t('board.prompt.label'), promptInput).wrap, el('button', { type: 'submit', text: t('board.prompt.set') }));
  promptForm.addEventListener('submit', (e) => { e.preventDefault(); ctx.act(cmd.setBoardPrompt(promptInput.value.trim())); });
  const votesInput = el('input', { type: 'number', min: Limits.VOTES_MIN, max: Limits.VOTES_MAX, inputMode: 'numeric' });
  const votesForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('board.votes.label') } },
    field(t('board.votes.label'), votesInput).wrap, el('button', { type: 'submit', text: t('board.votes.set') }));
  votesForm.addEventListener('submit', (e) => { e.preventDefault(); ctx.act(cmd.setVotesPerMember(Number(votesInput.value))); });
  // The phase steps are in the run bar; prompt and votes are settings, folded away.
  const controls = el('details', { class: 'settings', hidden: true }, el('summary', { text: t('board.settings') }), promptForm, votesForm);

  // While writing, the count, the idea box and one's own ideas stay the same elements: another
  // member's idea only changes the count's text, and the box is never taken out from under the
  // typist. When writing ends the whole writing area is replaced, so nothing around it moves.
  const writingCount = el('p', { class: 'idea-count' });
  const writingMine = el('div', { class: 'my-ideas' });
  const writingArea = el('div', { class: 'writing' }, writingCount, ctx.display ? null : postForm, writingMine);
  // Not a live region of its own: the page's one announcer speaks for the board.
  const votedLine = el('p', { class: 'voted-count' });
  const roomArea = el('div', { class: 'room-board', hidden: true });
  const room = ctx.display ? null : roomBoardView(roomArea, ctx);
  root.append(prompt, phaseLine, votedLine, body);
  if (!ctx.display) root.append(roomArea, controls);

  /** id of the own idea being edited */
  let editing = null;
  /** id of the idea whose group the facilitator is naming anew */
  let naming = null;
  let last = null;

  const render = memo(([board, you, facilitator, voted]) => {
    const counting = board.phase === BoardPhase.VOTING || board.phase === BoardPhase.RESULTS;
    votedLine.hidden = !counting;
    votedLine.textContent = counting ? t('board.voted', { count: voted.voted, of: voted.of }) : '';
    prompt.textContent = board.prompt || (ctx.display ? '' : t('board.noPrompt'));
    prompt.hidden = !board.prompt && ctx.display;
    phaseLine.textContent = t('board.phaseLine', { phase: t(`board.phase.${board.phase}`) });
    root.dataset.phase = board.phase;

    if (!ctx.display) {
      controls.hidden = !facilitator;
      if (document.activeElement !== promptInput) promptInput.value = board.prompt;
      if (document.activeElement !== votesInput) votesInput.value = String(board.votesPerMember);
    }

    if (board.phase === BoardPhase.WRITING) {
      writingCount.textContent = countText(board.ideaCount);
      if (!ctx.display) replaceKeepingFocus(writingMine, myIdeas(you));
      if (body.childNodes.length !== 1 || body.firstChild !== writingArea) body.replaceChildren(writingArea);
    } else {
      replaceKeepingFocus(body, ...phaseBody(board, you, facilitator));
    }
  });

  function countText(n) { return t('display.ideaCount', { count: n }); }

  function phaseBody(board, you, facilitator) {
    const count = el('p', { class: 'idea-count', text: countText(board.ideaCount) });
    switch (board.phase) {
      case BoardPhase.CLOSED:
        return [el('p', { class: 'meta', text: t('board.closed') })];
      case BoardPhase.REVEALED: {
        const labels = groupLabels(board.ideas);
        return [count, grouped(board.ideas, (idea) => ideaItem(idea, null, facilitator, labels))];
      }
      case BoardPhase.VOTING: {
        if (ctx.display) return [count, grouped(board.ideas, (idea) => ideaItem(idea, null, false))];
        const left = you ? you.votesLeft : 0;
        const labels = groupLabels(board.ideas);
        return [el('p', { class: 'votes-left', text: t('board.votesLeft', { count: left, of: board.votesPerMember }) }),
          grouped(board.ideas, (idea) => ideaItem(idea, voteControls(idea, you, left), facilitator, labels))];
      }
      case BoardPhase.RESULTS: {
        const ranked = resultsRanking(board);
        const most = ranked.length ? ranked[0].votes : 0;
        const labels = groupLabels(board.ideas);
        return [el('ol', { class: 'idea-list results' }, ranked.map((entry) => (entry.label === null
          ? ideaItem(entry.ideas[0], resultBar(entry.votes, most), facilitator, labels)
          : groupResult(entry, most, facilitator, labels))))];
      }
      default:
        return [];
    }
  }

  function grouped(ideas, render) {
    if (!ideas.length) return el('p', { class: 'meta', text: t('board.noIdeas') });
    const groups = ideasByGroup(ideas);
    if (groups.length === 1 && groups[0].group === null) return el('ul', { class: 'idea-list' }, ideas.map(render));
    return el('div', { class: 'groups' }, groups.map((g) => el('section', { class: 'idea-group' },
      el('h3', { text: g.group === null ? t('board.notGrouped') : g.group }),
      el('ul', { class: 'idea-list' }, g.ideas.map(render)))));
  }

  function ideaItem(idea, extra, facilitator, labels, inGroup = false) {
    const li = el('li', { class: 'idea' }, el('span', { class: 'idea-text', text: idea.text }));
    if (idea.group && !ctx.display && !facilitator && !inGroup) li.append(el('span', { class: 'tag', text: t('board.group.tag', { group: idea.group }) }));
    if (extra) li.append(extra);
    if (facilitator && !ctx.display) li.append(groupControl(idea, labels || []));
    return li;
  }

  /**
   * The facilitator's choice of group for one idea: no group, a group the board has, or a new one
   * named in the box that opens. A list rather than free text, so "1:1s" and "1-1s" don't split a
   * group by a typo; a form with a button, so arrowing through the list sends nothing.
   */
  function groupControl(idea, labels) {
    const NEW = '\u0000new';
    const anew = naming === idea.id;
    const select = el('select', { key: `group-${idea.id}` },
      el('option', { value: '', text: t('board.group.none'), selected: !anew && !idea.group }),
      labels.map((l) => el('option', { value: l, text: l, selected: !anew && idea.group === l })),
      el('option', { value: NEW, text: t('board.group.new'), selected: anew }));
    const name = el('input', { type: 'text', maxLength: Limits.GROUP, autocomplete: 'off', key: `groupname-${idea.id}` });
    const nameField = field(t('board.group.newName'), name).wrap;
    nameField.hidden = !anew;
    select.addEventListener('change', () => {
      naming = select.value === NEW ? idea.id : (naming === idea.id ? null : naming);
      nameField.hidden = select.value !== NEW;
      if (!nameField.hidden) name.focus();
    });
    const form = el('form', { class: 'inline-form small group-form', attrs: { 'aria-label': t('board.group.form', { text: idea.text }) } },
      field(t('board.group.label'), select).wrap, nameField,
      el('button', { type: 'submit', text: t('board.group.set'), key: `groupbtn-${idea.id}` }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const group = select.value === NEW ? name.value.trim() : select.value;
      if (select.value === NEW && !group) { name.focus(); return; }
      if (await ctx.act(cmd.groupIdea(idea.id, group))) { naming = null; rerender(); focusKey(`group-${idea.id}`); }
    });
    return form;
  }

  /** A group in the results: its label and summed votes, its ideas inside with their own. */
  function groupResult(entry, most, facilitator, labels) {
    return el('li', { class: 'idea-group result-group' },
      el('h3', { class: 'group-heading' }, el('span', { class: 'group-label', text: entry.label }), resultBar(entry.votes, most)),
      el('ul', { class: 'idea-list group-ideas' }, entry.ideas.map((idea) => ideaItem(idea,
        el('span', { class: 'votes', text: t('display.votes', { count: idea.votes || 0 }) }), facilitator, labels, true))));
  }

  /** The count in words, and a bar (hidden from screen readers: the words say it) as long as its share of the top entry's votes. */
  function resultBar(votes, most) {
    return el('span', { class: 'result' },
      el('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, el('span', { class: ['bar', `bar-${barSteps(votes, most)}`] })),
      el('span', { class: 'votes', text: t('display.votes', { count: votes }) }));
  }

  function voteControls(idea, you, left) {
    const mine = myVotesOn(you, idea.id);
    return el('div', { class: 'vote-controls' },
      el('span', { class: 'my-votes', text: t('board.myVotes', { count: mine }) }),
      el('button', { type: 'button', key: `vote-${idea.id}`, text: t('board.vote'), disabled: left <= 0,
        attrs: { 'aria-label': t('board.voteFor', { text: idea.text }) }, on: { click: () => ctx.act(cmd.vote(idea.id)) } }),
      el('button', { type: 'button', key: `unvote-${idea.id}`, text: t('board.unvote'), disabled: mine <= 0,
        attrs: { 'aria-label': t('board.unvoteFrom', { text: idea.text }) }, on: { click: () => ctx.act(cmd.unvote(idea.id)) } }));
  }

  function myIdeas(you) {
    const ideas = (you && you.myIdeas) || [];
    if (!ideas.length) return el('p', { class: 'meta', text: t('board.mine.none') });
    return el('div', {}, el('h3', { text: t('board.mine.heading') }),
      el('ul', { class: 'idea-list mine' }, ideas.map((idea) => editing === idea.id ? editIdea(idea) : el('li', { class: 'idea' },
        el('span', { class: 'idea-text', text: idea.text }),
        el('div', { class: 'row-actions' },
          el('button', { type: 'button', key: `edit-${idea.id}`, text: t('board.edit'), attrs: { 'aria-label': t('board.editYour', { text: idea.text }) },
            on: { click: () => { editing = idea.id; rerender(); focusKey(`text-${idea.id}`); } } }),
          el('button', { type: 'button', class: 'danger', key: `delete-${idea.id}`, text: t('board.delete'), attrs: { 'aria-label': t('board.deleteYour', { text: idea.text }) },
            on: { click: () => ctx.act(cmd.deleteIdea(idea.id)) } }))))));
  }

  function editIdea(idea) {
    const text = el('textarea', { rows: 3, maxLength: Limits.TEXT, value: idea.text, key: `text-${idea.id}` });
    const form = el('form', { class: 'stack-form' }, field(t('board.editLabel'), text).wrap,
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('common.save') }),
        el('button', { type: 'button', text: t('common.cancel'), on: { click: () => { editing = null; rerender(); focusKey(`edit-${idea.id}`); } } })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (await ctx.act(cmd.editIdea(idea.id, text.value.trim()))) { editing = null; rerender(); focusKey(`edit-${idea.id}`); }
    });
    return el('li', { class: 'idea editing' }, form);
  }

  function focusKey(key) {
    const n = [...root.querySelectorAll('[data-key]')].find((x) => x.dataset.key === key);
    if (n) n.focus();
  }

  function rerender() { if (last) render([...last, editing, naming]); }

  return {
    update(state, you) {
      last = [state.board, you ? { votesLeft: you.votesLeft, myVotes: you.myVotes, myIdeas: you.myIdeas } : null,
        !!(you && you.facilitator), votedCount(state)];
      render([...last, editing, naming]);
      if (room) room.update(state.board, roomBoards(state, you), !!(you && you.facilitator));
    },
  };
}

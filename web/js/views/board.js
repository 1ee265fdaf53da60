// Idea board by phase: write privately (own ideas only), see the revealed
// ideas, vote with dots, see results. Authors are never shown: the state has none.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { BOARD_PHASES, BoardPhase, cmd, Limits } from '../protocol.js';
import { ideasByGroup, ideasByVotes, myVotesOn } from '../selectors.js';

const PHASE_LABEL = {
  closed: 'Closed',
  writing: 'Writing — ideas stay private until revealed, and never show who wrote them',
  revealed: 'Revealed',
  voting: 'Voting',
  results: 'Results',
};
const PHASE_BUTTON = { closed: 'Close', writing: 'Writing', revealed: 'Reveal', voting: 'Voting', results: 'Results' };

export function boardView(root, ctx) {
  const prompt = el('p', { class: 'board-prompt' });
  const phaseLine = el('p', { class: 'board-phase' });
  const body = el('div', { class: 'board-body' });

  const ideaText = el('textarea', { rows: 3, maxLength: Limits.TEXT });
  const postForm = el('form', { class: 'stack-form', hidden: true, attrs: { 'aria-label': 'Post an idea' } },
    field('Your idea', ideaText, 'Nobody sees who wrote it.').wrap,
    el('button', { type: 'submit', class: 'primary', text: 'Post idea' }));
  postForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = ideaText.value.trim();
    if (!text) return;
    if (await ctx.act(cmd.postIdea(text))) { ideaText.value = ''; ideaText.focus(); }
  });

  const promptInput = el('input', { type: 'text', maxLength: Limits.TEXT });
  const promptForm = el('form', { class: 'inline-form', attrs: { 'aria-label': 'Board prompt' } },
    field('Prompt', promptInput).wrap, el('button', { type: 'submit', text: 'Set prompt' }));
  promptForm.addEventListener('submit', (e) => { e.preventDefault(); ctx.act(cmd.setBoardPrompt(promptInput.value.trim())); });
  const votesInput = el('input', { type: 'number', min: Limits.VOTES_MIN, max: Limits.VOTES_MAX, inputMode: 'numeric' });
  const votesForm = el('form', { class: 'inline-form', attrs: { 'aria-label': 'Votes per member' } },
    field('Votes per member', votesInput).wrap, el('button', { type: 'submit', text: 'Set votes' }));
  votesForm.addEventListener('submit', (e) => { e.preventDefault(); ctx.act(cmd.setVotesPerMember(Number(votesInput.value))); });
  const phaseButtons = el('div', { class: 'actions', attrs: { role: 'group', 'aria-label': 'Board phase' } });
  const controls = el('div', { class: 'facilitator-only', hidden: true }, phaseButtons, promptForm, votesForm);

  root.append(prompt, phaseLine);
  if (!ctx.display) root.append(postForm);
  root.append(body);
  if (!ctx.display) root.append(controls);

  /** id of the own idea being edited */
  let editing = null;
  let last = null;

  const render = memo(([board, you, facilitator]) => {
    prompt.textContent = board.prompt || (ctx.display ? '' : 'No prompt yet.');
    prompt.hidden = !board.prompt && ctx.display;
    phaseLine.textContent = `Phase: ${PHASE_LABEL[board.phase] || board.phase}`;
    postForm.hidden = board.phase !== BoardPhase.WRITING;
    root.dataset.phase = board.phase;

    if (!ctx.display) {
      controls.hidden = !facilitator;
      replaceKeepingFocus(phaseButtons, BOARD_PHASES.map((p) => el('button', {
        type: 'button', key: `phase-${p}`, text: PHASE_BUTTON[p],
        attrs: { 'aria-pressed': String(board.phase === p) },
        on: { click: () => ctx.act(cmd.setBoardPhase(p)) },
      })), el('button', {
        type: 'button', key: 'clear-board', text: 'New round',
        on: { click: async () => { if (await ctx.confirm('Clear the board for a new round? Revealed ideas and results stay in the session record.', 'New round')) ctx.act(cmd.clearBoard()); } },
      }));
      if (document.activeElement !== promptInput) promptInput.value = board.prompt;
      if (document.activeElement !== votesInput) votesInput.value = String(board.votesPerMember);
    }

    replaceKeepingFocus(body, ...phaseBody(board, you, facilitator));
  });

  function phaseBody(board, you, facilitator) {
    const count = el('p', { class: 'idea-count', text: `${board.ideaCount} ${board.ideaCount === 1 ? 'idea' : 'ideas'} on the board` });
    switch (board.phase) {
      case BoardPhase.CLOSED:
        return [el('p', { class: 'meta', text: 'The board is not open.' })];
      case BoardPhase.WRITING:
        return ctx.display ? [count] : [count, myIdeas(you)];
      case BoardPhase.REVEALED:
        return [count, grouped(board.ideas, (idea) => ideaItem(idea, null, facilitator))];
      case BoardPhase.VOTING: {
        if (ctx.display) return [count, grouped(board.ideas, (idea) => ideaItem(idea, null, false))];
        const left = you ? you.votesLeft : 0;
        return [el('p', { class: 'votes-left', text: `You have ${left} ${left === 1 ? 'vote' : 'votes'} left of ${board.votesPerMember}.` }),
          grouped(board.ideas, (idea) => ideaItem(idea, voteControls(idea, you, left), facilitator))];
      }
      case BoardPhase.RESULTS:
        return [el('ol', { class: 'idea-list results' }, ideasByVotes(board.ideas).map((idea) => ideaItem(idea,
          el('span', { class: 'votes', text: `${idea.votes || 0} ${idea.votes === 1 ? 'vote' : 'votes'}` }), facilitator)))];
      default:
        return [];
    }
  }

  function grouped(ideas, render) {
    if (!ideas.length) return el('p', { class: 'meta', text: 'No ideas.' });
    const groups = ideasByGroup(ideas);
    if (groups.length === 1 && groups[0].group === null) return el('ul', { class: 'idea-list' }, ideas.map(render));
    return el('div', { class: 'groups' }, groups.map((g) => el('section', { class: 'idea-group' },
      el('h3', { text: g.group === null ? 'Not grouped' : g.group }),
      el('ul', { class: 'idea-list' }, g.ideas.map(render)))));
  }

  function ideaItem(idea, extra, facilitator) {
    const li = el('li', { class: 'idea' }, el('span', { class: 'idea-text', text: idea.text }));
    if (idea.group && !ctx.display) li.append(el('span', { class: 'tag', text: `Group: ${idea.group}` }));
    if (extra) li.append(extra);
    if (facilitator && !ctx.display) {
      const input = el('input', { type: 'text', value: idea.group || '', maxLength: Limits.TEXT, key: `group-${idea.id}` });
      const form = el('form', { class: 'inline-form small' }, field('Group', input).wrap,
        el('button', { type: 'submit', text: 'Set group', key: `groupbtn-${idea.id}` }));
      form.addEventListener('submit', (e) => { e.preventDefault(); ctx.act(cmd.groupIdea(idea.id, input.value.trim())); });
      li.append(form);
    }
    return li;
  }

  function voteControls(idea, you, left) {
    const mine = myVotesOn(you, idea.id);
    return el('div', { class: 'vote-controls' },
      el('span', { class: 'my-votes', text: `Your votes: ${mine}` }),
      el('button', { type: 'button', key: `vote-${idea.id}`, text: 'Vote', disabled: left <= 0,
        attrs: { 'aria-label': `Vote for: ${idea.text}` }, on: { click: () => ctx.act(cmd.vote(idea.id)) } }),
      el('button', { type: 'button', key: `unvote-${idea.id}`, text: 'Remove vote', disabled: mine <= 0,
        attrs: { 'aria-label': `Remove vote from: ${idea.text}` }, on: { click: () => ctx.act(cmd.unvote(idea.id)) } }));
  }

  function myIdeas(you) {
    const ideas = (you && you.myIdeas) || [];
    if (!ideas.length) return el('p', { class: 'meta', text: 'You have not posted an idea yet.' });
    return el('div', {}, el('h3', { text: 'Your ideas (only you see these)' }),
      el('ul', { class: 'idea-list mine' }, ideas.map((idea) => editing === idea.id ? editIdea(idea) : el('li', { class: 'idea' },
        el('span', { class: 'idea-text', text: idea.text }),
        el('div', { class: 'row-actions' },
          el('button', { type: 'button', key: `edit-${idea.id}`, text: 'Edit', attrs: { 'aria-label': `Edit your idea: ${idea.text}` },
            on: { click: () => { editing = idea.id; rerender(); focusKey(`text-${idea.id}`); } } }),
          el('button', { type: 'button', class: 'danger', key: `delete-${idea.id}`, text: 'Delete', attrs: { 'aria-label': `Delete your idea: ${idea.text}` },
            on: { click: () => ctx.act(cmd.deleteIdea(idea.id)) } }))))));
  }

  function editIdea(idea) {
    const text = el('textarea', { rows: 3, maxLength: Limits.TEXT, value: idea.text, key: `text-${idea.id}` });
    const form = el('form', { class: 'stack-form' }, field('Edit your idea', text).wrap,
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Save' }),
        el('button', { type: 'button', text: 'Cancel', on: { click: () => { editing = null; rerender(); focusKey(`edit-${idea.id}`); } } })));
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

  function rerender() { if (last) render([...last, editing]); }

  return {
    update(state, you) {
      last = [state.board, you ? { votesLeft: you.votesLeft, myVotes: you.myVotes, myIdeas: you.myIdeas } : null, !!(you && you.facilitator)];
      render([...last, editing]);
    },
  };
}

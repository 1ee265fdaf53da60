// Idea board by phase: write privately (own ideas only), see the revealed
// ideas, vote with dots, see results. Authors are never shown: the state has none.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { BoardPhase, cmd, Limits } from '../protocol.js';
import { ideasByGroup, ideasByVotes, myVotesOn } from '../selectors.js';
import { barSteps } from '../stage.js';
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
  root.append(prompt, phaseLine, body);
  if (!ctx.display) root.append(controls);

  /** id of the own idea being edited */
  let editing = null;
  let last = null;

  const render = memo(([board, you, facilitator]) => {
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
      case BoardPhase.REVEALED:
        return [count, grouped(board.ideas, (idea) => ideaItem(idea, null, facilitator))];
      case BoardPhase.VOTING: {
        if (ctx.display) return [count, grouped(board.ideas, (idea) => ideaItem(idea, null, false))];
        const left = you ? you.votesLeft : 0;
        return [el('p', { class: 'votes-left', text: t('board.votesLeft', { count: left, of: board.votesPerMember }) }),
          grouped(board.ideas, (idea) => ideaItem(idea, voteControls(idea, you, left), facilitator))];
      }
      case BoardPhase.RESULTS: {
        const ranked = ideasByVotes(board.ideas);
        const most = ranked.length ? ranked[0].votes || 0 : 0;
        return [el('ol', { class: 'idea-list results' }, ranked.map((idea) => ideaItem(idea, resultBar(idea, most), false)))];
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

  function ideaItem(idea, extra, facilitator) {
    const li = el('li', { class: 'idea' }, el('span', { class: 'idea-text', text: idea.text }));
    if (idea.group && !ctx.display) li.append(el('span', { class: 'tag', text: t('board.group.tag', { group: idea.group }) }));
    if (extra) li.append(extra);
    if (facilitator && !ctx.display) {
      const input = el('input', { type: 'text', value: idea.group || '', maxLength: Limits.TEXT, key: `group-${idea.id}` });
      const form = el('form', { class: 'inline-form small' }, field(t('board.group.label'), input).wrap,
        el('button', { type: 'submit', text: t('board.group.set'), key: `groupbtn-${idea.id}` }));
      form.addEventListener('submit', (e) => { e.preventDefault(); ctx.act(cmd.groupIdea(idea.id, input.value.trim())); });
      li.append(form);
    }
    return li;
  }

  /** The count in words, and a bar (hidden from screen readers: the words say it) as long as its share of the top idea's votes. */
  function resultBar(idea, most) {
    const votes = idea.votes || 0;
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

  function rerender() { if (last) render([...last, editing]); }

  return {
    update(state, you) {
      last = [state.board, you ? { votesLeft: you.votesLeft, myVotes: you.myVotes, myIdeas: you.myIdeas } : null, !!(you && you.facilitator)];
      render([...last, editing]);
    },
  };
}

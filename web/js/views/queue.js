// Speaking queue: who speaks, who waits, this member's place, and the
// buttons to join or leave the queue. Speaker changes are announced.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, QueuePolicy } from '../protocol.js';
import { memberName, queuePosition } from '../selectors.js';
import { formatMinSec, ordinal, turnElapsed } from '../format.js';
import { t } from '../i18n.js';

export function queueView(root, ctx) {
  const speakerLine = el('p', { class: 'speaker' });
  const turnLine = el('p', { class: 'turn-time' });
  const mine = el('p', { class: 'my-place' });
  const buttons = el('div', { class: 'actions' });
  const waitingHeading = el('h3', { text: 'Waiting' });
  const waiting = el('ol', { class: 'waiting-list' });

  const policy = el('select', {},
    el('option', { value: QueuePolicy.EQUAL, text: 'Equal turns (fewest turns first)' }),
    el('option', { value: QueuePolicy.FIFO, text: 'First come, first served' }));
  policy.addEventListener('change', () => ctx.act(cmd.setQueuePolicy(policy.value)));
  const limit = el('input', { type: 'number', min: 0, max: 3600, step: 15, inputMode: 'numeric' });
  const limitForm = el('form', { class: 'inline-form', attrs: { 'aria-label': 'Turn limit' } },
    field('Turn limit in seconds', limit, '0 means no limit; it is a guide, nobody is cut off.').wrap,
    el('button', { type: 'submit', text: 'Set limit' }));
  limitForm.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.act(cmd.setTurnLimit(Math.max(0, Math.round(Number(limit.value) || 0))));
  });
  // Next speaker and rounds are in the run bar; these are settings, folded away.
  const controls = el('details', { class: 'settings', hidden: true },
    el('summary', { text: 'Queue settings' }), field('Queue order', policy).wrap, limitForm);

  root.append(speakerLine, turnLine);
  if (!ctx.display) root.append(mine, buttons);
  root.append(waitingHeading, waiting);
  if (!ctx.display) root.append(controls);

  let queue = null;
  let lastSpeaker;
  let lastPosition;

  const render = memo(([q, members, me, facilitator]) => {
    queue = q;
    const state = { members };
    const speakerId = q.speaker ? q.speaker.memberId : null;
    speakerLine.textContent = speakerId
      ? `Speaking: ${memberName(state, speakerId)}${speakerId === me ? ' (you)' : ''}`
      : 'Nobody is speaking.';

    const list = q.waiting;
    waitingHeading.textContent = ctx.display ? 'Next' : `Waiting (${q.waiting.length})`;
    if (!q.waiting.length) replaceKeepingFocus(waiting, el('li', { class: 'empty', text: 'Nobody is waiting.' }));
    else {
      replaceKeepingFocus(waiting, list.map((id) => {
        const m = members.find((x) => x.id === id);
        return el('li', { class: id === me ? 'me' : null },
          el('span', { text: m ? m.name : 'someone who left' }),
          id === me ? el('strong', { text: ' (you)' }) : null,
          !ctx.display && m ? el('span', { class: 'meta', text: ` · ${m.turns} ${m.turns === 1 ? 'turn' : 'turns'} so far` }) : null);
      }));
    }

    if (!ctx.display) {
      const pos = queuePosition(q, me);
      mine.textContent = !pos ? 'Your hand is down.'
        : pos.speaking ? 'You have the floor.'
          : `Your hand is up: you are ${ordinal(pos.position)} in line.${pos.position === 1 ? ` ${t('stage.youNext')}` : ''}`;
      mine.classList.toggle('is-next', !!pos && pos.position === 1);
      mine.classList.toggle('is-speaking', !!pos && pos.speaking);
      replaceKeepingFocus(buttons,
        pos && pos.speaking
          ? el('button', { type: 'button', class: 'primary', key: 'hand', text: 'Done speaking', on: { click: () => ctx.act(cmd.doneSpeaking()) } })
          : pos
            ? el('button', { type: 'button', key: 'hand', text: 'Lower hand', on: { click: () => ctx.act(cmd.lowerHand()) } })
            : el('button', { type: 'button', class: 'primary', key: 'hand', text: 'Raise hand', on: { click: () => ctx.act(cmd.raiseHand()) } }));
      controls.hidden = !facilitator;
      if (document.activeElement !== policy) policy.value = q.policy;
      if (document.activeElement !== limit) limit.value = String(q.turnLimitSec);

      if (lastPosition !== undefined) {
        const before = lastPosition;
        if (pos && !pos.speaking && pos.position === 1 && !(before && before.position === 1 && !before.speaking)) {
          ctx.announce('You are next in line.');
        }
      }
      lastPosition = pos;
    }

    if (lastSpeaker !== undefined && speakerId !== lastSpeaker) {
      if (!speakerId) ctx.announce('Nobody is speaking now.');
      else if (speakerId === me) ctx.announce('You have the floor.');
      else ctx.announce(`Now speaking: ${memberName(state, speakerId)}.`);
    }
    lastSpeaker = speakerId;
  });

  return {
    update(state, you, me) {
      const members = state.members.map((m) => ({ id: m.id, name: m.name, turns: m.turns }));
      render([state.queue, members, me, !!(you && you.facilitator)]);
      this.tick(ctx.serverNow());
    },

    tick(serverNow) {
      const t = turnElapsed(queue, serverNow);
      let text = '';
      if (t) {
        const elapsed = formatMinSec(Math.floor(t.elapsedMs / 1000));
        if (!t.limitMs) text = `Turn time ${elapsed}`;
        else if (t.over) text = `Turn time ${elapsed} — over the ${formatMinSec(t.limitMs / 1000)} limit`;
        else text = `Turn time ${elapsed} of ${formatMinSec(t.limitMs / 1000)}`;
      }
      if (turnLine.textContent !== text) turnLine.textContent = text;
      turnLine.classList.toggle('over', !!(t && t.over));
    },
  };
}

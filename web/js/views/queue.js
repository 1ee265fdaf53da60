// Speaking queue: who speaks, who waits, this member's place, and the
// buttons to join or leave the queue. Speaker changes are announced.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, QueuePolicy } from '../protocol.js';
import { memberName, queuePosition } from '../selectors.js';
import { formatMinSec, ordinal, turnElapsed } from '../format.js';
import { t } from '../i18n.js';

export function queueView(root, ctx) {
  const speakerLine = el('p', { class: 'speaker' });
  // Moderation (facilitator): end whoever's turn; the queue's order picks who is next.
  const endTurn = el('button', { type: 'button', class: 'moderate', hidden: true, text: t('queue.endTurn'),
    on: { click: () => { if (shownSpeaker) ctx.act(cmd.endTurn(shownSpeaker)); } } });
  const turnLine = el('p', { class: 'turn-time' });
  const mine = el('p', { class: 'my-place' });
  const buttons = el('div', { class: 'actions' });
  const waitingHeading = el('h3');
  const waiting = el('ol', { class: 'waiting-list' });

  const policy = el('select', {},
    el('option', { value: QueuePolicy.EQUAL, text: t('queue.policy.equal') }),
    el('option', { value: QueuePolicy.FIFO, text: t('queue.policy.fifo') }));
  policy.addEventListener('change', () => ctx.act(cmd.setQueuePolicy(policy.value)));
  const limit = el('input', { type: 'number', min: 0, max: 3600, step: 15, inputMode: 'numeric' });
  const limitForm = el('form', { class: 'inline-form', attrs: { 'aria-label': t('queue.limit.form') } },
    field(t('queue.limit.label'), limit, t('queue.limit.hint')).wrap,
    el('button', { type: 'submit', text: t('queue.limit.set') }));
  limitForm.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.act(cmd.setTurnLimit(Math.max(0, Math.round(Number(limit.value) || 0))));
  });
  // Next speaker and rounds are in the run bar; these are settings, folded away.
  const controls = el('details', { class: 'settings', hidden: true },
    el('summary', { text: t('queue.settings') }), field(t('queue.policy.label'), policy).wrap, limitForm);

  root.append(speakerLine);
  if (!ctx.display) root.append(endTurn);
  root.append(turnLine);
  if (!ctx.display) root.append(mine, buttons);
  if (ctx.turnCue) root.append(ctx.turnCue.control);
  root.append(waitingHeading, waiting);
  if (!ctx.display) root.append(controls);

  let queue = null;
  /** The speaker on screen: "End turn" ends that turn only, never one that began since (endTurn's speakerId). */
  let shownSpeaker = null;
  let lastSpeaker;
  let lastPosition;

  const render = memo(([q, members, me, facilitator]) => {
    queue = q;
    const state = { members };
    const speakerId = q.speaker ? q.speaker.memberId : null;
    shownSpeaker = speakerId;
    const speaker = members.find((x) => x.id === speakerId);
    speakerLine.textContent = speakerId
      ? t(speakerId === me ? 'queue.speakingYou' : 'queue.speaking', { name: memberName(state, speakerId) })
        + (speaker && speaker.inRoom ? ` · ${t('room.inRoom')}` : '')
      : t('queue.nobody');
    // Shown to the facilitator throughout, disabled when there is no one else's turn to end: nothing jumps.
    endTurn.hidden = !facilitator;
    endTurn.disabled = !(speakerId && speakerId !== me);
    if (speaker && !endTurn.disabled) endTurn.setAttribute('aria-label', t('queue.endTurnOf', { name: speaker.name }));
    else endTurn.removeAttribute('aria-label');

    const list = q.waiting;
    waitingHeading.textContent = ctx.display ? t('queue.next') : t('queue.waiting', { count: q.waiting.length });
    if (!q.waiting.length) replaceKeepingFocus(waiting, el('li', { class: 'empty', text: t('queue.noneWaiting') }));
    else {
      replaceKeepingFocus(waiting, list.map((id) => {
        const m = members.find((x) => x.id === id);
        return el('li', { class: id === me ? 'me' : null },
          el('span', { class: 'queue-name', text: m ? m.name : t('queue.someoneWhoLeft') }),
          id === me ? el('strong', { text: ` ${t('queue.you')}` }) : null,
          m && m.inRoom ? el('span', { class: 'in-room-mark', text: ` · ${t('room.inRoom')}` }) : null,
          !ctx.display && m ? el('span', { class: 'meta', text: ` · ${t('queue.turnsSoFar', { count: m.turns })}` }) : null,
          facilitator && id !== me ? el('button', { type: 'button', class: 'small', key: `lower-${id}`, text: t('queue.lowerHand'),
            attrs: { 'aria-label': t('queue.lowerHandOf', { name: m ? m.name : t('queue.someoneWhoLeft') }) },
            on: { click: () => ctx.act(cmd.lowerHand(id)) } }) : null);
      }));
    }

    if (!ctx.display) {
      const pos = queuePosition(q, me);
      mine.textContent = !pos ? t('queue.handDown')
        : pos.speaking ? t('stage.youSpeak')
          : `${t('queue.handUp', { place: ordinal(pos.position) })}${pos.position === 1 ? ` ${t('stage.youNext')}` : ''}`;
      mine.classList.toggle('is-next', !!pos && pos.position === 1);
      mine.classList.toggle('is-speaking', !!pos && pos.speaking);
      replaceKeepingFocus(buttons,
        pos && pos.speaking
          ? el('button', { type: 'button', class: 'primary', key: 'hand', text: t('queue.doneSpeaking'), on: { click: () => ctx.act(cmd.doneSpeaking()) } })
          : pos
            ? el('button', { type: 'button', key: 'hand', text: t('queue.lowerHand'), on: { click: () => ctx.act(cmd.lowerHand()) } })
            : el('button', { type: 'button', class: 'primary', key: 'hand', text: t('queue.raiseHand'), on: { click: () => ctx.act(cmd.raiseHand()) } }));
      controls.hidden = !facilitator;
      if (document.activeElement !== policy) policy.value = q.policy;
      if (document.activeElement !== limit) limit.value = String(q.turnLimitSec);

      if (lastPosition !== undefined) {
        const before = lastPosition;
        if (pos && !pos.speaking && pos.position === 1 && !(before && before.position === 1 && !before.speaking)) {
          ctx.announce(t('queue.announce.next'));
        }
      }
      lastPosition = pos;
    }

    if (lastSpeaker !== undefined && speakerId !== lastSpeaker) {
      if (!speakerId) ctx.announce(t('queue.announce.nobody'));
      else if (speakerId === me) ctx.announce(t('stage.youSpeak'));
      else ctx.announce(t('queue.announce.speaker', { name: memberName(state, speakerId) }));
    }
    lastSpeaker = speakerId;
  });

  return {
    update(state, you, me) {
      const members = state.members.map((m) => ({ id: m.id, name: m.name, turns: m.turns, inRoom: !!m.inRoom }));
      render([state.queue, members, me, !!(you && you.facilitator)]);
      this.tick(ctx.serverNow());
    },

    tick(serverNow) {
      const turn = turnElapsed(queue, serverNow);
      let text = '';
      if (turn) {
        const elapsed = formatMinSec(Math.floor(turn.elapsedMs / 1000));
        const limit = formatMinSec(turn.limitMs / 1000);
        text = t(!turn.limitMs ? 'queue.turnTime' : turn.over ? 'queue.turnTimeOver' : 'queue.turnTimeOf', { elapsed, limit });
      }
      if (turnLine.textContent !== text) turnLine.textContent = text;
      turnLine.classList.toggle('over', !!(turn && turn.over));
    },
  };
}

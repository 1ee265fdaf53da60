// "Your turn" when the page is not in front of you: the tab's title says it
// when your turn comes or you are next, and, if you switch it on, a short
// beep plays (WebAudio, no sound file). Speaker changes are also announced in
// the page's live region by the queue view.

import { el, uid } from '../dom.js';
import { queuePosition } from '../selectors.js';
import { t } from '../i18n.js';

/** 'speaking', 'next' or null: where `me` stands in the queue. */
export function turnOf(queue, me) {
  const pos = queue && me ? queuePosition(queue, me) : null;
  if (!pos) return null;
  return pos.speaking ? 'speaking' : pos.position === 1 ? 'next' : null;
}

/** The tab's title for a turn: the cue leads, so it shows even in a narrow tab. */
export function turnTitle(turn, pageTitle) {
  if (turn === 'speaking') return t('turn.title.speaking', { title: pageTitle });
  if (turn === 'next') return t('turn.title.next', { title: pageTitle });
  return pageTitle;
}

export function turnCue({ memory }) {
  const box = el('input', { type: 'checkbox', id: uid('sound'), checked: memory.get('sound') === 'on' });
  const control = el('div', { class: 'choice turn-sound' }, box, el('label', { htmlFor: box.id, text: t('turn.sound') }));
  let audio = null;
  let last;

  function beep(high) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      audio = audio || new Context();
      if (audio.state === 'suspended') audio.resume();
      const at = audio.currentTime;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = high ? 880 : 660;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.4);
    } catch { /* no audio device: the title and the announcement still say it */ }
  }

  // Switching it on is a tap: the moment a browser lets a page make sound, so it sounds once now.
  box.addEventListener('change', () => {
    memory.set('sound', box.checked ? 'on' : null);
    if (box.checked) beep(false);
  });

  return {
    control,
    /** Sets the tab's title; beeps when the turn comes or you become next. */
    update(queue, me, pageTitle) {
      const turn = turnOf(queue, me);
      document.title = turnTitle(turn, pageTitle);
      if (last !== undefined && turn && turn !== last && box.checked) beep(turn === 'speaking');
      last = turn;
    },
  };
}

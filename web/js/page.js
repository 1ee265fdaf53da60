// Shared page plumbing for the member and display pages: the ticking clock,
// error display, and the action helper views use.

import { errorSentence } from './protocol.js';
import { t } from './i18n.js';

/**
 * Calls `tick()` four times a second while the page is visible (a countdown
 * needs no more), and once straight away when it becomes visible again.
 */
export function startTicking(tick) {
  let id = null;
  const run = () => { if (id === null) { tick(); id = setInterval(tick, 250); } };
  const halt = () => { clearInterval(id); id = null; };
  document.addEventListener('visibilitychange', () => (document.hidden ? halt() : run()));
  if (!document.hidden) run();
}

/** Shows one error sentence at a time in a role=alert region, with a dismiss button. */
export function errorArea(region) {
  let timer = null;
  const clear = () => { region.hidden = true; region.replaceChildren(); };
  return {
    show(sentence) {
      clearTimeout(timer);
      const text = document.createElement('span');
      text.textContent = sentence;
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = t('page.dismiss');
      close.addEventListener('click', clear);
      region.replaceChildren(text, close);
      region.hidden = false;
      timer = setTimeout(clear, 15000);
    },
    clear,
  };
}

/** The `act` helper views get: send, and on refusal show the sentence; resolves true on ack. */
export function actor(request, errors) {
  return async (command) => {
    try {
      await request(command);
      return true;
    } catch (err) {
      // A refusal at the end of the connection (session ended, member removed) is the banner's to say.
      if (!(err && err.final)) errors.show(errorSentence(err && err.code));
      return false;
    }
  };
}

// The honest connection banner: connecting, reconnecting (with the attempt),
// ended, removed, or why the join failed.

import { el } from '../dom.js';
import { Status } from '../connection.js';
import { errorSentence } from '../protocol.js';

/**
 * `announce`: the page's one live region. The banner itself is not live, so
 * a change of connection is read once, through the same channel as the stage,
 * and a reconnect's countdown does not chatter.
 */
export function statusView(root, { onRetryNow, endedExtras, announce } = {}) {
  let last = null;
  return {
    update(status, detail = {}) {
      root.dataset.status = status;
      root.hidden = status === Status.NEEDS_NAME;
      const parts = [];
      switch (status) {
        case Status.CONNECTING:
          parts.push(el('span', { text: 'Connecting…' }));
          break;
        case Status.LIVE:
          parts.push(el('span', { text: 'Connected.' }));
          break;
        case Status.RECONNECTING: {
          const secs = Math.max(1, Math.round((detail.delayMs || 0) / 1000));
          parts.push(el('span', { text: detail.delayMs
            ? `Connection lost. Trying again in about ${secs} ${secs === 1 ? 'second' : 'seconds'} (attempt ${detail.attempt}). You keep your place.`
            : `Reconnecting (attempt ${detail.attempt})…` }));
          if (onRetryNow && detail.delayMs) parts.push(el('button', { type: 'button', text: 'Try now', on: { click: onRetryNow } }));
          break;
        }
        case Status.ENDED:
          parts.push(el('span', { text: 'This session has ended. Thank you for taking part.' }));
          if (endedExtras) parts.push(...endedExtras());
          break;
        case Status.REMOVED:
          parts.push(el('span', { text: 'The facilitator removed you from this session.' }));
          break;
        case Status.FAILED:
          parts.push(el('span', { text: errorSentence(detail.code) }));
          break;
        default:
          break;
      }
      root.replaceChildren(...parts);
      if (announce && status !== last && parts.length) announce(parts[0].textContent);
      last = status;
    },
  };
}

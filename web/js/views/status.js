// The honest connection banner: connecting, reconnecting (with the attempt),
// ended, removed, or why the join failed.

import { el } from '../dom.js';
import { Status } from '../connection.js';
import { errorSentence } from '../protocol.js';
import { inSeconds, t } from '../i18n.js';

/**
 * `announce`: the page's one live region. The banner itself is not live, so
 * a change of connection is read once, through the same channel as the stage,
 * and a reconnect's countdown does not chatter.
 */
export function statusView(root, { onRetryNow, endedExtras, announce } = {}) {
  let last = null;
  let lastDetail = {};
  /** taps waiting for the connection (Outbox): said while reconnecting, so nobody taps twice */
  let waiting = 0;
  return {
    /** How many taps wait to be sent; the banner says so while the page reconnects. */
    setWaiting(n) {
      if (n === waiting) return;
      waiting = n;
      if (last === Status.RECONNECTING || last === Status.CONNECTING) this.update(last, lastDetail);
    },
    update(status, detail = {}) {
      lastDetail = detail;
      root.dataset.status = status;
      root.hidden = status === Status.NEEDS_NAME;
      const parts = [];
      switch (status) {
        case Status.CONNECTING:
          parts.push(el('span', { text: t('status.connecting') }));
          break;
        case Status.LIVE:
          parts.push(el('span', { text: t('status.live') }));
          break;
        case Status.RECONNECTING: {
          const secs = Math.max(1, Math.round((detail.delayMs || 0) / 1000));
          parts.push(el('span', { text: detail.delayMs
            ? t('status.retryIn', { when: inSeconds(secs), attempt: detail.attempt })
            : t('status.reconnecting', { attempt: detail.attempt }) }));
          if (onRetryNow && detail.delayMs) parts.push(el('button', { type: 'button', text: t('status.tryNow'), on: { click: onRetryNow } }));
          if (waiting) parts.push(el('span', { class: 'status-waiting', text: t('status.waiting', { count: waiting }) }));
          break;
        }
        case Status.ENDED:
          parts.push(el('span', { text: t('status.ended') }));
          if (endedExtras) parts.push(...endedExtras());
          break;
        case Status.REMOVED:
          parts.push(el('span', { text: t('status.removed') }));
          break;
        case Status.DELETED:
          parts.push(el('span', { text: t('status.deleted') }));
          break;
        case Status.DISPLAY_REMOVED:
          parts.push(el('span', { text: t('status.displayRemoved') }));
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

// "Use on another device": a link and its QR code that carry this member's resume token and series
// identity in the fragment, so the phone continues as the same person in this session and in the
// series. Drawn here, never fetched: the fragment must not reach the server.

import { el, field, copyText, memo, replaceKeepingFocus } from '../dom.js';
import { t } from '../i18n.js';
import { deviceLink } from '../storage.js';
import { qrSvg } from '../qr.js';

export function deviceLinkView(root, ctx) {
  const { code, memory, origin } = ctx;
  const input = el('input', { type: 'text', readOnly: true, key: 'device-link' });
  const copied = el('span', { class: 'meta', attrs: { role: 'status' } });
  const copy = el('button', { type: 'button', text: t('device.copy'), on: { click: async () => {
    copied.textContent = (await copyText(input.value, input)) ? t('device.copied') : t('session.copyManual');
  } } });
  const picture = el('div', { class: 'qr-box' });
  root.append(
    el('p', { class: 'meta', text: t('device.explain') }),
    picture,
    field(t('device.link'), input).wrap,
    el('div', { class: 'actions' }, copy), copied,
    el('p', { class: 'meta warning', text: t('device.warning') }));

  const render = memo(([link]) => {
    input.value = link || '';
    copy.disabled = !link;
    replaceKeepingFocus(picture, link ? qrSvg(link, t('device.qr')) : el('p', { class: 'meta', text: t('device.notYet') }));
  });

  return {
    update(state, you, me) {
      const resume = me ? memory.resumeToken(code) : null;
      render([resume ? deviceLink(origin, code, resume, memory.seriesIdentity()) : null]);
    },
  };
}

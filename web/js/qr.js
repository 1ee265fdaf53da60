// A QR code drawn in the page, as SVG elements (no markup strings, no image request): for links
// whose fragment must stay on this device, such as "use on another device".

import qrcode from './vendor/qrcode-generator.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The dark modules of `text`'s QR code (error correction M, smallest version that fits). */
export function qrModules(text) {
  const q = qrcode(0, 'M');
  q.addData(String(text), 'Byte');
  q.make();
  const n = q.getModuleCount();
  const dark = [];
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (q.isDark(r, c)) dark.push([c, r]);
  return { size: n, dark };
}

/** An <svg> of `text`'s QR code with a four-module quiet zone, labelled for screen readers. */
export function qrSvg(text, label, doc = document) {
  const { size, dark } = qrModules(text);
  const full = size + 8;
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${full} ${full}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'qr');
  const bg = doc.createElementNS(SVG, 'rect');
  for (const [k, v] of [['width', full], ['height', full], ['fill', '#fff']]) bg.setAttribute(k, String(v));
  const path = doc.createElementNS(SVG, 'path');
  // One path of unit squares: a few hundred modules stay one element.
  path.setAttribute('d', dark.map(([x, y]) => `M${x + 4} ${y + 4}h1v1h-1z`).join(''));
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

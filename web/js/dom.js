// Tiny DOM helpers. Text always goes in through textContent; nothing here
// ever parses HTML, so a member's text cannot become markup.

import { t } from './i18n.js';

const PROPS = new Set(['id', 'type', 'value', 'name', 'disabled', 'checked', 'hidden', 'htmlFor', 'min', 'max',
  'step', 'maxLength', 'required', 'placeholder', 'href', 'src', 'alt', 'rows', 'autocomplete', 'selected',
  'title', 'download', 'target', 'rel', 'inputMode', 'readOnly', 'tabIndex']);

/**
 * el('button', {class: 'primary', text: 'Go', on: {click}, attrs: {'aria-pressed': 'true'}, key: 'go'}, ...children)
 * `key` sets data-key, which lets replaceKeepingFocus put focus back after a re-render.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false && k !== 'checked' && k !== 'disabled' && k !== 'hidden') continue;
    if (k === 'class') node.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
    else if (k === 'text') node.textContent = String(v);
    else if (k === 'key') node.dataset.key = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === 'attrs') for (const [a, av] of Object.entries(v)) { if (av !== undefined && av !== null && av !== false) node.setAttribute(a, String(av)); }
    else if (PROPS.has(k)) node[k] = v;
    else throw new Error(`el: unsupported property ${k}`);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * Replaces a container's children. If focus was inside on an element with a
 * data-key, the new element with the same key gets focus back (and, for a
 * text field, its unsent text and caret), so live updates never yank a
 * keyboard user out of what they were doing.
 */
export function replaceKeepingFocus(container, ...children) {
  const active = document.activeElement;
  let memo = null;
  if (active && active !== document.body && container.contains(active)) {
    const holder = active.closest('[data-key]');
    if (holder && container.contains(holder)) {
      memo = { key: holder.dataset.key, field: 'value' in active && active.tagName !== 'BUTTON' ? active.value : undefined };
      try { memo.start = active.selectionStart; memo.end = active.selectionEnd; } catch { /* not a text field */ }
    }
  }
  container.replaceChildren();
  append(container, children);
  if (!memo) return;
  const target = [...container.querySelectorAll('[data-key]')].find((n) => n.dataset.key === memo.key);
  if (!target) return;
  if (memo.field !== undefined && 'value' in target) target.value = memo.field;
  target.focus();
  if (Number.isInteger(memo.start) && typeof target.setSelectionRange === 'function') {
    try { target.setSelectionRange(memo.start, memo.end); } catch { /* not a text field */ }
  }
}

/** A labelled form field: returns {wrap, input}. */
export function field(labelText, input, hint) {
  if (!input.id) input.id = uid('f');
  const label = el('label', { htmlFor: input.id, text: labelText });
  let hintNode = null;
  if (hint) {
    hintNode = el('span', { class: 'hint', id: uid('h'), text: hint });
    input.setAttribute('aria-describedby', hintNode.id);
  }
  return { wrap: el('div', { class: 'field' }, label, input, hintNode), input };
}

let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * The page's one polite live region. Sentences that arrive together (one
 * state change moves the stage, the timer and the speaker at once) are read
 * as one announcement, not a flood; `first` puts the stage's sentence ahead.
 * An identical repeat later still gets read.
 */
export function createAnnouncer(region) {
  let timer = null;
  let pending = [];
  return (text, { first = false } = {}) => {
    if (!text || pending.includes(text)) return;
    if (first) pending.unshift(text); else pending.push(text);
    clearTimeout(timer);
    region.textContent = '';
    timer = setTimeout(() => { region.textContent = pending.join(' '); pending = []; }, 50);
  };
}

/**
 * Confirms with a modal <dialog> (focus trapped, Escape cancels).
 * Resolves true only on the confirm button.
 */
export function confirmDialog(message, confirmLabel = t('common.confirm')) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'confirm', attrs: { 'aria-labelledby': 'confirm-msg' } },
      el('p', { id: 'confirm-msg', text: message }));
    const cancel = el('button', { type: 'button', text: t('common.cancel') });
    const ok = el('button', { type: 'button', class: 'danger', text: confirmLabel });
    dialog.append(el('div', { class: 'actions' }, cancel, ok));
    const done = (result) => { dialog.close(); dialog.remove(); resolve(result); };
    cancel.addEventListener('click', () => done(false));
    ok.addEventListener('click', () => done(true));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Saves text as a file through a Blob and an object URL. */
export function saveFile(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, class: 'visually-hidden', text: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; falls back to selecting it in `input` for a manual copy. */
export async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (input) { input.focus(); input.select(); }
    return false;
  }
}

/** Runs `render` only when `slice` differs (by JSON) from the last call's. */
export function memo(render) {
  let last;
  return (slice, ...rest) => {
    const key = JSON.stringify(slice);
    if (key === last) return;
    last = key;
    render(slice, ...rest);
  };
}

/**
 * Puts `node` at the end of `target` (a move, not a copy). Moving an element
 * blurs whatever was focused inside it, so the focus, the caret and the
 * selection go back where they were: a person typing keeps typing.
 */
export function moveKeepingFocus(target, node) {
  if (node.parentNode === target && target.lastChild === node) return;
  const active = document.activeElement;
  const inside = active && active !== document.body && node.contains(active);
  let start = null;
  let end = null;
  if (inside) { try { start = active.selectionStart; end = active.selectionEnd; } catch { /* not a text field */ } }
  target.append(node);
  if (!inside) return;
  active.focus({ preventScroll: true });
  if (Number.isInteger(start) && typeof active.setSelectionRange === 'function') {
    try { active.setSelectionRange(start, end); } catch { /* not a text field */ }
  }
}

/** True while a text field inside `node` has focus and holds unsent text. */
export function typingIn(node) {
  const a = document.activeElement;
  return !!a && node.contains(a) && (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT' && a.type === 'text') && a.value !== '';
}

/** Fills every element that names a catalogue key in data-t (the pages' fixed words) through `t`. */
export function translateStatic(root, t) {
  for (const node of root.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  // data-t-label / data-t-alt: the same for an element's accessible name or an image's alt text.
  for (const node of root.querySelectorAll('[data-t-label]')) node.setAttribute('aria-label', t(node.dataset.tLabel));
  for (const node of root.querySelectorAll('[data-t-alt]')) node.alt = t(node.dataset.tAlt);
}

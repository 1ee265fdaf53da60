// A projector cannot scroll. When a panel's list does not fit, the panel shows
// it a screenful at a time and turns the pages by itself, with "2 / 3" in its
// heading: every item is on the screen at least once in every CYCLE_MS, and a
// page stays up long enough to read (at most MAX_PAGE_MS, at least
// CYCLE_MS / pages). Items are hidden, never cut: a page holds the items that
// fit whole. Pages are worked out by measuring, after each render and resize.

import { el } from '../dom.js';

/** Within this time every item of a paged panel has been on screen. */
export const CYCLE_MS = 30_000;
/** No page stays up longer than this: the room sees the next soon enough. */
export const MAX_PAGE_MS = 10_000;

/** How long each of `pages` pages stays up. */
export function pageMs(pages) {
  return pages <= 1 ? 0 : Math.min(MAX_PAGE_MS, Math.floor(CYCLE_MS / pages));
}

/**
 * Splits `units` (in order) into pages: `fits()` says whether the units now
 * shown fit; `show(unit, shown)` shows or hides one. A unit that does not fit
 * even alone gets a page of its own. Returns arrays of units.
 */
export function paginate(units, fits, show) {
  for (const u of units) show(u, true);
  if (fits()) return units.length ? [units] : [];
  for (const u of units) show(u, false);
  const pages = [];
  let page = [];
  for (const u of units) {
    show(u, true);
    if (page.length && !fits()) {
      for (const p of page) show(p, false);
      pages.push(page);
      page = [u];
    } else {
      page.push(u);
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

/**
 * `panel`: the element whose box must not overflow; `units`: a selector for
 * the items to page through; `groups`: a selector for containers (a group of
 * ideas) hidden while none of their items are shown.
 */
export function pager(panel, { units, groups = null, now = () => Date.now() }) {
  const counter = el('span', { class: 'page-count', hidden: true, attrs: { 'aria-hidden': 'true' } });
  (panel.querySelector('h2') || panel).append(counter);
  let shownUnits = [];
  let shownText = '';
  let pages = [];
  let at = 0;
  let turnAt = 0;
  let size = '';
  let timer = null;

  const fits = () => panel.scrollHeight <= panel.clientHeight + 1;
  const show = (u, on) => { u.hidden = !on; syncGroups(); };

  function syncGroups() {
    if (!groups) return;
    for (const g of panel.querySelectorAll(groups)) {
      g.hidden = ![...g.querySelectorAll(units)].some((u) => !u.hidden);
    }
  }

  function showPage() {
    pages.forEach((page, i) => page.forEach((u) => { u.hidden = i !== at; }));
    syncGroups();
    counter.hidden = pages.length <= 1;
    counter.textContent = pages.length > 1 ? `${at + 1} / ${pages.length}` : '';
  }

  function layout(list) {
    shownUnits = list;
    // The counter sits in the heading's line: shown while measuring, so a page never counts on its room.
    counter.hidden = false;
    counter.textContent = '0 / 0';
    pages = paginate(list, fits, show);
    if (at >= pages.length) at = 0;
    if (pages.length > 1 && !timer) {
      turnAt = now() + pageMs(pages.length);
      timer = setInterval(turn, 250);
    } else if (pages.length <= 1 && timer) {
      clearInterval(timer);
      timer = null;
    }
    showPage();
  }

  function turn() {
    if (pages.length <= 1 || now() < turnAt) return;
    at = (at + 1) % pages.length;
    turnAt = now() + pageMs(pages.length);
    showPage();
  }

  return {
    /** After a render or a resize: pages again if the items, the panel's box or the screen changed. */
    refresh() {
      if (!panel.getClientRects().length) { size = ''; return; } // not on screen: measured when it is
      const list = [...panel.querySelectorAll(units)];
      // The panel's own box too: the same screen gives it another size on another stage.
      const nowSize = `${innerWidth}x${innerHeight}:${panel.clientWidth}x${panel.clientHeight}`;
      const text = list.map((u) => u.textContent).join('\u0001');
      if (nowSize === size && text === shownText && list.length === shownUnits.length && list.every((u, i) => u === shownUnits[i])) return;
      size = nowSize;
      shownText = text;
      layout(list);
    },
  };
}

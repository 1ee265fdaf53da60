package app.roundtable.web;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a projector page must hold to at every moment: nothing clipped, type large enough, every item shown in time. */
final class ProjectorChecks {
  private ProjectorChecks() {}

  /** Labels (headings, tags, the page count): at least 24 px at 1080p. Everything else the room reads: 32 px. */
  static final String LABELS = "h1, h2, h3, .stage-kind, .tag, .page-count, .timer-phase, .join-url, .status-banner,"
      + " .display-id, .locked-badge";

  /**
   * Every shown element whose overflow is not visible holds all its content (scrollHeight within
   * clientHeight), and the page itself does not scroll. The announcer (visually hidden by design) is
   * the one exception.
   */
  @SuppressWarnings("unchecked")
  static List<String> clipped(Page page) {
    return (List<String>) page.evaluate("() => {"
        + " const out = [];"
        + " const d = document.documentElement;"
        + " if (d.scrollHeight > innerHeight + 1 || d.scrollWidth > innerWidth + 1) out.push('page scrolls: ' + d.scrollWidth + 'x' + d.scrollHeight);"
        + " for (const e of document.body.querySelectorAll('*')) {"
        + "   if (e.closest('.visually-hidden') || !e.getClientRects().length) continue;"
        + "   const cs = getComputedStyle(e);"
        + "   if (cs.overflowY === 'visible' && cs.overflowX === 'visible') continue;"
        + "   if (e.scrollHeight > e.clientHeight + 1) out.push((e.id || e.className || e.tagName) + ' clips: ' + e.scrollHeight + ' > ' + e.clientHeight);"
        + " }"
        + " return out; }");
  }

  /** Shown text below its size: content under `content` px, labels under `label` px. */
  @SuppressWarnings("unchecked")
  static List<String> smallText(Page page, double content, double label) {
    return (List<String>) page.evaluate("([labels, content, label]) => {"
        + " const out = [];"
        + " for (const e of document.body.querySelectorAll('*')) {"
        + "   if (e.closest('.visually-hidden') || !e.getClientRects().length) continue;"
        + "   const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());"
        + "   if (!own) continue;"
        + "   const size = parseFloat(getComputedStyle(e).fontSize);"
        + "   const min = e.closest(labels) ? label : content;"
        + "   if (size < min - 0.05) out.push(size.toFixed(1) + 'px < ' + min + ': ' + (e.className || e.tagName) + ' “' + e.textContent.trim().slice(0, 40) + '”');"
        + " }"
        + " return out; }", List.of(LABELS, content, label));
  }

  /** The texts of the `units` now on screen (shown, and inside the viewport). */
  @SuppressWarnings("unchecked")
  static List<String> onScreen(Page page, String units) {
    return (List<String>) page.evaluate("(sel) => [...document.querySelectorAll(sel)].filter((e) => {"
        + " if (!e.getClientRects().length) return false;"
        + " const r = e.getBoundingClientRect();"
        + " return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1; })"
        + ".map((e) => e.textContent)", units);
  }

  /**
   * Watches the projectors for `ms`: at every look nothing is clipped, and by the end every one
   * of `expected` has been on screen (in a unit's text). Returns the problems found.
   */
  static List<String> everyItemWithin(List<Page> pages, String units, List<String> expected, long ms) {
    List<String> problems = new ArrayList<>();
    List<Set<String>> seen = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) seen.add(new HashSet<>());
    long until = System.currentTimeMillis() + ms;
    while (true) {
      for (int i = 0; i < pages.size(); i++) {
        Page p = pages.get(i);
        for (String text : onScreen(p, units)) {
          for (String e : expected) if (text.contains(e)) seen.get(i).add(e);
        }
        for (String c : clipped(p)) problems.add(size(p) + ": " + c);
      }
      boolean all = seen.stream().allMatch(s -> s.size() == expected.size());
      if (all || System.currentTimeMillis() > until) break;
      pages.get(0).waitForTimeout(700);
    }
    for (int i = 0; i < pages.size(); i++) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(seen.get(i));
      if (!missing.isEmpty()) problems.add(size(pages.get(i)) + ": never on screen within " + ms + " ms: " + missing);
    }
    return problems.stream().distinct().toList();
  }

  static String size(Page p) {
    return p.viewportSize().width + "x" + p.viewportSize().height;
  }
}

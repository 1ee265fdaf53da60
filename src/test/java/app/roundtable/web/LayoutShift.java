package app.roundtable.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Map;

/**
 * Cumulative layout shift measured by Chromium itself: a PerformanceObserver for 'layout-shift'
 * entries, installed before any page script runs. Shifts within 500 ms of the person's own input
 * do not count (hadRecentInput), as in the metric's definition. The score is the largest session
 * window (shifts less than 1 s apart, at most 5 s long), which is what Lighthouse reports; the plain
 * sum over the page's life is kept too.
 */
final class LayoutShift {
  static final String OBSERVER = """
      (() => {
        const c = window.__cls = { score: 0, total: 0, win: 0, first: 0, last: 0, shifts: [] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            c.total += e.value;
            if (c.win && e.startTime - c.last < 1000 && e.startTime - c.first < 5000) c.win += e.value;
            else { c.win = e.value; c.first = e.startTime; }
            c.last = e.startTime;
            c.score = Math.max(c.score, c.win);
            const who = (e.sources || []).map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?');
            c.shifts.push(e.value.toFixed(4) + ' ' + who.join(','));
          }
        }).observe({ type: 'layout-shift', buffered: true });
      })();
      """;

  private LayoutShift() {}

  /** Watches every page the context opens from now on. */
  static BrowserContext watch(BrowserContext context) {
    context.addInitScript(OBSERVER);
    return context;
  }

  /** {score, total, shifts} of the page so far. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> of(Page page) {
    return (Map<String, Object>) page.evaluate("() => ({ score: window.__cls.score, total: window.__cls.total,"
        + " shifts: window.__cls.shifts.join(' | ') })");
  }

  static double score(Page page) {
    return ((Number) of(page).get("score")).doubleValue();
  }
}

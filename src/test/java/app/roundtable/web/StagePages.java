package app.roundtable.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the stage tests do on a page: the run bar, the stage's control, and the checks every stage gets. */
final class StagePages {
  private StagePages() {}

  /** A button of the facilitator's run bar. */
  static Locator run(Page page, String name) {
    return page.locator("#runbar").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  /** A button under the run bar's "More" (opened first if it is folded). */
  static Locator runMore(Page page, String name) {
    Locator more = page.locator("#runbar details.run-more");
    if (more.getAttribute("open") == null) more.locator("summary").click();
    return more.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  /** Folds the run bar's "More" back. */
  static void closeMore(Page page) {
    Locator more = page.locator("#runbar details.run-more");
    if (more.getAttribute("open") != null) more.locator("summary").click();
  }

  /** A button on the stage (the one control that matters now). */
  static Locator onStage(Page page, String name) {
    return page.locator("#now-section").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  /** From the top of the page, without scrolling, all of `part` is on the screen. */
  static void visibleWithoutScrolling(Page page, Locator part) {
    page.evaluate("window.scrollTo(0, 0)");
    assertThat(part).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
  }

  /** A projector page needs no scrolling, and no panel it shows clips its content. */
  static void fitsTheScreen(Page display, String what) {
    Object problem = display.evaluate("() => {"
        + " const d = document.documentElement;"
        + " if (d.scrollHeight > innerHeight + 1 || d.scrollWidth > innerWidth + 1) return 'page scrolls: ' + d.scrollWidth + 'x' + d.scrollHeight;"
        + " for (const p of document.querySelectorAll('.display-stage > .panel, .display-now, .join-panel')) {"
        + "   if (getComputedStyle(p).display === 'none' || p.hidden) continue;"
        + "   if (p.scrollHeight > p.clientHeight + 1) return (p.id || p.className) + ' clips: ' + p.scrollHeight + ' > ' + p.clientHeight;"
        + " }"
        + " return null; }");
    if (problem != null) fail(what + " at " + display.viewportSize().width + "x" + display.viewportSize().height + ": " + problem);
  }

  /** Waits until exactly one of the pages shows `text` in its stage's "my place" line, and returns it. */
  static Page theOneShowing(List<Page> pages, String text) {
    long until = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < until) {
      Page found = null;
      int count = 0;
      for (Page p : pages) {
        if (p.locator("#now-section .my-place").textContent().contains(text)) {
          found = p;
          count++;
        }
      }
      if (count == 1) return found;
      pages.get(0).waitForTimeout(100);
    }
    throw new AssertionError("no single page shows “" + text + "”");
  }

  /** Viewport screenshots of one stage on every page, named stage-NN-what-size. */
  static void shoot(String stage, Map<String, Page> pages) {
    pages.forEach((size, page) -> Browsers.viewportShot(page, "stage-" + stage + "-" + size));
  }

  /** The layout-shift figures of every page, for the report, and the check that each is below the limit. */
  static Map<String, Map<String, Object>> layoutShifts(Map<String, Page> pages, double limit) {
    Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
    pages.forEach((name, page) -> figures.put(name, LayoutShift.of(page)));
    figures.forEach((name, f) -> System.out.printf("CLS %-22s score %.4f  total %.4f  %s%n", name,
        ((Number) f.get("score")).doubleValue(), ((Number) f.get("total")).doubleValue(), f.get("shifts")));
    figures.forEach((name, f) -> {
      double score = ((Number) f.get("score")).doubleValue();
      if (score >= limit) fail("layout shift on " + name + " is " + score + " (limit " + limit + "): " + f.get("shifts"));
    });
    return figures;
  }

  static void noA11yProblems(List<String> problems) {
    assertEquals(List.of(), problems, "axe found critical or serious problems");
  }
}

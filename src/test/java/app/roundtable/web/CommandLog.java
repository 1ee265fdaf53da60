package app.roundtable.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every command a page sends, and what came back for it: installed in a browser context before
 * any page script runs, it wraps the page's WebSocket and records, per command id, the version
 * the page held when it first sent it and every answer (ack with its version, error with its
 * code, or the summary and follow-up answers). {@link #problems} turns that into failures: a
 * command never answered, answered twice, refused, or acked with a version that was no newer than
 * what the page already had — a tap the server took for an old one and that changed nothing.
 */
final class CommandLog {
  private CommandLog() {}

  static final String SCRIPT = "(() => {"
      + " const Native = window.WebSocket;"
      + " const log = window.__commands = { sent: {}, order: [], v: -1, closed: false };"
      + " const ANSWERS = ['ack', 'error', 'summary', 'followUp'];"
      + " window.WebSocket = class extends Native {"
      + "   constructor(...args) {"
      + "     super(...args);"
      // Registered before the page's own onmessage: the version is known before the page acts on it.
      + "     this.addEventListener('message', (e) => {"
      + "       let m; try { m = JSON.parse(e.data); } catch { return; }"
      + "       if ((m.type === 'welcome' || m.type === 'state') && m.v > log.v) log.v = m.v;"
      + "       if (m.type === 'closed') log.closed = true;"
      + "       if (ANSWERS.includes(m.type) && m.id && log.sent[m.id])"
      + "         log.sent[m.id].answers.push({ type: m.type, v: m.v ?? null, code: m.code ?? null });"
      + "     });"
      + "   }"
      + "   send(data) {"
      + "     try {"
      + "       const m = JSON.parse(data);"
      + "       if (m.id && !['ping', 'sync', 'join'].includes(m.type)) {"
      + "         if (!log.sent[m.id]) { log.sent[m.id] = { type: m.type, vAtSend: log.v, answers: [], sends: 0 }; log.order.push(m.id); }"
      + "         log.sent[m.id].sends += 1;"
      + "       }"
      + "     } catch { /* not ours to judge */ }"
      + "     return super.send(data);"
      + "   }"
      + " };"
      + "})();";

  /** Records the commands of every page opened in `context` from now on. */
  static void install(BrowserContext context) {
    context.addInitScript(SCRIPT);
  }

  /** What went wrong with the page's commands so far (empty: every command landed once). */
  @SuppressWarnings("unchecked")
  static List<String> problems(Page page) {
    Object result = page.evaluate("(notChanges) => {"
        + " const log = window.__commands; if (!log) return ['no command log on ' + location.pathname];"
        + " const out = [];"
        + " for (const id of log.order) {"
        + "   const c = log.sent[id]; const a = c.answers;"
        + "   const what = c.type + ' (' + id + ')';"
        + "   if (!a.length) { if (!(c.type === 'endSession' && log.closed)) out.push(what + ' was never answered'); continue; }"
        + "   if (a.length > 1) out.push(what + ' was answered ' + a.length + ' times');"
        + "   if (a[0].type === 'error') out.push(what + ' was refused: ' + a[0].code);"
        + "   else if (a[0].type === 'ack' && !notChanges.includes(c.type) && !(a[0].v > c.vAtSend))"
        + "     out.push(what + ' was acked as v' + a[0].v + ' but the page already had v' + c.vAtSend + ': it changed nothing');"
        + " }"
        + " return out; }", List.of("ping", "sync", "join", "getSummary"));
    return new ArrayList<>((List<String>) result);
  }

  /** How many commands of `type` the page sent (each id once). */
  static int count(Page page, String type) {
    Object n = page.evaluate("(type) => window.__commands.order.filter((id) => window.__commands.sent[id].type === type).length", type);
    return ((Number) n).intValue();
  }

  /**
   * Waits (up to 10 s) until every command the page sent has an answer, then fails with every
   * problem. Call it before a page reloads or navigates: its log goes with it.
   */
  static void verify(Page page, String who) {
    long until = System.currentTimeMillis() + 10_000;
    List<String> problems = problems(page);
    while (problems.stream().anyMatch(p -> p.endsWith("never answered")) && System.currentTimeMillis() < until) {
      page.waitForTimeout(100);
      problems = problems(page);
    }
    if (!problems.isEmpty()) fail(who + "'s page: " + problems);
  }

  /** Every page's problems at once (for the report of a whole session). */
  static void verifyAll(Map<String, Page> pages) {
    List<String> all = new ArrayList<>();
    pages.forEach((who, page) -> {
      try {
        verify(page, who);
      } catch (AssertionError e) {
        all.add(e.getMessage());
      }
    });
    if (!all.isEmpty()) fail(String.join("\n", all));
  }
}

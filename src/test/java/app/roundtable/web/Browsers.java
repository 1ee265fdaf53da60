package app.roundtable.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium (/usr/bin/chromium) driven by Playwright. Nothing is downloaded:
 * Playwright's Node driver comes from the Maven artifact and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD keeps
 * it from fetching browsers; Playwright gives every launch a fresh, throw-away user-data-dir.
 */
final class Browsers implements AutoCloseable {
  static final Path CHROMIUM = Paths.get(System.getProperty("roundtable.chromium", "/usr/bin/chromium"));
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  final Playwright playwright;
  final Browser browser;
  final String base;

  Browsers(int port) {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(CHROMIUM + " is missing: apt-get install chromium chromium-driver");
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setChromiumSandbox(false)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync")));
    base = "http://127.0.0.1:" + port;
  }

  /** A fresh context (own cookies and localStorage: one person) at a laptop-sized viewport. */
  BrowserContext person() {
    return context(1280, 900);
  }

  /** A fresh context at a 360 px phone viewport, with touch. */
  BrowserContext phone() {
    return browser.newContext(new Browser.NewContextOptions()
        .setBaseURL(base).setViewportSize(360, 740).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
  }

  /** A fresh phone context of the given size, with touch. */
  BrowserContext phone(int width, int height) {
    return browser.newContext(new Browser.NewContextOptions()
        .setBaseURL(base).setViewportSize(width, height).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
  }

  BrowserContext context(int width, int height) {
    return browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setViewportSize(width, height));
  }

  /** A laptop-sized context that ignores the pages' CSP: only for proving that text alone keeps markup out. */
  BrowserContext personWithoutCsp() {
    return browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setViewportSize(1280, 900).setBypassCSP(true));
  }

  /** The whole page, top to bottom. */
  static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  /** Only what fits in the viewport: what the screen shows without scrolling. */
  static Path viewportShot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    return file;
  }

  /** One part of the page (e.g. a section), scrolled into view. */
  static Path screenshot(com.microsoft.playwright.Locator part, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    part.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(file));
    return file;
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}

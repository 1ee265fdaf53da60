package app.roundtable.server;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The web client's pages and files from {@code web/} (the working directory's, else the jar's). */
final class Pages {
  private final String root;

  Pages(String root) {
    this.root = root;
  }

  void mount(Router router) {
    StaticHandler files = StaticHandler.create(root).setCachingEnabled(false).setDefaultContentEncoding("UTF-8")
        .setIncludeHidden(false).setDirectoryListing(false);
    router.get("/").handler(ctx -> ctx.reroute("/index.html"));
    router.getWithRegex("/s/[^/]+/?").handler(ctx -> ctx.reroute("/member.html"));
    router.getWithRegex("/d/[^/]+/?").handler(ctx -> ctx.reroute("/display.html"));
    router.get("/*").handler(files);
  }
}

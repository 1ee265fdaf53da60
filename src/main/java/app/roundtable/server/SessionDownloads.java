package app.roundtable.server;

import app.roundtable.domain.Language;
import app.roundtable.protocol.CalendarView;
import app.roundtable.protocol.HttpError;
import app.roundtable.protocol.SpeakingChart;
import app.roundtable.protocol.SummaryView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The files made from a session over HTTP: its summary (JSON or Markdown) and speaking chart for
 * the key holder or whoever holds the facilitator role (by their resume token), its calendar entry and QR code for anyone with the code.
 */
final class SessionDownloads {
  private final Services services;
  private final SessionLookup lookup;

  SessionDownloads(Services services, SessionLookup lookup) {
    this.services = services;
    this.lookup = lookup;
  }

  void mount(Router router) {
    router.get("/api/sessions/:code/summary").handler(this::summary);
    router.get("/api/sessions/:code/qr.svg").handler(this::qr);
    router.get("/api/sessions/:code/calendar.ics").handler(this::calendar);
  }

  private void summary(RoutingContext ctx) {
    Language asked = ReaderLanguage.pick(ctx.queryParams().get("lang"), null, null);
    if (ctx.queryParams().get("lang") != null && asked == null) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Parameter 'lang' must be \"en\", \"de\" or \"es\".");
      return;
    }
    ZoneId zone = zone(ctx.queryParams().get("tz"));
    if (zone == null) {
      ApiErrors.error(ctx, HttpError.BAD_REQUEST, "Parameter 'tz' must be a time zone such as \"Europe/Berlin\".");
      return;
    }
    lookup.withRecordReader(ctx, s -> {
      Language language = ReaderLanguage.pick(ctx.queryParams().get("lang"), ctx.request().getHeader("Accept-Language"), s.language);
      String accept = ctx.request().getHeader("Accept");
      long now = services.clock.getAsLong();
      boolean markdown = accept != null && accept.contains("text/markdown");
      ctx.response().putHeader("Cache-Control", "no-store").putHeader("Vary", "Accept, Accept-Language");
      if (markdown) {
        ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"roundtable-" + s.code + ".md\"")
            .end(SummaryView.markdown(s, now, language, zone));
      } else if (accept != null && accept.contains("image/svg+xml")) {
        // The speaking record's chart, a download of its own beside the Markdown record.
        ctx.response().putHeader("Content-Type", "image/svg+xml")
            .putHeader("Content-Disposition", "attachment; filename=\"roundtable-" + s.code + "-speaking.svg\"")
            .end(SpeakingChart.svg(s, language));
      } else {
        ctx.response().putHeader("Content-Type", "application/json").end(SummaryView.json(s, now, zone));
      }
    });
  }

  /** The zone a reader's dates are written in: {@code ?tz=} (an IANA name), else UTC; null when unknown. */
  private static ZoneId zone(String tz) {
    if (tz == null) return ZoneOffset.UTC;
    if (tz.length() > 64) return null;
    try {
      return ZoneId.of(tz);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private void qr(RoutingContext ctx) {
    lookup.withSession(ctx, s -> ctx.response().putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "private, max-age=3600")
        .end(QrCode.svg(Links.join(Links.absoluteBase(services.config, ctx.request()), s.code))));
  }

  /**
   * The session's planned meeting as a calendar file (RFC 5545), for anyone with the code: the join
   * link inside is what they could open anyway. 404 while the session has no date.
   */
  private void calendar(RoutingContext ctx) {
    lookup.withSession(ctx, s -> {
      if (s.scheduled == null) {
        ApiErrors.error(ctx, HttpError.NOT_FOUND, "This session has no date yet.");
        return;
      }
      ctx.response().putHeader("Content-Type", "text/calendar; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"roundtable-" + s.code + ".ics\"")
          .putHeader("Cache-Control", "no-store")
          .end(CalendarView.ics(s, Links.join(Links.absoluteBase(services.config, ctx.request()), s.code),
              services.clock.getAsLong()));
    });
  }
}

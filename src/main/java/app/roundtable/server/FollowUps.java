package app.roundtable.server;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Schedule;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.store.StoreFullException;
import app.roundtable.store.UnknownSessionException;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a session's follow-up, for the key holder over HTTP and the role holder over the socket
 * alike (PROTOCOL.md v1.2): the new session first, then the earlier one's {@code followUp}, so the
 * earlier session never points at a session that is not there. Should the link be refused (two
 * creations at once: only one links), the unlinked session was never joined and expires within a
 * day. Also keeps the earlier session's {@code followUp.at} in step when the follow-up moves.
 * Thread-safe: it holds nothing but the node's services.
 */
final class FollowUps {
  private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

  /** What a creation gave: the follow-up, with the key its creator alone receives, or a refusal. */
  sealed interface Result {}

  /** {@code earlierVersion}: the earlier session's version that carries the link. */
  record Created(String code, String joinUrl, String displayUrl, String facilitatorKey, long earlierVersion)
      implements Result {}

  /** {@code storeFull}: the store holds as many sessions as it may (HTTP adds a Retry-After). */
  record Refused(Refusal refusal, boolean storeFull) implements Result {}

  private final Services services;

  FollowUps(Services services) {
    this.services = services;
  }

  /** Creates the follow-up of {@code earlier} (as loaded) under {@code base}; its checks were made by the caller. */
  Future<Result> create(Session earlier, String title, Long at, Integer minutes, String base) {
    long now = services.clock.getAsLong();
    Refusal wrong = Schedule.problem(at, minutes, now);
    if (wrong != null) return Future.succeededFuture(new Refused(wrong, false));
    String key = Secrets.token();
    String code = SessionCodes.generate();
    Schedule plan = Schedule.planned(at, minutes, Template.FOLLOW_UP.minutes());
    Session next = Sessions.followUp(earlier, code, title, Secrets.hash(key), plan, now, services.random);
    String joinUrl = Links.join(base, code);
    String displayUrl = Links.display(base, code);
    Action link = Action.of(null, new Command.LinkFollowUp(code, joinUrl, displayUrl, at));
    return services.store.create(next).compose(created -> {
      if (!created) {
        return Future.succeededFuture((Result) new Refused(
            Refusal.of(Reason.UNAVAILABLE, "Could not allocate a session code; try again."), false));
      }
      return services.store.update(earlier.code, s -> Rules.apply(s, link, services.context())).map(u ->
          u.outcome() instanceof Outcome.Refused r ? new Refused(r.refusal(), false)
              : (Result) new Created(code, joinUrl, displayUrl, key, u.current().version));
    }).recover(e -> e instanceof StoreFullException
        ? Future.succeededFuture(new Refused(Refusal.of(Reason.UNAVAILABLE,
            "This server holds as many sessions as it can; try again later."), true))
        : Future.failedFuture(e));
  }

  /**
   * The follow-up {@code moved} was planned anew: the earlier session's pages show the new date.
   * Best effort, after the move itself was answered: an earlier session that expired has no pages.
   */
  void moved(Session moved) {
    if (moved.earlierCode == null) return;
    Long at = moved.scheduled == null ? null : moved.scheduled.at;
    Action news = Action.of(null, new Command.FollowUpMoved(moved.code, at));
    services.store.update(moved.earlierCode, s -> Rules.apply(s, news, services.context()))
        .onFailure(e -> {
          if (!(e instanceof UnknownSessionException)) {
            LOG.warn("the earlier session did not learn the new date: {}", e.toString());
          }
        });
  }
}

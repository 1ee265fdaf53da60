package app.roundtable.server;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.SummaryFormat;
import app.roundtable.protocol.Frames;
import app.roundtable.protocol.Inbound;
import app.roundtable.protocol.SummaryView;
import io.vertx.core.Future;

/**
 * Answers the commands that are requests ({@link Command.Request}): what the asker alone receives
 * instead of an ack. The session is read fresh and the command's rule run on it, purely, so the
 * role and the values are checked exactly as for any command (nothing is written for the check);
 * then the summary is written, or the follow-up made ({@link FollowUps}). The connection gives the
 * answer (under its answer deadline) once the version it names was sent to it, so the asker's
 * state already shows what the answer says. Thread-safe: it holds nothing but the node's services.
 */
final class Requests {
  /**
   * What a request is answered with: {@code frame} for the asker once it was sent {@code version},
   * or a refusal. The connection gives it through the command's {@link Answer}.
   */
  record Reply(String frame, long version, Refusal refusal) {
    static Reply refuse(Refusal r) {
      return new Reply(null, 0, r);
    }
  }

  private final Services services;

  Requests(Services services) {
    this.services = services;
  }

  /** {@code base}: where links point, as the socket's upgrade request reached this node. */
  Future<Reply> answer(String code, String memberId, Inbound.Do d, String base) {
    return services.store.load(code).compose(s -> {
      if (s == null) return done(Reply.refuse(Refusal.of(Reason.UNKNOWN_SESSION, "This session no longer exists.")));
      Outcome check = Rules.apply(s, new Action(memberId, d.id(), d.command()), services.context());
      if (check instanceof Outcome.Refused r) return done(Reply.refuse(r.refusal()));
      // The member used this id for a command that was applied: the server never does it twice.
      if (check instanceof Outcome.Duplicate dup) return done(new Reply(Frames.ack(d.id(), dup.version()), dup.version(), null));
      if (d.command() instanceof Command.CreateFollowUp c) return followUp(s, d.id(), c, base);
      if (d.command() instanceof Command.GetSummary g) return done(summary(s, d.id(), g.format()));
      throw new IllegalStateException("no answer for " + d.command().getClass().getSimpleName());
    });
  }

  private Reply summary(Session s, String id, SummaryFormat asked) {
    SummaryFormat format = asked == null ? SummaryFormat.JSON : asked;
    long now = services.clock.getAsLong();
    String body = format == SummaryFormat.MARKDOWN ? SummaryView.markdown(s, now) : SummaryView.json(s, now);
    return new Reply(Frames.summary(id, format, body), s.version, null);
  }

  private Future<Reply> followUp(Session earlier, String id, Command.CreateFollowUp c, String base) {
    return services.followUps.create(earlier, c.title(), c.at(), c.minutes(), base).map(result -> {
      if (result instanceof FollowUps.Refused r) return Reply.refuse(r.refusal());
      FollowUps.Created f = (FollowUps.Created) result;
      return new Reply(Frames.followUp(id, f.code(), f.joinUrl(), f.displayUrl(), f.facilitatorKey()),
          f.earlierVersion(), null);
    });
  }

  private static Future<Reply> done(Reply a) {
    return Future.succeededFuture(a);
  }
}

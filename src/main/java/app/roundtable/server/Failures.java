package app.roundtable.server;

import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.UnknownSessionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client is told when the server failed its command or request, on a socket or over HTTP:
 * {@code unavailable} when the store did not answer (the outcome may be unknown; the client syncs
 * before it retries), {@code unknown_session} when the session went, else {@code internal}, which
 * is also logged: it is a bug.
 */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  static Refusal refusal(Throwable e) {
    if (e instanceof StoreUnavailableException) return unavailable();
    if (e instanceof UnknownSessionException) {
      return Refusal.of(Reason.UNKNOWN_SESSION, "This session no longer exists.");
    }
    LOG.atError().addKeyValue("event", "internal_error").setCause(e).log("request failed");
    return Refusal.of(Reason.INTERNAL, "Something went wrong on the server.");
  }

  /** The store did not answer (in time): the change may still land. */
  static Refusal unavailable() {
    return Refusal.of(Reason.UNAVAILABLE, "The server cannot reach its storage; try again in a moment.");
  }
}

package app.roundtable.protocol;

import app.roundtable.domain.Refusal.Reason;

/**
 * Every error the HTTP API answers with, as one table: the contract's error code and the status
 * that fits it. Some codes have several statuses, as HTTP distinguishes them: {@code forbidden} is
 * 401 without credentials and 403 with wrong ones; {@code limit_exceeded} is 400 for a field and
 * 413 for a whole body; {@code bad_request} is 415 for a body that is not JSON.
 */
public enum HttpError {
  BAD_REQUEST(Reason.BAD_REQUEST, 400),
  FIELD_TOO_LONG(Reason.LIMIT_EXCEEDED, 400),
  NO_CREDENTIALS(Reason.FORBIDDEN, 401),
  WRONG_CREDENTIALS(Reason.FORBIDDEN, 403),
  UNKNOWN_SESSION(Reason.UNKNOWN_SESSION, 404),
  NOT_FOUND(Reason.NOT_FOUND, 404),
  /** The request does not fit the session as it is (a second follow-up, say). */
  CONFLICT(Reason.INVALID_PHASE, 409),
  BODY_TOO_LARGE(Reason.LIMIT_EXCEEDED, 413),
  /** A POST body not sent as JSON (a cross-site form could send text/plain without a preflight). */
  UNSUPPORTED_MEDIA_TYPE(Reason.BAD_REQUEST, 415),
  RATE_LIMITED(Reason.RATE_LIMITED, 429),
  INTERNAL(Reason.INTERNAL, 500),
  UNAVAILABLE(Reason.UNAVAILABLE, 503);

  public final Reason reason;
  public final int status;

  HttpError(Reason reason, int status) {
    this.reason = reason;
    this.status = status;
  }

  /** The status a refusal of the rules answers with over HTTP (the first row for its code). */
  public static HttpError of(Reason reason) {
    for (HttpError e : values()) if (e.reason == reason) return e;
    return INTERNAL;
  }

  /** The body's {@code error} field. */
  public String code() {
    return Wire.code(reason);
  }

  /** The JSON body {@code {"error": code, "message": message}}. */
  public String body(String message) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("error", code());
      g.writeStringField("message", message);
      g.writeEndObject();
    });
  }
}

package app.roundtable.store;

/** No session with that code (never created, or expired). */
public class UnknownSessionException extends RuntimeException {
  public UnknownSessionException(String code) {
    super("no " + LogTag.session(code));
  }
}

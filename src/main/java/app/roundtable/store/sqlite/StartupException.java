package app.roundtable.store.sqlite;

/** The store cannot start; the message says why and what to do about it (shown to the operator as is). */
public final class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}

package app.roundtable.store;

/** The store holds as many sessions as it may: a new one is refused (nothing written) until some expire. */
public final class StoreFullException extends RuntimeException {
  public StoreFullException(String message) {
    super(message);
  }
}

package app.roundtable.protocol;

/** Takes what it needs from UTF-8 bytes it is lent: {@code utf8[0, length)}, valid during the call only. */
@FunctionalInterface
public interface Utf8Taker<T> {
  T take(byte[] utf8, int length);
}

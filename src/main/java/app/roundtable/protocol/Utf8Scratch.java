package app.roundtable.protocol;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * One reusable byte buffer per thread for JSON about to be copied somewhere exact: the state frame
 * into its wire bytes, a session into the store's record. Writing into a fresh growing buffer and
 * copying it out cost three to six times each frame's size in garbage (the largest share of the
 * allocation profile, docs/benchmarks.md); this buffer is written again and again, and only the
 * exact result is allocated.
 *
 * <p>Use it within one call on one thread ({@link #start()}, write, read {@link #array()} up to
 * {@link #length()}, done): nothing may keep a reference to the array. The store's session codec
 * writes through it too. A buffer that grew past
 * {@link #KEEP_BYTES} for one large session is dropped afterwards rather than held by the thread.
 */
public final class Utf8Scratch extends OutputStream {
  /** Enough for a large meeting's state (27 KB, SessionSizeTest); a larger one gets a buffer of its own. */
  static final int KEEP_BYTES = 64 * 1024;

  private static final ThreadLocal<Utf8Scratch> LOCAL = ThreadLocal.withInitial(Utf8Scratch::new);

  private byte[] buf = new byte[8 * 1024];
  private int length;

  private Utf8Scratch() {}

  /** This thread's buffer, emptied. */
  public static Utf8Scratch start() {
    Utf8Scratch s = LOCAL.get();
    if (s.buf.length > KEEP_BYTES) s.buf = new byte[8 * 1024];
    s.length = 0;
    return s;
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, length, len);
    length += len;
  }

  public byte[] array() {
    return buf;
  }

  public int length() {
    return length;
  }

  /** The bytes written, as an array of their own. */
  public byte[] copy() {
    return Arrays.copyOf(buf, length);
  }

  private void ensure(int more) {
    if (length + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
  }
}

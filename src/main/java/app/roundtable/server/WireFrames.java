package app.roundtable.server;

import io.netty.buffer.ByteBuf;

/**
 * Server-to-client WebSocket text messages as the bytes that go on the wire (RFC 6455 §5.2).
 *
 * <p>Frames from a server are not masked, so one encoding of a message suits every socket: the
 * state frame of a version is framed once per node and the same bytes are written to every
 * connection, with no per-socket frame object, encoder pass or header allocation. A message longer
 * than {@code maxFrame} is split into continuation frames, as Vert.x splits a long text message.
 */
final class WireFrames {
  private static final int FIN = 0x80;
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;

  private WireFrames() {}

  /** Bytes on the wire of a text message of {@code payload} bytes. */
  static int size(int payload, int maxFrame) {
    int size = 0;
    int left = payload;
    do {
      int n = Math.min(left, maxFrame);
      size += header(n) + n;
      left -= n;
    } while (left > 0);
    return size;
  }

  /** Appends the frames of the text message {@code utf8} to {@code out}. */
  static void writeText(ByteBuf out, byte[] utf8, int maxFrame) {
    writeText(out, utf8, utf8.length, maxFrame);
  }

  /** Appends the frames of the text message {@code utf8[0, length)} to {@code out}. */
  static void writeText(ByteBuf out, byte[] utf8, int length, int maxFrame) {
    int offset = 0;
    boolean first = true;
    do {
      int n = Math.min(length - offset, maxFrame);
      boolean last = offset + n == length;
      out.writeByte((last ? FIN : 0) | (first ? TEXT : CONTINUATION));
      if (n < 126) {
        out.writeByte(n);
      } else if (n <= 0xFFFF) {
        out.writeByte(126);
        out.writeShort(n);
      } else {
        out.writeByte(127);
        out.writeLong(n);
      }
      out.writeBytes(utf8, offset, n);
      offset += n;
      first = false;
    } while (offset < length);
  }

  private static int header(int n) {
    return n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
  }
}

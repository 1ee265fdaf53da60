package app.roundtable.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A member on a slow line: one WebSocket on a plain blocking socket, read no faster than
 * {@code bytesPerSecond}, on its own thread.
 *
 * <p>How the line is made slow, and how honest that is: the socket's receive buffer is shrunk
 * before connecting (the kernel doubles what is asked: 16 KiB gives a window of about 32 KiB),
 * and the reader takes at most 8 KiB at a time and sleeps until the bytes it has read so far are
 * due at the line's rate. So the server sees what a 1 MB/s line shows a sender: a receive window
 * that opens only as fast as the line drains, its own send buffer filling, then its write queue
 * (which it bounds at 1 MiB before it resets the client). What loopback does not have: the line's
 * round trip and the bytes in flight in the network; on a real line some 10-100 KB more sit
 * between the two, which the server cannot see either. Loopback's large send buffer (autotuned up
 * to {@code net.ipv4.tcp_wmem}'s maximum) holds more before the server's queue grows than a
 * typical server socket would, so a reset here comes no earlier than on a real line.
 *
 * <p>Records the arrival time of every state version (when its last fragment was read), the bytes
 * and messages read, and whether and how the server closed the socket.
 */
final class SlowLine implements Runnable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CHUNK = 8 * 1024;

  private final String host;
  private final int port;
  private final String source;
  private final String joinJson;
  private final long bytesPerSecond;
  private final int receiveBuffer;

  /** State version → System.nanoTime of its complete arrival. */
  final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong stateMessages = new AtomicLong();
  /** The newest state version read whole. */
  volatile long lastV = -1;
  volatile boolean joined;
  volatile boolean closed;
  /** Why the socket ended when the server ended it: a close frame's status, a reset, an end of stream. */
  volatile String closeReason;
  volatile long closedAt;
  /** Set by the driver at the end of the run, so that the end is not counted as a disconnect. */
  volatile boolean stopping;
  volatile String error;

  private Socket socket;
  private OutputStream out;
  private long lineFree;
  /** How long the line takes to fill the receive window: the most it can run ahead of a sleeping reader. */
  private long windowNanos;

  SlowLine(String host, int port, String source, String joinJson, long bytesPerSecond, int receiveBuffer) {
    this.host = host;
    this.port = port;
    this.source = source;
    this.joinJson = joinJson;
    this.bytesPerSecond = bytesPerSecond;
    this.receiveBuffer = receiveBuffer;
  }

  Thread start() {
    Thread t = new Thread(this, "slow-line");
    t.setDaemon(true);
    t.start();
    return t;
  }

  void stop() {
    stopping = true;
    try {
      if (socket != null) socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void run() {
    try {
      socket = new Socket();
      socket.setReceiveBufferSize(receiveBuffer); // before connect: it sets the window offered
      if (source != null) socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress(host, port), 10_000);
      out = socket.getOutputStream();
      windowNanos = socket.getReceiveBufferSize() * 1_000_000_000L / bytesPerSecond;
      InputStream in = new Paced(socket.getInputStream());
      handshake(in);
      sendFrame(0x1, joinJson.getBytes(StandardCharsets.UTF_8));
      readFrames(in);
    } catch (IOException e) {
      if (!stopping) {
        closeReason = closeReason != null ? closeReason : "reset or error: " + e.getMessage();
      }
    } finally {
      if (!stopping && !closed) {
        closed = true;
        closedAt = System.nanoTime();
        if (closeReason == null) closeReason = "end of stream";
      }
    }
  }

  private void handshake(InputStream in) throws IOException {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    String req = "GET /ws HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    out.write(req.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) throw new EOFException("closed during the handshake");
      head.append((char) c);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + head.toString().lines().findFirst().orElse(""));
    }
  }

  private void readFrames(InputStream in) throws IOException {
    long messageV = -1;
    boolean inState = false;
    while (true) {
      int b0 = in.read();
      if (b0 < 0) throw new EOFException("end of stream");
      int b1 = readByte(in);
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0f;
      long len = b1 & 0x7f;
      if (len == 126) len = (readByte(in) << 8) | readByte(in);
      else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) len = (len << 8) | readByte(in);
      }
      byte[] payload = in.readNBytes((int) len);
      if (payload.length < len) throw new EOFException("end of stream inside a frame");
      bytes.addAndGet(2 + len);
      switch (opcode) {
        case 0x1 -> {
          inState = payload.length > 9 && payload[9] == 's';
          messageV = inState ? version(payload) : -1;
          if (payload.length > 9 && payload[9] == 'w') joined = true;
          if (payload.length > 9 && payload[9] == 'e' && !joined) error = new String(payload, StandardCharsets.UTF_8);
        }
        case 0x0 -> { } // a continuation of the message in progress
        case 0x8 -> {
          int status = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
          closeReason = "closed by the server: " + status + " "
              + new String(payload, Math.min(2, payload.length), Math.max(0, payload.length - 2), StandardCharsets.UTF_8);
          return;
        }
        case 0x9 -> sendFrame(0xA, payload); // a ping: the pong keeps the socket alive
        default -> { }
      }
      if (fin && (opcode == 0x1 || opcode == 0x0) && inState) {
        if (messageV >= 0) {
          arrivals.put(messageV, System.nanoTime());
          lastV = messageV;
        }
        stateMessages.incrementAndGet();
        inState = false;
      }
    }
  }

  /** The number after {"type":"state","v": (byte 18 on): the frame's own layout, see Frames.state. */
  private static long version(byte[] p) {
    int i = 0;
    while (i + 4 < p.length && !(p[i] == '"' && p[i + 1] == 'v' && p[i + 2] == '"' && p[i + 3] == ':')) i++;
    i += 4;
    long v = 0;
    int start = i;
    while (i < p.length && p[i] >= '0' && p[i] <= '9') v = v * 10 + (p[i++] - '0');
    return i == start ? -1 : v;
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) throw new EOFException("end of stream inside a frame header");
    return b;
  }

  /** A client frame: masked, as RFC 6455 requires. */
  private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream(payload.length + 14);
    f.write(0x80 | opcode);
    if (payload.length < 126) f.write(0x80 | payload.length);
    else if (payload.length < 65536) {
      f.write(0x80 | 126);
      f.write(payload.length >> 8);
      f.write(payload.length & 0xff);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) f.write((int) ((long) payload.length >> (8 * i)) & 0xff);
    }
    f.write(mask);
    for (int i = 0; i < payload.length; i++) f.write(payload[i] ^ mask[i & 3]);
    out.write(f.toByteArray());
    out.flush();
  }

  /** Reads at most {@link #CHUNK} bytes at a time, then sleeps until they are due at the line's rate. */
  private final class Paced extends java.io.FilterInputStream {
    Paced(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long before = System.nanoTime();
      int n = super.read(b, off, Math.min(len, CHUNK));
      if (n > 0) pace(n, before, System.nanoTime());
      return n;
    }

    /**
     * The line delivers {@code n} bytes after the ones before them: from when they were there to
     * send. A read that had to wait found the line idle (it starts again from now, a line saves no
     * credit); a read that found bytes waiting continues the line's schedule, which may have run
     * ahead while this thread slept too long, but by no more than the receive window (the kernel
     * holds no more for us than that).
     */
    private void pace(int n, long before, long after) throws IOException {
      boolean waited = after - before > 200_000;
      long start = waited ? Math.max(lineFree, after) : Math.max(lineFree, before - windowNanos);
      lineFree = start + n * 1_000_000_000L / bytesPerSecond;
      long wait = lineFree - after;
      if (wait <= 0) return;
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
  }
}

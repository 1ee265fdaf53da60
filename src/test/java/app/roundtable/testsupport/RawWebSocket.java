package app.roundtable.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client written by hand on a plain {@link Socket}, for what a well-behaved client
 * library won't do: send any handshake headers, look at a refused handshake's status, and stop
 * reading altogether (a slow consumer). Blocking; one thread at a time.
 */
public final class RawWebSocket implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  /** The handshake's HTTP status: 101 when upgraded. */
  public final int status;
  /** The handshake response's headers, names in lower case. */
  public final Map<String, String> headers;

  /** A frame as received: opcode and payload. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status of a close frame, or -1 when it carries none. */
    public int closeStatus() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
    }
  }

  private RawWebSocket(Socket socket, int status, Map<String, String> headers) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.status = status;
    this.headers = headers;
  }

  /**
   * Opens {@code /ws} on localhost with the given extra headers (Origin, say). {@code receiveBuffer}
   * above 0 shrinks the socket's receive buffer, so a client that stops reading backs up sooner.
   */
  public static RawWebSocket open(int port, Map<String, String> extra, int receiveBuffer) {
    try {
      Socket s = new Socket();
      if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(5000);
      byte[] nonce = new byte[16];
      RANDOM.nextBytes(nonce);
      StringBuilder req = new StringBuilder()
          .append("GET /ws HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n")
          .append("Upgrade: websocket\r\n")
          .append("Connection: Upgrade\r\n")
          .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
          .append("Sec-WebSocket-Version: 13\r\n");
      extra.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      req.append("\r\n");
      s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      String statusLine = line(in);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String l = line(in); !l.isEmpty(); l = line(in)) {
        int colon = l.indexOf(':');
        if (colon > 0) headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      return new RawWebSocket(s, status, headers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) throw new EOFException("connection closed during the handshake");
      if (c != '\r') b.write(c);
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  public void sendText(String text) {
    sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A client frame: FIN set, masked as RFC 6455 requires. */
  public void sendFrame(int opcode, byte[] payload) {
    try {
      ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
      f.write(0x80 | opcode);
      if (payload.length < 126) {
        f.write(0x80 | payload.length);
      } else if (payload.length < 65536) {
        f.write(0x80 | 126);
        f.write(payload.length >>> 8);
        f.write(payload.length & 0xff);
      } else {
        f.write(0x80 | 127);
        for (int i = 7; i >= 0; i--) f.write((int) (((long) payload.length >>> (8 * i)) & 0xff));
      }
      byte[] mask = new byte[4];
      RANDOM.nextBytes(mask);
      f.write(mask);
      for (int i = 0; i < payload.length; i++) f.write(payload[i] ^ mask[i & 3]);
      out.write(f.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers a server's close frame, completing the closing handshake. */
  public void sendClose(int status) {
    sendFrame(0x8, new byte[] {(byte) (status >>> 8), (byte) status});
  }

  /** The next frame, or null at end of stream; waits at most {@code timeoutMs} for its start. */
  public Frame readFrame(int timeoutMs) {
    try {
      socket.setSoTimeout(timeoutMs);
      int b0 = in.read();
      if (b0 < 0) return null;
      int b1 = readByte();
      long len = b1 & 0x7f;
      if (len == 126) len = (readByte() << 8) | readByte();
      else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) len = (len << 8) | readByte();
      }
      byte[] payload = in.readNBytes((int) len);
      if (payload.length < len) return null;
      return new Frame(b0 & 0x0f, payload);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame within " + timeoutMs + " ms");
    } catch (IOException e) {
      return null;
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) throw new EOFException();
    return b;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}

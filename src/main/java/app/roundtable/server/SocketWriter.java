package app.roundtable.server;

import app.roundtable.protocol.CloseReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.charset.StandardCharsets;

/**
 * What goes out on one socket, modelled on OkHttp's {@code WebSocketWriter}: owns the writes of our
 * text messages (ready-framed, straight into the socket's Netty channel), corking (one flush for
 * the writes of one delivery), the bound on unsent bytes and the reset of a slow consumer. The one
 * class below Vert.x: Vert.x has no public way to the channel ({@code WebSocketInternal} is the
 * only internal type the server uses). Runs on the socket's event loop only.
 *
 * <p>Why below Vert.x: its per-message path (queue, frame object, encoder pass, write promise) was
 * about a tenth of the CPU per delivered frame in the profile, and the pipeline's handlers only
 * pass our bytes on (the idle handler wraps every write in a promise with a listener). So frames
 * enter at the pipeline's head, or just below a TLS handler that must encrypt them. Every text
 * message of the socket goes this way, on its loop, so they keep their order; the pings and the
 * close frame Vert.x writes queue behind what is already written. Idleness is judged on what the
 * client sends (its pongs), which this does not touch.
 */
final class SocketWriter {
  /** Bytes a client may leave unread before it is disconnected (it stopped reading). */
  static final int MAX_UNSENT_BYTES = 1 << 20;

  private final ServerWebSocket ws;
  /** The socket's Netty handler context: our text messages are written here, ready-framed. */
  private final ChannelHandlerContext netty;
  /** TLS terminates at the node (not our deployment, where the gateway does it): frames must pass the SslHandler. */
  private final boolean encrypted;
  private final int maxFrame;
  private final Metrics metrics;
  /** Called once when this writer dropped the socket because the client stopped reading. */
  private final Runnable onTooSlow;
  /** While set, writes wait for one flush (one syscall for a delivery's state, view and acks). */
  private boolean corked;

  SocketWriter(ServerWebSocket ws, int maxFrame, Metrics metrics, Runnable onTooSlow) {
    this.ws = ws;
    this.netty = ((WebSocketInternal) ws).channelHandlerContext();
    this.encrypted = netty.pipeline().get(SslHandler.class) != null;
    this.maxFrame = maxFrame;
    this.metrics = metrics;
    this.onTooSlow = onTooSlow;
    ws.setWriteQueueMaxSize(MAX_UNSENT_BYTES);
  }

  /** One text message: framed here ({@link WireFrames}) and written straight to the socket. */
  void send(String text) {
    if (!writable()) return;
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf wire = netty.alloc().directBuffer(WireFrames.size(utf8.length, maxFrame));
    WireFrames.writeText(wire, utf8, maxFrame);
    metrics.frameSent(false);
    write(wire);
  }

  /**
   * A message already framed for the wire and shared by every connection of the session: this
   * writes a retained duplicate, the caller keeps its own reference.
   */
  void sendShared(ByteBuf wire) {
    if (!writable()) return;
    metrics.frameSent(true);
    write(wire.retainedDuplicate());
  }

  /** Runs {@code writes} corked: what they send goes out in one flush at the end. */
  <T> T corked(java.util.function.Supplier<T> writes) {
    corked = true;
    try {
      return writes.get();
    } finally {
      corked = false;
      ChannelHandlerContext head = head();
      if (head != null) head.flush();
    }
  }

  void ping() {
    if (!ws.isClosed()) ws.writePing(Buffer.buffer());
  }

  void close(CloseReason reason) {
    close(reason, reason.text);
  }

  void close(CloseReason reason, String text) {
    if (!ws.isClosed()) ws.close(reason.status, text);
  }

  boolean isClosed() {
    return ws.isClosed();
  }

  private void write(ByteBuf wire) {
    ChannelHandlerContext head = head();
    if (head == null) { // the pipeline is being torn down
      wire.release();
      return;
    }
    if (corked) head.write(wire, head.voidPromise());
    else head.writeAndFlush(wire, head.voidPromise());
  }

  /** Where our frames enter the pipeline: at its head, unless a TLS handler must encrypt them. */
  private ChannelHandlerContext head() {
    return encrypted ? netty : netty.pipeline().firstContext();
  }

  /** False when closed; drops a client that stopped reading rather than buffer for it. */
  private boolean writable() {
    if (ws.isClosed()) return false;
    ChannelOutboundBuffer unsent = netty.channel().unsafe().outboundBuffer();
    if (unsent == null) return false; // the channel is closing
    if (unsent.totalPendingWriteBytes() > MAX_UNSENT_BYTES) {
      // It stopped reading: drop it rather than buffer for it; the others never wait. A close
      // frame would queue behind the full buffer and the socket would linger until the idle
      // timeout, the member showing online meanwhile: reset the TCP connection now instead, so
      // the close handler marks the member offline at once.
      metrics.slowConsumer();
      onTooSlow.run();
      netty.channel().config().setOption(ChannelOption.SO_LINGER, 0);
      // At the transport, past the pipeline: a close through it would wait to flush the buffer.
      netty.channel().unsafe().close(netty.channel().voidPromise());
      return false;
    }
    return true;
  }
}

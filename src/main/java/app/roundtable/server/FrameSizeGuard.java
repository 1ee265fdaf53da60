package app.roundtable.server;

import app.roundtable.protocol.CloseReason;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's limit on a client's messages: over it, the socket is closed with 1009. Vert.x's
 * own message limit only reports an over-size message and keeps the socket, and a single frame
 * over the limit fails in Netty's decoder, after which Vert.x drops the TCP connection without a
 * close frame; this sends the close frame the contract promises in both cases. Runs on the
 * socket's event loop.
 */
final class FrameSizeGuard {
  private static final Logger LOG = LoggerFactory.getLogger(FrameSizeGuard.class);

  private final SocketWriter out;
  private final int limit;
  /** Bytes of the message being received so far, over its frames. */
  private int messageBytes;

  private FrameSizeGuard(SocketWriter out, int limit) {
    this.out = out;
    this.limit = limit;
  }

  /** Watches {@code ws}'s frames and errors (its frame and exception handlers are this guard's). */
  static void watch(ServerWebSocket ws, SocketWriter out, int limit) {
    FrameSizeGuard guard = new FrameSizeGuard(out, limit);
    ws.frameHandler(guard::count);
    ws.exceptionHandler(guard::onError);
  }

  private void count(WebSocketFrame f) {
    if (f.isClose() || f.type() == WebSocketFrameType.PING || f.type() == WebSocketFrameType.PONG) return;
    messageBytes = (f.isContinuation() ? messageBytes : 0) + f.binaryData().length();
    if (messageBytes > limit) tooBig();
    if (f.isFinal()) messageBytes = 0;
  }

  private void onError(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException c && c.closeStatus().code() == CloseReason.TOO_BIG.status) {
      tooBig();
    } else {
      LOG.debug("socket error: {}", e.toString());
    }
  }

  private void tooBig() {
    out.close(CloseReason.TOO_BIG, "Frames are limited to " + limit + " bytes.");
  }
}

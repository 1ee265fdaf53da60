package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Our ready-made frames are byte for byte what Netty's own server encoder writes, and decode back. */
class WireFramesTest {
  private static final int MAX = 16 * 1024;

  @Test
  void everyLengthFormMatchesNettysEncoder() {
    for (int n : new int[] {0, 1, 125, 126, 127, 2173, 65535 - 1, MAX}) {
      byte[] payload = payload(n);
      assertArrayEquals(netty(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))), ours(payload, 1 << 20),
          "payload of " + n + " bytes");
    }
    byte[] big = payload(70_000); // the 8-byte length form
    assertArrayEquals(netty(new TextWebSocketFrame(Unpooled.wrappedBuffer(big))), ours(big, 1 << 20));
  }

  @Test
  void aMessageOverTheFrameLimitIsSplitIntoContinuationFrames() {
    byte[] payload = payload(2 * MAX + 10);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(netty(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(payload, 0, MAX))));
    expected.writeBytes(netty(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(payload, MAX, MAX))));
    expected.writeBytes(netty(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(payload, 2 * MAX, 10))));
    byte[] wire = ours(payload, MAX);
    assertArrayEquals(expected.toByteArray(), wire);
    assertEquals(wire.length, WireFrames.size(payload.length, MAX));

    // And a client's decoder puts the message back together.
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(
        WebSocketDecoderConfig.newBuilder().expectMaskedFrames(false).maxFramePayloadLength(MAX).build()));
    client.writeInbound(Unpooled.wrappedBuffer(wire));
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    for (WebSocketFrame f; (f = client.readInbound()) != null; f.release()) {
      received.writeBytes(ByteBufUtil.getBytes(f.content()));
    }
    assertArrayEquals(payload, received.toByteArray());
  }

  @Test
  void sizeIsExactForEveryForm() {
    for (int n : new int[] {0, 5, 125, 126, 65535, 65536, 100_000}) {
      assertEquals(ours(payload(n), 1 << 20).length, WireFrames.size(n, 1 << 20));
      assertEquals(ours(payload(n), 1000).length, WireFrames.size(n, 1000));
    }
  }

  private static byte[] payload(int n) {
    byte[] b = "é{\"type\":\"state\"}".repeat(n / 10 + 1).getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(b, n);
  }

  private static byte[] ours(byte[] payload, int max) {
    ByteBuf out = Unpooled.buffer();
    WireFrames.writeText(out, payload, max);
    return ByteBufUtil.getBytes(out);
  }

  private static byte[] netty(WebSocketFrame frame) {
    EmbeddedChannel ch = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
    ch.writeOutbound(frame);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf b; (b = ch.readOutbound()) != null; b.release()) out.writeBytes(ByteBufUtil.getBytes(b));
    return out.toByteArray();
  }
}

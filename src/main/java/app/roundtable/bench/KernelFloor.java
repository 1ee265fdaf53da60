package app.roundtable.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The physical floor: what the kernel charges for one write of a frame to a loopback TCP socket,
 * with no framework at all. A plain blocking {@link Socket} per connection (TCP_NODELAY, as the
 * server sets), one {@code write} per frame, round-robin over {@code connections} sockets; the far
 * ends are drained by another thread through a selector. The writer thread's own CPU time
 * ({@code /proc/thread-self/stat}) divided by the writes is the floor: it includes the loopback
 * delivery the kernel does in the writer's context, exactly as it does for the server's writes.
 */
final class KernelFloor {
  record Result(int connections, int frameBytes, long writes, double wallSec, double userUsPerWrite,
      double sysUsPerWrite) {
    double totalUsPerWrite() {
      return userUsPerWrite + sysUsPerWrite;
    }
  }

  private KernelFloor() {}

  /** Writes frames of {@code frameBytes} for about {@code seconds} (at least 20 000 writes). */
  static Result measure(int connections, int frameBytes, double seconds) throws IOException, InterruptedException {
    List<Socket> writers = new ArrayList<>(connections);
    List<SocketChannel> readers = new ArrayList<>(connections);
    Selector selector = Selector.open();
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
      int port = server.getLocalPort();
      for (int i = 0; i < connections; i++) {
        SocketChannel ch = SocketChannel.open();
        // Spread over loopback sources, as the load generator does, so ephemeral ports never run out.
        ch.bind(new InetSocketAddress(LoadGenerator.loopbackSource(i), 0));
        ch.connect(new InetSocketAddress("127.0.0.1", port));
        Socket w = server.accept();
        w.setTcpNoDelay(true);
        writers.add(w);
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ);
        readers.add(ch);
      }
      Thread drain = new Thread(() -> drain(selector), "floor-drain");
      drain.setDaemon(true);
      drain.start();

      byte[] frame = new byte[frameBytes];
      Arrays.fill(frame, (byte) 'x');
      OutputStream[] outs = new OutputStream[connections];
      for (int i = 0; i < connections; i++) outs[i] = writers.get(i).getOutputStream();
      // Warm up the code path (and the JIT) before measuring.
      for (int i = 0; i < Math.min(20_000, connections * 4); i++) outs[i % connections].write(frame);

      long[] before = ProcStat.cpu("thread-self");
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      long writes = 0;
      while (writes < 20_000 || System.nanoTime() < deadline) {
        for (int k = 0; k < 1000; k++) {
          outs[(int) (writes % connections)].write(frame);
          writes++;
        }
      }
      long wall = System.nanoTime() - start;
      long[] after = ProcStat.cpu("thread-self");
      drain.interrupt();
      return new Result(connections, frameBytes, writes, wall / 1e9,
          (after[0] - before[0]) / 1e3 / writes, (after[1] - before[1]) / 1e3 / writes);
    } finally {
      for (Socket s : writers) closeQuietly(s);
      for (SocketChannel c : readers) closeQuietly(c);
      closeQuietly(selector);
    }
  }

  private static void drain(Selector selector) {
    ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
    try {
      while (!Thread.currentThread().isInterrupted() && selector.isOpen()) {
        selector.select(100);
        for (SelectionKey k : selector.selectedKeys()) {
          SocketChannel ch = (SocketChannel) k.channel();
          int n;
          do {
            buf.clear();
            n = ch.read(buf);
          } while (n > 0);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | java.nio.channels.ClosedSelectorException e) {
      // closed at the end of the measurement
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing to do
    }
  }
}

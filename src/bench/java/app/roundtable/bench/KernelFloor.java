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
  /**
   * {@code pace}: null for writes back to back; else bursts of {@code burst} writes (one per
   * connection, as a version goes to a session's clients) {@code burstsPerSec} times a second.
   */
  record Result(Pace pace, int connections, int frameBytes, long writes, double wallSec, double userUsPerWrite,
      double sysUsPerWrite, long[] perf, double readerUsPerWrite) {
    double totalUsPerWrite() {
      return userUsPerWrite + sysUsPerWrite;
    }

    /** {user, kernel} µs per write: the /proc total split by perf's samples when taken (see {@link PerfSplit}). */
    double[] userKernelUs() {
      return PerfSplit.split(userUsPerWrite, sysUsPerWrite, perf);
    }

    String describe() {
      return pace == null ? "back to back" : String.format(java.util.Locale.ROOT,
          "%d writes (one per connection) %.0f times a second, as the load sends versions", pace.burst, pace.burstsPerSec);
    }
  }

  record Pace(int burst, double burstsPerSec) {}

  private KernelFloor() {}

  /** Writes frames of {@code frameBytes} back to back for about {@code seconds} (at least 20 000 writes). */
  static Result measure(int connections, int frameBytes, double seconds, boolean perf) throws IOException, InterruptedException {
    return measure(connections, frameBytes, seconds, null, perf);
  }

  /**
   * As the load does it: a burst of writes to consecutive connections, {@code pace.burstsPerSec}
   * times a second, the writer sleeping in between and the readers woken by the data. What the
   * kernel charges per write then includes waking the reader and the writer's own wake-ups, which
   * the server pays as well and the back-to-back floor mostly does not.
   */
  static Result measure(int connections, int frameBytes, double seconds, Pace pace, boolean perf)
      throws IOException, InterruptedException {
    List<Socket> writers = new ArrayList<>(connections);
    List<SocketChannel> readers = new ArrayList<>(connections);
    // Back to back: one reader. Paced: two, as the load generator reads on two event loops.
    int readerThreads = pace == null ? 1 : 2;
    List<Selector> selectors = new ArrayList<>();
    for (int i = 0; i < readerThreads; i++) selectors.add(Selector.open());
    List<Thread> drains = new ArrayList<>();
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
        ch.register(selectors.get(i % readerThreads), SelectionKey.OP_READ);
        readers.add(ch);
      }
      java.util.concurrent.ConcurrentLinkedQueue<Long> readerTids = new java.util.concurrent.ConcurrentLinkedQueue<>();
      for (Selector sel : selectors) {
        Thread drain = new Thread(() -> {
          readerTids.add(PerfSplit.currentTid());
          drain(sel);
        }, "floor-drain");
        drain.setDaemon(true);
        drain.start();
        drains.add(drain);
      }

      byte[] frame = new byte[frameBytes];
      Arrays.fill(frame, (byte) 'x');
      OutputStream[] outs = new OutputStream[connections];
      for (int i = 0; i < connections; i++) outs[i] = writers.get(i).getOutputStream();
      // Warm up the code path (and the JIT) before measuring.
      for (int i = 0; i < Math.min(20_000, connections * 4); i++) outs[i % connections].write(frame);
      Thread.sleep(200);

      PerfSplit sampling = perf ? PerfSplit.start(PerfSplit.list(PerfSplit.currentTid()), true) : null;
      long readersBefore = readersCpu(readerTids);
      long[] before = ProcStat.cpu("thread-self");
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      long writes = 0;
      if (pace == null) {
        while (writes < 20_000 || System.nanoTime() < deadline) {
          for (int k = 0; k < 1000; k++) {
            outs[(int) (writes % connections)].write(frame);
            writes++;
          }
        }
      } else {
        long period = (long) (1e9 / pace.burstsPerSec);
        long next = start;
        while (writes < 20_000 || System.nanoTime() < deadline) {
          next += period;
          long wait = next - System.nanoTime();
          if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
          for (int k = 0; k < pace.burst; k++) {
            outs[(int) (writes % connections)].write(frame);
            writes++;
          }
        }
      }
      long wall = System.nanoTime() - start;
      long[] after = ProcStat.cpu("thread-self");
      Thread.sleep(100); // the last writes are read
      long readersAfter = readersCpu(readerTids);
      long[] samples = sampling == null ? null : sampling.stop();
      return new Result(pace, connections, frameBytes, writes, wall / 1e9,
          (after[0] - before[0]) / 1e3 / writes, (after[1] - before[1]) / 1e3 / writes, samples,
          (readersAfter - readersBefore) / 1e3 / writes);
    } finally {
      for (Thread t : drains) t.interrupt();
      for (Socket s : writers) closeQuietly(s);
      for (SocketChannel c : readers) closeQuietly(c);
      for (Selector sel : selectors) closeQuietly(sel);
    }
  }

  /** CPU (user + system ns) of the reading threads: what receiving the frames costs the far end. */
  private static long readersCpu(java.util.Collection<Long> tids) {
    long sum = 0;
    for (long tid : tids) {
      long[] c = ProcStat.cpu("self/task/" + tid);
      sum += Math.max(0, c[0]) + Math.max(0, c[1]);
    }
    return sum;
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

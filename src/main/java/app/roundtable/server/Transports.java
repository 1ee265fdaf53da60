package app.roundtable.server;

import io.vertx.core.transport.Transport;
import java.util.List;

/**
 * Which kernel interface the event loops use (TRANSPORT). {@code auto} (the default) is epoll,
 * else the JDK's NIO selector, which works everywhere. {@code io_uring} (Netty 4.2's transport,
 * many socket writes per system call) is there to be measured and chosen on purpose, not by
 * default: with the Netty of this Vert.x (4.2.12) its write path fails its own assertion
 * ({@code IoUringIoHandler.iovArray}, from {@code scheduleWriteMultiple} after a write completes)
 * under the suite's sessions, and members' sockets then stall — docs/benchmarks.md, "Capacity as
 * a user runs it", has the figures and the trace. A transport the kernel lacks (io_uring disabled by
 * {@code kernel.io_uring_disabled}, or blocked by a container's seccomp profile) falls back to the
 * next, so a node always starts; the log line "listening" names the one in use.
 */
final class Transports {
  private Transports() {}

  static Transport choose(String name) {
    List<Transport> order = switch (name) {
      case "nio" -> List.of(Transport.NIO);
      case "io_uring" -> List.of(Transport.IO_URING, Transport.EPOLL, Transport.NIO);
      default -> List.of(Transport.EPOLL, Transport.NIO);
    };
    for (Transport t : order) if (t != null && t.available()) return t;
    return Transport.NIO;
  }
}

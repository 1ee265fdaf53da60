package app.roundtable.server;

import io.vertx.core.transport.Transport;
import java.util.List;

/**
 * Which kernel interface the event loops use (TRANSPORT). {@code auto} takes the first this kernel
 * offers, in the order of what they cost per delivered frame in the benchmark (docs/benchmarks.md,
 * "Capacity as a user runs it"): io_uring submits many socket writes in one system call, epoll
 * makes one per write, and NIO (the JDK's selector) works everywhere. A named transport the kernel
 * lacks (io_uring disabled by {@code kernel.io_uring_disabled}, or in a container whose seccomp
 * profile blocks it) falls back the same way, so a node always starts; the log line "listening"
 * says which one it runs.
 */
final class Transports {
  private Transports() {}

  static Transport choose(String name) {
    List<Transport> order = switch (name) {
      case "nio" -> List.of(Transport.NIO);
      case "epoll" -> List.of(Transport.EPOLL, Transport.NIO);
      default -> List.of(Transport.IO_URING, Transport.EPOLL, Transport.NIO);
    };
    for (Transport t : order) if (t != null && t.available()) return t;
    return Transport.NIO;
  }
}

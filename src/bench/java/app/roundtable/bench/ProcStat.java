package app.roundtable.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of a process or thread from {@code /proc/.../stat} (Linux only): user and kernel time
 * apart, in nanoseconds (the kernel counts in clock ticks of 10 ms, so measure over seconds).
 */
final class ProcStat {
  /** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
  static final long NANOS_PER_TICK = 10_000_000L;

  private ProcStat() {}

  /** {user, system} nanoseconds of {@code /proc/<what>/stat}: a pid, "self" or "thread-self". */
  static long[] cpu(String what) {
    try {
      String s = Files.readString(Path.of("/proc", what, "stat"));
      // The command name is in parentheses and may contain spaces: fields count from after it.
      String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
      // After ')' come: state(3) ppid(4) ... utime(14) stime(15), so index 11 and 12 here.
      return new long[] {Long.parseLong(f[11]) * NANOS_PER_TICK, Long.parseLong(f[12]) * NANOS_PER_TICK};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /** Summed {user, system} of several processes; negative when any is unreadable. */
  static long[] cpu(List<Long> pids) {
    long u = 0, k = 0;
    for (long pid : pids) {
      long[] c = cpu(Long.toString(pid));
      if (c[0] < 0) return new long[] {-1, -1};
      u += c[0];
      k += c[1];
    }
    return new long[] {u, k};
  }

  /**
   * CPU (user + system nanoseconds) of every thread of {@code pid}, summed by thread name with its
   * digits dropped ("GC Thread#0" and "GC Thread#1" → "GC Thread#"), to tell event loops from GC
   * and JIT. Empty when unreadable.
   */
  static java.util.Map<String, long[]> threads(long pid) {
    java.util.Map<String, long[]> out = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String s = Files.readString(t.resolve("stat"));
          String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).replaceAll("[0-9]+", "");
          String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
          long[] acc = out.computeIfAbsent(name, k -> new long[2]);
          acc[0] += Long.parseLong(f[11]) * NANOS_PER_TICK;
          acc[1] += Long.parseLong(f[12]) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return out;
  }

  /** Resident set size in bytes (VmRSS), or -1. */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /**
   * Bytes of live objects in {@code pid}'s heap, through {@code jcmd GC.class_histogram} (which
   * collects first); -1 when jcmd is missing or fails.
   */
  static long heapAfterGc(long pid) {
    try {
      // The class histogram collects first (live objects only) and counts their bytes exactly; the
      // heap's "used" figures also count what the collector has not given back, and with a large
      // young generation they swung by tens of MB between identical runs.
      String histogram = run("jcmd", Long.toString(pid), "GC.class_histogram");
      Matcher m = TOTAL.matcher(histogram);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  /** {@code jcmd <pid> args...}; returns its output, or the error. */
  static String jcmd(long pid, String... args) {
    String[] cmd = new String[args.length + 2];
    cmd[0] = "jcmd";
    cmd[1] = Long.toString(pid);
    System.arraycopy(args, 0, cmd, 2, args.length);
    try {
      return run(cmd);
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}

package app.roundtable.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How a process's (or thread's) CPU time splits between user space and the kernel, by sampling:
 * {@code perf record -e cpu-clock} at ~500 Hz, then the share of samples whose instruction pointer
 * was in the kernel.
 *
 * <p>Why not {@code /proc/<pid>/stat}: its utime/stime split is itself a sample, taken at the
 * scheduler tick, and on this VM the tick is not independent of what the threads do (it fires on
 * the way out of idle, inside the kernel): identical runs split 3.5 + 1.0 s one time and
 * 1.9 + 1.9 s the next. perf's cpu-clock timer runs only while the sampled task runs, so its
 * samples fall evenly over the task's own CPU time. The total still comes from /proc.
 */
final class PerfSplit {
  private final Process perf;
  private final Path data;

  private PerfSplit(Process perf, Path data) {
    this.perf = perf;
    this.data = data;
  }

  /** True when {@code perf} runs here (Debian's linux-perf); the benchmark works without it. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("perf", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Starts sampling the processes {@code pids} ({@code threads}: thread ids instead). */
  static PerfSplit start(List<Long> ids, boolean threads) throws InterruptedException {
    try {
      return begin(ids, threads);
    } catch (IOException e) {
      return null;
    }
  }

  private static PerfSplit begin(List<Long> ids, boolean threads) throws IOException, InterruptedException {
    Path data = Files.createTempFile("bench-perf", ".data");
    String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    Process p = new ProcessBuilder("perf", "record", "-q", "-e", "cpu-clock", "-F", "499", threads ? "-t" : "-p", list,
        "-o", data.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Thread.sleep(200); // perf attaches
    return new PerfSplit(p, data);
  }

  /** Stops sampling; {user samples, kernel samples}, or null when perf failed. */
  long[] stop() {
    try {
      perf.destroy(); // SIGTERM: perf writes its data and exits
      if (!perf.waitFor(30, TimeUnit.SECONDS)) {
        perf.destroyForcibly();
        return null;
      }
      Process script = new ProcessBuilder("perf", "script", "-i", data.toString(), "-F", "ip,dso")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      long user = 0, kernel = 0;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) continue;
          if (line.contains("[kernel.")) kernel++;
          else user++;
        }
      }
      script.waitFor(60, TimeUnit.SECONDS);
      return user + kernel == 0 ? null : new long[] {user, kernel};
    } catch (IOException | InterruptedException e) {
      return null;
    } finally {
      try {
        Files.deleteIfExists(data);
        Files.deleteIfExists(Path.of(data + ".old"));
      } catch (IOException e) {
        // a temp file left behind
      }
    }
  }

  /**
   * {user, kernel} of a CPU time measured by /proc as {@code user} + {@code sys}: the total split
   * by perf's {@code samples} ({user, kernel} counts) when there are some, else /proc's own split.
   */
  static double[] split(double user, double sys, long[] samples) {
    if (samples == null) return new double[] {user, sys};
    double kernelShare = samples[1] / (double) (samples[0] + samples[1]);
    return new double[] {(user + sys) * (1 - kernelShare), (user + sys) * kernelShare};
  }

  /** Where a {@link #split} came from, for the tables. */
  static String source(long[] samples) {
    return samples == null ? "/proc ticks" : "perf, " + (samples[0] + samples[1]) + " samples";
  }

  /** The id of the calling thread (its tid), for sampling just that thread. */
  static long currentTid() {
    try {
      return Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static List<Long> list(long... ids) {
    List<Long> l = new ArrayList<>();
    for (long id : ids) l.add(id);
    return l;
  }
}

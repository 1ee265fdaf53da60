package app.roundtable.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot path of a JFR recording, aggregated from {@code jdk.ExecutionSample}: top methods by
 * self samples (the top frame) and by total samples (anywhere on the stack), as {@code jfr view
 * hot-methods} does on newer JDKs. Usage: {@code JfrSummary file.jfr [top=25]}.
 */
public final class JfrSummary {
  private JfrSummary() {}

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    Map<String, Integer> app = new HashMap<>();
    int samples = 0;
    // Allocation: JFR's throttled samples carry a weight (bytes the sample stands for), attributed
    // here to the innermost Roundtable method on the stack, so garbage is traced to our code.
    Map<String, Long> allocated = new HashMap<>();
    long allocatedTotal = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if ("jdk.ObjectAllocationSample".equals(e.getEventType().getName()) && e.getStackTrace() != null) {
        long w = e.getLong("weight");
        allocatedTotal += w;
        String owner = "(outside Roundtable code)";
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
          if (name(f).startsWith("app.roundtable.")) { owner = name(f); break; }
        }
        allocated.merge(owner, w, Long::sum);
        continue;
      }
      if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) continue;
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) continue;
      samples++;
      String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "-N"), 1, Integer::sum);
      List<RecordedFrame> frames = st.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      packages.merge(area(frames.get(0).getMethod().getType().getName()), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        if (!seen.add(name(f))) continue;
        total.merge(name(f), 1, Integer::sum);
        if (name(f).startsWith("app.roundtable.") && !name(f).contains("$$Lambda")) app.merge(name(f), 1, Integer::sum);
      }
    }
    System.out.printf(Locale.ROOT, "%d execution samples%n%nthreads:%n", samples);
    print(threads, samples, 10);
    System.out.printf(Locale.ROOT, "%nself time by library:%n");
    print(packages, samples, 12);
    System.out.printf(Locale.ROOT, "%nRoundtable methods on the stack (total):%n");
    print(app, samples, top);
    System.out.printf(Locale.ROOT, "%ntop frames (self):%n");
    print(self, samples, top);
    System.out.printf(Locale.ROOT, "%non the stack (total):%n");
    print(total, samples, top);
    System.out.printf(Locale.ROOT, "%nallocation by innermost Roundtable method (%.1f MB sampled weight):%n",
        allocatedTotal / 1e6);
    long all = Math.max(1, allocatedTotal);
    allocated.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
        .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %8.1f MB  %s%n", 100.0 * en.getValue() / all,
            en.getValue() / 1e6, en.getKey()));
  }

  /** A coarse owner of a class: the first two or three package segments. */
  private static String area(String cls) {
    String[] p = cls.split("\\.");
    if (p.length < 3) return cls;
    String twoSeg = p[0] + "." + p[1];
    return switch (twoSeg) {
      case "io.netty", "io.vertx", "com.fasterxml", "app.roundtable", "io.micrometer" -> twoSeg + "." + p[2];
      default -> p[0].equals("java") || p[0].equals("jdk") || p[0].equals("sun") ? "jdk (" + twoSeg + ")" : twoSeg;
    };
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(Map<String, Integer> m, int samples, int top) {
    m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
        .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * en.getValue() / samples,
            en.getValue(), en.getKey()));
  }
}

package app.roundtable.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Makes a directory unwritable for this process, and back. A normal user gets {@code chmod a-w};
 * root ignores permissions, so for root the directory is bind-mounted read-only over itself (a
 * read-only volume, as in a container). Fails the test when neither works: it must not pass vacuously.
 */
public final class ReadOnlyDir implements AutoCloseable {
  private final Path dir;
  private final boolean mounted;

  private ReadOnlyDir(Path dir, boolean mounted) {
    this.dir = dir;
    this.mounted = mounted;
  }

  public static ReadOnlyDir of(Path dir) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (!writable(dir)) return new ReadOnlyDir(dir, false);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    run("mount", "--bind", dir.toString(), dir.toString());
    run("mount", "-o", "remount,ro,bind", dir.toString());
    if (writable(dir)) throw new AssertionError("could not make " + dir + " read-only (neither chmod nor a mount)");
    return new ReadOnlyDir(dir, true);
  }

  private static boolean writable(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ""));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + new String(p.getInputStream().readAllBytes()));
    }
  }

  @Override
  public void close() throws Exception {
    if (mounted) run("umount", dir.toString());
    else Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}

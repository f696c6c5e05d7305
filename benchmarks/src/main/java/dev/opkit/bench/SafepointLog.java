package dev.opkit.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safepoint log a measured JVM writes ({@code -Xlog:safepoint:file=…}): one line per
 * stop-the-world pause with its operation and total time, which is what a client waits for whatever
 * the collector (G1's evacuations, ZGC's and Shenandoah's short pauses, and pauses that are not
 * collections). A phase of load reads the lines written between two marks.
 */
final class SafepointLog {
  private static final Pattern LINE =
      Pattern.compile(
          "Safepoint \"([A-Za-z0-9_]+)\".*Reaching safepoint: (\\d+) ns.*Total: (\\d+) ns");

  private final Path file;

  SafepointLog(Path file) {
    this.file = file;
  }

  /** The JVM option that makes a JVM write this log. */
  String jvmOption() {
    return "-Xlog:safepoint=info:file=" + file + "::filecount=0";
  }

  /** Where the log is now: the start of what a phase will read. */
  long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pauses logged since {@code mark} (whole lines only). */
  Pauses since(long mark) {
    if (!Files.exists(file)) {
      return new Pauses(List.of());
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      byte[] bytes = new byte[(int) Math.max(0, length - mark)];
      in.seek(mark);
      in.readFully(bytes);
      return parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pauses in safepoint log text; lines of other kinds are skipped. */
  static Pauses parse(String text) {
    List<Pauses.Pause> pauses = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        pauses.add(
            new Pauses.Pause(m.group(1), Long.parseLong(m.group(3)), Long.parseLong(m.group(2))));
      }
    }
    return new Pauses(pauses);
  }
}

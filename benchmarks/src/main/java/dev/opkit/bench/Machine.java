package dev.opkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as docs/benchmarks.md records it: CPUs, CPU model, memory, JDK
 * and operating system.
 *
 * @param cpus available processors ({@code nproc})
 * @param cpuModel the model name from {@code /proc/cpuinfo}, or "unknown"
 * @param memoryBytes total memory from {@code /proc/meminfo}, or 0 when unknown
 * @param jdk the Java runtime's name and version
 * @param os the operating system's name, version and architecture
 */
record Machine(int cpus, String cpuModel, long memoryBytes, String jdk, String os) {

  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        field(read("/proc/cpuinfo"), "model name").orElse("unknown"),
        field(read("/proc/meminfo"), "MemTotal")
            .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024)
            .orElse(0L),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
  }

  /** The value of the first {@code name: value} line of a {@code /proc} file. */
  static Optional<String> field(String text, String name) {
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
        return Optional.of(line.substring(colon + 1).trim());
      }
    }
    return Optional.empty();
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The system load averages from {@code /proc/loadavg}: other work on the machine skews every
   * figure, so the report shows them.
   */
  static String loadAverage() {
    String[] fields = read("/proc/loadavg").trim().split("\\s+");
    return fields.length < 3 ? "unknown" : fields[0] + ", " + fields[1] + ", " + fields[2];
  }

  String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%d CPUs (%s), %.1f GiB memory, %s, %s",
        cpus,
        cpuModel,
        memoryBytes / (1024.0 * 1024 * 1024),
        jdk,
        os);
  }
}

package dev.opkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's resident memory as Linux reports it ({@code VmRSS} in {@code /proc/<pid>/status}).
 */
final class ProcStatus {
  private ProcStatus() {}

  /** The resident set of a process in bytes; empty when not on Linux or the process is gone. */
  static OptionalLong residentBytes(long pid) {
    try {
      return residentBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code VmRSS} of a {@code /proc/<pid>/status} text in bytes, e.g. "VmRSS: 1234 kB". */
  static OptionalLong residentBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        long value = Long.parseLong(parts[0]);
        if (parts.length < 2 || !parts[1].equals("kB")) {
          throw new IllegalArgumentException("VmRSS is not in kB: " + line);
        }
        return OptionalLong.of(value * 1024);
      }
    }
    return OptionalLong.empty();
  }
}

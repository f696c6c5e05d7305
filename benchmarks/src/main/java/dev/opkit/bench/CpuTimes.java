package dev.opkit.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time (user plus system) taken by the benchmark's own process and by the server it measures,
 * so that the report can say where the cycles of a request went.
 *
 * @param generator this process's CPU time
 * @param server the server process's, or null when the server runs in this process or is unknown
 */
record CpuTimes(Duration generator, Duration server) {

  /** The CPU times so far. */
  static CpuTimes now(Optional<ProcessHandle> server) {
    return new CpuTimes(cpu(ProcessHandle.current()), server.map(CpuTimes::cpu).orElse(null));
  }

  /** The CPU time taken between {@code earlier} and this reading. */
  CpuTimes minus(CpuTimes earlier) {
    return new CpuTimes(
        generator.minus(earlier.generator),
        server == null || earlier.server == null ? null : server.minus(earlier.server));
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}

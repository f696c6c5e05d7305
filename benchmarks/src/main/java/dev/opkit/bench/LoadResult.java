package dev.opkit.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one measured run produced.
 *
 * @param elapsedNanos how long the measured part lasted
 * @param journeys journeys completed
 * @param requests requests answered with the expected status
 * @param signedRequests of those, the signed ones
 * @param errors failed requests or journeys
 * @param errorMessages the first few failures, for the report
 * @param latencies per step, in nanoseconds; steps never timed are absent
 * @param warmUp how long the unmeasured warm-up before it lasted, and how it ended
 * @param cpu the CPU time the generator and the server took meanwhile, or null when not measured
 */
record LoadResult(
    long elapsedNanos,
    long journeys,
    long requests,
    long signedRequests,
    long errors,
    List<String> errorMessages,
    Map<Step, Histogram> latencies,
    WarmUp.Outcome warmUp,
    CpuTimes cpu) {

  LoadResult {
    errorMessages = List.copyOf(errorMessages);
    latencies = Map.copyOf(latencies);
  }

  /** This result with the CPU time the measured part took. */
  LoadResult withCpu(CpuTimes used) {
    return new LoadResult(
        elapsedNanos,
        journeys,
        requests,
        signedRequests,
        errors,
        errorMessages,
        latencies,
        warmUp,
        used);
  }

  double journeysPerSecond() {
    return perSecond(journeys);
  }

  double requestsPerSecond() {
    return perSecond(requests);
  }

  double signedRequestsPerSecond() {
    return perSecond(signedRequests);
  }

  /**
   * CPU time per answered request, generator and server together (the server's counts as zero when
   * it was not measured), in microseconds; 0 without requests or CPU figures.
   */
  double cpuMicrosPerRequest() {
    if (cpu == null || requests == 0) {
      return 0;
    }
    Duration total = cpu.server() == null ? cpu.generator() : cpu.generator().plus(cpu.server());
    return total.toNanos() / 1e3 / requests;
  }

  Duration elapsed() {
    return Duration.ofNanos(elapsedNanos);
  }

  private double perSecond(long count) {
    return elapsedNanos == 0 ? 0 : count * 1e9 / elapsedNanos;
  }
}

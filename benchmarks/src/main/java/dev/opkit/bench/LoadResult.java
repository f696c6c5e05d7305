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
    CpuTimes cpu) {

  LoadResult {
    errorMessages = List.copyOf(errorMessages);
    latencies = Map.copyOf(latencies);
  }

  /** This result with the CPU time the measured part took. */
  LoadResult withCpu(CpuTimes used) {
    return new LoadResult(
        elapsedNanos, journeys, requests, signedRequests, errors, errorMessages, latencies, used);
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

  Duration elapsed() {
    return Duration.ofNanos(elapsedNanos);
  }

  private double perSecond(long count) {
    return elapsedNanos == 0 ? 0 : count * 1e9 / elapsedNanos;
  }
}

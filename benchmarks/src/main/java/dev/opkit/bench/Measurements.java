package dev.opkit.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What concurrent clients record while they run: a latency recorder per {@link Step} (HdrHistogram,
 * wait-free for the recording threads), counts of requests, signed requests and completed journeys,
 * and errors. {@link #restart()} drops what a warm-up recorded.
 */
final class Measurements {
  private static final int SIGNIFICANT_DIGITS = 3;
  private static final int KEPT_ERROR_MESSAGES = 5;

  private final Map<Step, Recorder> latencies = new EnumMap<>(Step.class);
  private final LongAdder requests = new LongAdder();
  private final LongAdder signedRequests = new LongAdder();
  private final LongAdder journeys = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final ConcurrentLinkedQueue<String> errorMessages = new ConcurrentLinkedQueue<>();
  private volatile long startedNanos = System.nanoTime();

  Measurements() {
    for (Step step : Step.values()) {
      latencies.put(step, new Recorder(SIGNIFICANT_DIGITS));
    }
  }

  /** Records one answered request and how long it took. */
  void request(Step step, long nanos) {
    latencies.get(step).recordValue(nanos);
    requests.increment();
    if (step.signed()) {
      signedRequests.increment();
    }
  }

  /** Records a completed journey. */
  void journey() {
    journeys.increment();
  }

  /** Records a failed request or journey; the first few messages are kept for the report. */
  void error(String message) {
    errors.increment();
    if (errorMessages.size() < KEPT_ERROR_MESSAGES) {
      errorMessages.add(message);
    }
  }

  /** Requests answered since the last restart. */
  long requestsSoFar() {
    return requests.sum();
  }

  /** Forgets everything recorded so far (the warm-up) and starts the clock again. */
  void restart() {
    latencies.values().forEach(Recorder::reset);
    requests.reset();
    signedRequests.reset();
    journeys.reset();
    errors.reset();
    errorMessages.clear();
    startedNanos = System.nanoTime();
  }

  /** What was recorded since the last restart, over the time since then, after {@code warmUp}. */
  LoadResult finish(WarmUp.Outcome warmUp) {
    long elapsed = System.nanoTime() - startedNanos;
    return new LoadResult(
        elapsed,
        journeys.sum(),
        requests.sum(),
        signedRequests.sum(),
        errors.sum(),
        java.util.List.copyOf(errorMessages),
        latencies(),
        warmUp,
        null);
  }

  /**
   * The latencies recorded since the last call (or restart), per step, in a new map; steps never
   * timed are absent.
   */
  Map<Step, Histogram> latencies() {
    Map<Step, Histogram> histograms = new EnumMap<>(Step.class);
    latencies.forEach(
        (step, recorder) -> {
          Histogram histogram = recorder.getIntervalHistogram();
          if (histogram.getTotalCount() > 0) {
            histograms.put(step, histogram);
          }
        });
    return histograms;
  }
}

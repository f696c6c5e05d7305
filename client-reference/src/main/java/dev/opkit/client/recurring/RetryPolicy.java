package dev.opkit.client.recurring;

import java.time.Duration;
import java.util.Objects;

/**
 * How often to try a call that failed transiently (no answer, or a 5xx), and how long to wait
 * between tries: {@code firstDelay}, then twice as long each time.
 *
 * @param attempts how many tries in all, at least 1
 * @param firstDelay the wait after the first failure
 */
public record RetryPolicy(int attempts, Duration firstDelay) {
  /** Four tries, waiting 0.5 s, 1 s and 2 s in between. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    Objects.requireNonNull(firstDelay, "firstDelay");
  }

  /** The wait after the given failed attempt (1 for the first). */
  public Duration delayAfter(int attempt) {
    return firstDelay.multipliedBy(1L << Math.min(attempt - 1, 16));
  }
}

package dev.opkit.client.recurring;

import java.time.Duration;
import java.util.Objects;

/**
 * How the schedule waits for a payment's outcome and tries again when the wallet fails one.
 *
 * <p>A payment the wallet has not finished (not {@code failed}, {@code sentAmount} below {@code
 * debitAmount}) is read again after {@code firstCheck}, then twice as long each time up to {@code
 * longestGap}, for at most {@code settleWithin} in all; a payment still in progress then is left
 * pending for the next run to check. A period whose payment failed is paid again with a new quote,
 * at most {@code attemptsPerRun} payments per run, until its window ends.
 *
 * @param attemptsPerRun payments tried for one period in one run, at least 1
 * @param firstCheck the wait before reading a payment in progress again
 * @param longestGap the longest wait between two reads
 * @param settleWithin how long one run waits in all for a payment in progress
 */
public record PaymentPolicy(
    int attemptsPerRun, Duration firstCheck, Duration longestGap, Duration settleWithin) {
  /** Two payments per run; reads after 0.25 s, 0.5 s, 1 s, 2 s, then every 4 s, up to 30 s. */
  public static final PaymentPolicy DEFAULT =
      new PaymentPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(30));

  public PaymentPolicy {
    if (attemptsPerRun < 1) {
      throw new IllegalArgumentException(
          "attemptsPerRun must be at least 1, got " + attemptsPerRun);
    }
    Objects.requireNonNull(firstCheck, "firstCheck");
    Objects.requireNonNull(longestGap, "longestGap");
    Objects.requireNonNull(settleWithin, "settleWithin");
    if (firstCheck.isNegative() || firstCheck.isZero() || longestGap.compareTo(firstCheck) < 0) {
      throw new IllegalArgumentException(
          "the waits must be positive and longestGap at least firstCheck, got "
              + firstCheck
              + " and "
              + longestGap);
    }
  }

  /** The wait before the given read of a payment in progress (1 for the first). */
  Duration gapBefore(int check) {
    Duration gap = firstCheck.multipliedBy(1L << Math.min(check - 1, 16));
    return gap.compareTo(longestGap) > 0 ? longestGap : gap;
  }
}

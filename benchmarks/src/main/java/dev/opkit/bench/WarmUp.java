package dev.opkit.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The unmeasured start of a load part. It lasts at least {@code minimum}, then goes on slice by
 * slice until throughput stops rising (a slice answers at most {@code tolerance} more requests than
 * the one before), or until {@code maximum}. A fixed warm-up is not enough on a 2-CPU machine: the
 * sandbox's JIT shares the CPUs with the load and took anywhere from 30 s to 90 s to settle.
 *
 * @param minimum the shortest warm-up
 * @param maximum the longest; measuring starts then even if throughput still rises
 * @param slice how long each comparison slice runs
 * @param tolerance how much more a slice may answer than the one before and still count as steady,
 *     e.g. 0.05
 */
record WarmUp(Duration minimum, Duration maximum, Duration slice, double tolerance) {
  static final Duration SLICE = Duration.ofSeconds(10);
  static final double TOLERANCE = 0.05;

  /** Sleeps; {@link Thread#sleep(long)} outside tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** How a warm-up ended. */
  enum Ending {
    FIXED("fixed length"),
    STEADY("throughput steady"),
    STILL_RISING("throughput still rising at the maximum");

    private final String words;

    Ending(String words) {
      this.words = words;
    }
  }

  /** What a warm-up took. */
  record Outcome(Duration length, Ending ending) {
    String describe() {
      return JourneyRun.human(length) + " (" + ending.words + ")";
    }
  }

  WarmUp {
    if (minimum.isNegative() || maximum.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          "--warm-up must not be negative and --warm-up-max not shorter than --warm-up");
    }
    if (slice.isNegative() || slice.isZero() || tolerance < 0) {
      throw new IllegalArgumentException(
          "a warm-up slice must be positive, its tolerance not negative");
    }
  }

  /** A warm-up with the default slice and tolerance. */
  static WarmUp between(Duration minimum, Duration maximum) {
    return new WarmUp(minimum, maximum, SLICE, TOLERANCE);
  }

  /**
   * Whether a slice that answered {@code current} requests after one that answered {@code previous}
   * shows a steady rate.
   */
  boolean steady(long previous, long current) {
    return previous > 0 && current <= previous * (1 + tolerance);
  }

  /**
   * Waits out the warm-up.
   *
   * @param answered the number of requests answered so far, rising as the clients run
   */
  Outcome await(LongSupplier answered, Sleeper sleeper) throws InterruptedException {
    sleeper.sleep(minimum);
    Duration waited = minimum;
    long previous = -1;
    long mark = answered.getAsLong();
    while (waited.compareTo(maximum) < 0) {
      Duration next = slice.compareTo(maximum.minus(waited)) < 0 ? slice : maximum.minus(waited);
      sleeper.sleep(next);
      waited = waited.plus(next);
      long now = answered.getAsLong();
      long current = now - mark;
      mark = now;
      if (previous >= 0 && next.equals(slice) && steady(previous, current)) {
        return new Outcome(waited, Ending.STEADY);
      }
      previous = current;
    }
    return new Outcome(waited, minimum.equals(maximum) ? Ending.FIXED : Ending.STILL_RISING);
  }

  /** What the warm-up does, in words. */
  String describe() {
    return minimum.equals(maximum)
        ? JourneyRun.human(minimum) + " warm-up"
        : "warm-up of "
            + JourneyRun.human(minimum)
            + " to "
            + JourneyRun.human(maximum)
            + ", until throughput is steady";
  }
}

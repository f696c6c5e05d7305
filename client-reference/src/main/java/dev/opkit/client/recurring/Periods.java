package dev.opkit.client.recurring;

import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A schedule's payment periods: one per window of its repeating interval, counted as the spec reads
 * {@code R<n>} (n windows; a wallet that allows n + 1, as Rafiki does, still gets n payments), or a
 * single open-ended period for a one-off payment.
 */
final class Periods {
  private static final WindowCounting COUNTING = WindowCounting.SPEC_N;

  private final RepeatingInterval interval;
  private final Instant singleStart;

  private Periods(RepeatingInterval interval, Instant singleStart) {
    this.interval = interval;
    this.singleStart = singleStart;
  }

  /**
   * Checks that an interval suits a schedule: it runs forward from a start ({@code
   * R<n>/<start>/<duration>} or {@code R<n>/<start>/<end>}) and has at least one period.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static void requireSchedulable(String text) {
    RepeatingInterval interval = RepeatingInterval.parse(text);
    if (interval.windowCount(COUNTING).orElse(1) == 0) {
      throw new IllegalArgumentException(
          "the interval " + text + " has no periods; write R<n> with n of at least 1");
    }
    List<IntervalWindow> first = interval.windows(COUNTING, 2);
    if (first.size() == 2 && first.get(1).start().isBefore(first.get(0).start())) {
      throw new IllegalArgumentException(
          "the interval "
              + text
              + " runs backwards from its end; a schedule needs R<n>/<start>/<duration>");
    }
  }

  static Periods of(ScheduleState state) {
    return state.interval() == null
        ? new Periods(null, state.createdAt())
        : new Periods(RepeatingInterval.parse(state.interval()), null);
  }

  /** How many payments the schedule makes; empty when unbounded. */
  OptionalLong count() {
    return interval == null ? OptionalLong.of(1) : interval.windowCount(COUNTING);
  }

  /** The period containing {@code now}, if any. */
  Optional<IntervalWindow> at(Instant now) {
    if (interval == null) {
      return now.isBefore(singleStart) ? Optional.empty() : window(0);
    }
    return interval.windowAt(now, COUNTING);
  }

  /** The period with the given index, if the schedule has it. */
  Optional<IntervalWindow> window(long index) {
    if (interval == null) {
      return index == 0
          ? Optional.of(new IntervalWindow(0, singleStart, Instant.MAX))
          : Optional.empty();
    }
    return interval.window(index, COUNTING);
  }

  /** When the first period starts. */
  Instant firstStart() {
    return interval == null ? singleStart : interval.firstStart();
  }

  /** The n of "payment n of m" for a window index. */
  static long number(long index) {
    return index + 1;
  }
}

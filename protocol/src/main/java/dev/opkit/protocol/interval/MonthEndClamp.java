package dev.opkit.protocol.interval;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * Finds the first step at which a chain of whole-month steps lands in a month too short for its day
 * of month, so that {@code plusMonths} clamps to that month's last day (Jan 31 + P1M = Feb 29). Up
 * to that step, stepping one by one and jumping many steps at once give the same date.
 */
final class MonthEndClamp {
  /** Returned when no step ever clamps. */
  static final long NEVER = Long.MAX_VALUE;

  private static final int SHORTEST_MONTH = 28;
  private static final int LEAP_YEAR_CYCLE_YEARS = 400;

  private MonthEndClamp() {}

  /**
   * The smallest k ≥ 1 such that {@code from.plusMonths(k * monthsPerStep)} clamps, or {@link
   * #NEVER}.
   *
   * @param from where the chain stands
   * @param monthsPerStep months per step, negative for a chain going back in time, never 0
   */
  static long firstClampingStep(OffsetDateTime from, long monthsPerStep) {
    int day = from.getDayOfMonth();
    if (day <= SHORTEST_MONTH) {
      return NEVER;
    }
    YearMonth month = YearMonth.from(from);
    // The month of the year repeats every `cycle` steps; each month of the cycle has a fixed
    // length except February, whose length depends on the year.
    long cycle = 1;
    while (Math.floorMod(cycle * monthsPerStep, 12) != 0) {
      cycle++;
    }
    try {
      long firstFebruary = 0;
      for (long k = 1; k <= cycle; k++) {
        YearMonth target = month.plusMonths(Math.multiplyExact(k, monthsPerStep));
        if (target.lengthOfMonth() < day) {
          return k;
        }
        if (target.getMonthValue() == 2 && firstFebruary == 0) {
          firstFebruary = k;
        }
      }
      if (firstFebruary == 0) {
        return NEVER;
      }
      // Only day 29 gets here, having met only leap-year Februaries so far. Later Februaries come
      // every `cycle` steps, a fixed number of years apart, and leap years repeat every 400 years.
      for (long visit = 1; visit <= LEAP_YEAR_CYCLE_YEARS; visit++) {
        long k = firstFebruary + visit * cycle;
        if (month.plusMonths(Math.multiplyExact(k, monthsPerStep)).lengthOfMonth() < day) {
          return k;
        }
      }
      return NEVER;
    } catch (ArithmeticException | DateTimeException e) {
      // Steps from here on leave java.time's range; jumping there fails the same way.
      return NEVER;
    }
  }
}

package dev.opkit.protocol.interval;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A chain stepping by whole months ({@code P1M}, {@code P3M}, {@code P1Y}). Stepping from a
 * month-end start drifts (Jan 31, Feb 29, Mar 29, …) because each step clamps to a shorter month,
 * so boundary j is not anchor + j·step. Between two clamps, though, j steps equal one jump of
 * j·step months, and the day of month only ever shrinks, so at most three clamps (31, 30, 29)
 * separate any boundary from the anchor: {@link MonthEndClamp} finds them and the rest is jumped.
 */
final class MonthChain extends BoundaryChain {
  private final long monthsPerStep;

  MonthChain(OffsetDateTime anchor, IsoDuration step, boolean backward) {
    super(anchor, step, backward);
    this.monthsPerStep = backward ? -step.totalMonths() : step.totalMonths();
  }

  @Override
  Optional<OffsetDateTime> boundary(long j) {
    OffsetDateTime at = anchor;
    long remaining = j;
    try {
      while (remaining > 0) {
        long jump = Math.min(remaining, MonthEndClamp.firstClampingStep(at, monthsPerStep));
        at = at.plusMonths(Math.multiplyExact(jump, monthsPerStep));
        remaining -= jump;
      }
      return Optional.of(at);
    } catch (ArithmeticException | DateTimeException e) {
      return Optional.empty();
    }
  }

  @Override
  long estimate(Instant target) {
    OffsetDateTime to = OffsetDateTime.ofInstant(target, ZoneOffset.UTC);
    long months =
        backward ? ChronoUnit.MONTHS.between(to, anchor) : ChronoUnit.MONTHS.between(anchor, to);
    return Math.max(0, months / Math.abs(monthsPerStep));
  }
}

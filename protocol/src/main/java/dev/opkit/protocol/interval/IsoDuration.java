package dev.opkit.protocol.interval;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The duration part of a repeating interval, ISO 8601-1 §5.5.2 {@code PnYnMnWnDTnHnMnS}, split into
 * its calendar part (a {@link Period}) and its time part (a {@link Duration}), because {@link
 * Period#parse} and {@link Duration#parse} each read only one half.
 *
 * <p>Accepted: any non-empty combination of the designators in that order, including weeks with
 * other units (ISO 8601-2 and ISO 8601-1:2019 allow {@code P1W2D}; it means 9 days). Rejected with
 * a message: signs, fractions on anything but seconds, the alternative {@code P0001-02-03} form,
 * and durations of zero length.
 */
final class IsoDuration {
  private static final Pattern SHAPE =
      Pattern.compile(
          "P(?!$)(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?"
              + "(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:[.,]\\d+)?S)?)?");

  private final Period period;
  private final Duration time;

  private IsoDuration(Period period, Duration time) {
    this.period = period;
    this.time = time;
  }

  /**
   * Parses the duration part of an interval.
   *
   * @param interval the whole interval text, for the error message
   * @param part the duration part, e.g. {@code P1Y2M10DT2H30M}
   * @throws InvalidIntervalException if the part is not a positive ISO 8601 duration
   */
  static IsoDuration parse(String interval, String part) {
    if (!SHAPE.matcher(part).matches()) {
      throw new InvalidIntervalException(
          interval,
          "the duration \""
              + part
              + "\" is not an ISO 8601 duration PnYnMnWnDTnHnMnS (whole numbers, no sign, at"
              + " least one unit, a fraction only on seconds, e.g. P1M, P1W, PT1H or"
              + " P1Y2M10DT2H30M)");
    }
    int t = part.indexOf('T');
    String calendar = t < 0 ? part : part.substring(0, t);
    try {
      Period period = calendar.length() == 1 ? Period.ZERO : Period.parse(calendar);
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("PT" + part.substring(t + 1));
      if (period.isZero() && time.isZero()) {
        throw new InvalidIntervalException(
            interval, "the duration \"" + part + "\" has zero length; it must be longer than zero");
      }
      return new IsoDuration(period, time);
    } catch (DateTimeParseException e) {
      throw new InvalidIntervalException(
          interval, "the duration \"" + part + "\" has a number too large to apply");
    }
  }

  /** An exact time span, as the {@code start/end} form defines its duration. */
  static IsoDuration exact(Duration span) {
    if (span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException("span must be positive: " + span);
    }
    return new IsoDuration(Period.ZERO, span);
  }

  /** The date-time one step later: calendar part first (months, then days), then the time part. */
  OffsetDateTime addTo(OffsetDateTime dateTime) {
    return dateTime.plus(period).plus(time);
  }

  /** The date-time one step earlier, mirroring {@link #addTo}. */
  OffsetDateTime subtractFrom(OffsetDateTime dateTime) {
    return dateTime.minus(period).minus(time);
  }

  /**
   * Whether every step has the same exact length. In UTC a day is always 24 hours, so only months
   * and years make the length depend on where the step starts.
   */
  boolean isExact() {
    return period.toTotalMonths() == 0;
  }

  /** The exact length of one step; only meaningful when {@link #isExact()}. */
  Duration exactLength() {
    return Duration.ofDays(period.getDays()).plus(time);
  }

  /** Whether the step is a whole number of months (years count as 12) and nothing else. */
  boolean isWholeMonths() {
    return period.toTotalMonths() != 0 && period.getDays() == 0 && time.isZero();
  }

  /** The months of one step ({@code P1Y2M} gives 14). */
  long totalMonths() {
    return period.toTotalMonths();
  }

  /** The step as ISO 8601 text, for messages. */
  @Override
  public String toString() {
    if (period.isZero()) {
      return time.toString();
    }
    return time.isZero() ? period.toString() : period + time.toString().substring(1);
  }
}

package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A move of the sandbox clock asked through {@code POST /admin/clock}: forward by an ISO 8601
 * duration (calendar part first, so {@code P1M} from 31 Jan lands on the last day of February, then
 * the time part), or to an instant.
 */
final class ClockMove {
  private ClockMove() {}

  /**
   * Where an ISO 8601 duration such as {@code P1M}, {@code PT2H} or {@code P1DT12H} moves a clock
   * that shows {@code now}.
   */
  static Instant advance(Instant now, String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    boolean negative = upper.startsWith("-");
    String unsigned = negative ? upper.substring(1) : upper;
    int time = unsigned.indexOf('T');
    String datePart = time < 0 ? unsigned : unsigned.substring(0, time);
    String timePart = time < 0 ? null : "P" + unsigned.substring(time);
    if (!unsigned.startsWith("P") || unsigned.equals("P") || unsigned.endsWith("T")) {
      throw notDuration(text);
    }
    try {
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration duration = timePart == null ? Duration.ZERO : Duration.parse(timePart);
      if (negative) {
        period = period.negated();
        duration = duration.negated();
      }
      requireInRange(now, period, duration, text);
      return now.atOffset(ZoneOffset.UTC).plus(period).toInstant().plus(duration);
    } catch (DateTimeParseException e) {
      throw notDuration(text);
    }
  }

  /** Refuses a move that would leave the range of dates, before the clock moves at all. */
  private static void requireInRange(Instant now, Period period, Duration duration, String text) {
    try {
      now.atOffset(ZoneOffset.UTC).plus(period).plus(duration).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      throw ApiException.badRequest(
          "'advance' " + text + " would move the clock past the range of dates it can show");
    }
  }

  /** The RFC 3339 instant a clock is set to. */
  static Instant set(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'now' must be an RFC 3339 UTC instant such as 2026-12-01T00:00:00Z, got '" + text + "'");
    }
  }

  private static ApiException notDuration(String text) {
    return ApiException.badRequest(
        "'advance' must be an ISO 8601 duration such as P1M, P7D, PT2H or P1DT12H, got '"
            + text
            + "'");
  }
}

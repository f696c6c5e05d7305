package dev.opkit.protocol.interval;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the text of a repeating interval, ISO 8601-1 §5.6 {@code R[n]/<a>/<b>}, the way Open
 * Payments grant limits use it (PROTOCOL.md §6): exactly three parts; {@code R} or {@code R-1} for
 * unbounded; a forward {@code start/duration}, a backward {@code duration/end}, or a {@code
 * start/end} whose exact span is the duration. Date-times may carry {@code Z} or an offset; without
 * one, and for date-only values (midnight), they are taken as UTC, as Rafiki does. All arithmetic
 * happens in UTC.
 */
final class IntervalParser {
  private static final Pattern COUNT = Pattern.compile("\\d+");
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private IntervalParser() {}

  static RepeatingInterval parse(String text) {
    Objects.requireNonNull(text, "interval");
    String[] parts = text.split("/", -1);
    if (parts.length != 3) {
      throw new InvalidIntervalException(
          text,
          "expected three parts separated by \"/\" (R<n>/start/duration, R<n>/duration/end or"
              + " R<n>/start/end) but found "
              + parts.length);
    }
    OptionalLong repetitions = repetitions(text, parts[0]);
    String first = requirePresent(text, parts[1], "second part (start or duration)");
    String second = requirePresent(text, parts[2], "third part (duration or end)");
    boolean firstIsDuration = first.startsWith("P");
    boolean secondIsDuration = second.startsWith("P");

    BoundaryChain chain;
    if (firstIsDuration && secondIsDuration) {
      throw new InvalidIntervalException(
          text,
          "both \""
              + first
              + "\" and \""
              + second
              + "\" are durations; one of them must be a start or end date-time");
    } else if (firstIsDuration) {
      IsoDuration step = IsoDuration.parse(text, first);
      chain = BoundaryChain.of(dateTime(text, second, "end"), step, true);
    } else if (secondIsDuration) {
      IsoDuration step = IsoDuration.parse(text, second);
      chain = BoundaryChain.of(dateTime(text, first, "start"), step, false);
    } else {
      OffsetDateTime start = dateTime(text, first, "start");
      OffsetDateTime end = dateTime(text, second, "end");
      if (!start.isBefore(end)) {
        throw new InvalidIntervalException(
            text, "the start \"" + first + "\" is not before the end \"" + second + "\"");
      }
      chain = BoundaryChain.of(start, IsoDuration.exact(Duration.between(start, end)), false);
    }
    if (chain.next(chain.anchor).isEmpty()) {
      throw new InvalidIntervalException(
          text,
          "the duration "
              + chain.step
              + " puts the first window outside the representable years -999999999 to 999999999");
    }
    return new RepeatingInterval(text, repetitions, chain);
  }

  private static OptionalLong repetitions(String text, String part) {
    if (!part.startsWith("R")) {
      throw new InvalidIntervalException(
          text,
          "the repetition part \"" + part + "\" must be R (unbounded), R-1 (unbounded) or R<n>");
    }
    String count = part.substring(1);
    if (count.isEmpty() || count.equals("-1")) {
      return OptionalLong.empty();
    }
    if (!COUNT.matcher(count).matches()) {
      throw new InvalidIntervalException(
          text,
          "the repetition count \""
              + part
              + "\" must be R or R-1 (unbounded) or R followed by a whole number such as R12");
    }
    try {
      return OptionalLong.of(Long.parseLong(count));
    } catch (NumberFormatException e) {
      throw new InvalidIntervalException(
          text, "the repetition count \"" + part + "\" is larger than " + Long.MAX_VALUE);
    }
  }

  private static String requirePresent(String text, String part, String name) {
    if (part.isEmpty()) {
      throw new InvalidIntervalException(text, "the " + name + " is missing");
    }
    return part;
  }

  private static OffsetDateTime dateTime(String text, String part, String role) {
    try {
      TemporalAccessor parsed =
          DATE_TIME.parseBest(part, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime withOffset) {
        return withOffset.withOffsetSameInstant(ZoneOffset.UTC);
      }
      if (parsed instanceof LocalDateTime local) {
        return local.atOffset(ZoneOffset.UTC);
      }
      return ((LocalDate) parsed).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new InvalidIntervalException(
          text,
          "the "
              + role
              + " \""
              + part
              + "\" is not an ISO 8601 date or date-time (e.g. 2025-05-20T13:00:00Z,"
              + " 2025-05-20T15:00:00+02:00 or 2025-05-20)");
    }
  }
}

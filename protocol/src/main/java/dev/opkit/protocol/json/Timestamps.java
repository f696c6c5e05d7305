package dev.opkit.protocol.json;

import dev.opkit.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Open Payments timestamps: RFC 3339 {@code date-time} on the wire (OpenAPI {@code format:
 * date-time}), written the way JavaScript's {@code Date.prototype.toISOString()} writes them so
 * that a Java server and a Node server emit the same text.
 */
public final class Timestamps {
  private static final DateTimeFormatter JS_EXPANDED_YEAR =
      new DateTimeFormatterBuilder()
          .appendValue(ChronoField.YEAR, 6, 6, java.time.format.SignStyle.ALWAYS)
          .appendPattern("-MM-dd'T'HH:mm:ss.SSS'Z'")
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  /** RFC 3339 §5.6: full-date "T" full-time, any fraction, "Z" or a numeric offset, any case. */
  private static final DateTimeFormatter RFC_3339 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendValue(ChronoField.YEAR, 4)
          .appendPattern("-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .appendOffset("+HH:MM", "Z")
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  private Timestamps() {}

  /**
   * Formats like {@code toISOString()}: UTC, exactly three fractional digits, {@code Z}, e.g.
   * {@code 2025-01-01T00:00:00.000Z}. Sub-millisecond precision is truncated, as a JavaScript
   * {@code Date} holds milliseconds only; years outside 0000–9999 use the six-digit signed form.
   */
  public static String format(Instant instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return JS_EXPANDED_YEAR.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    // By hand: every resource in every answer has timestamps, and DateTimeFormatter allocated
    // several objects per value on the request path.
    byte[] text = new byte[24];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, time.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, time.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, time.getHour(), 2);
    text[13] = ':';
    digits(text, 14, time.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, time.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1_000_000, 3);
    text[23] = 'Z';
    return new String(text, StandardCharsets.US_ASCII);
  }

  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Parses any RFC 3339 date-time: {@code Z} or a {@code ±hh:mm} offset, zero to nine fractional
   * digits, upper or lower case {@code T}/{@code Z}.
   *
   * @throws ProtocolException naming the text and the expected form when it is not RFC 3339
   */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, RFC_3339).toInstant();
    } catch (DateTimeException e) {
      throw new ProtocolException(
          "'"
              + text
              + "' is not an RFC 3339 date-time; write it like 2025-01-01T00:00:00.000Z"
              + " (date, 'T', time with seconds, optional fraction, 'Z' or an offset such as"
              + " +02:00)",
          e);
    }
  }
}

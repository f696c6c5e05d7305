package dev.opkit.client.cli;

import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code --start}: an RFC 3339 date-time ({@code 2026-01-01T09:00:00Z}, {@code
 * 2026-01-01T09:00:00+02:00}) or an RFC 3339 full-date ({@code 2026-01-01}, the start of that day
 * in UTC).
 */
final class StartConverter implements CommandLine.ITypeConverter<Instant> {
  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Override
  public Instant convert(String value) {
    try {
      if (FULL_DATE.matcher(value).matches()) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Timestamps.parse(value);
    } catch (DateTimeException | ProtocolException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not an RFC 3339 date or date-time; write it like 2026-01-01 (midnight"
              + " UTC), 2026-01-01T09:00:00Z or 2026-01-01T09:00:00+02:00");
    }
  }
}

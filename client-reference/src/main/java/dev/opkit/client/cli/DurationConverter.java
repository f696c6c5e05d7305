package dev.opkit.client.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a time span option such as {@code --timeout PT30S}: an ISO 8601 duration in days, hours,
 * minutes and seconds, longer than zero; anything else is refused with an example.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration duration;
    try {
      duration = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not an ISO 8601 duration; write it like PT30S (30 seconds), PT5M (5"
              + " minutes) or PT1H (an hour)");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not longer than zero; write e.g. PT30S");
    }
    return duration;
  }
}

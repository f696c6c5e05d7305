package dev.opkit.mock;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a time span flag such as {@code --processing-delay PT2S}: an ISO 8601 duration, zero or
 * longer; anything else is refused with an example instead of Java's type names.
 */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      Duration duration = Duration.parse(value);
      if (!duration.isNegative()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // explained below
    }
    throw new CommandLine.TypeConversionException(
        "'"
            + value
            + "' is not an ISO 8601 duration; write it like PT2S (2 seconds), PT5M (5 minutes)"
            + " or PT1H (an hour)");
  }
}

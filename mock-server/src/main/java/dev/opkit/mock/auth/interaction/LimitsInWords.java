package dev.opkit.mock.auth.interaction;

import dev.opkit.mock.spending.ParsedIntervals;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.model.Limits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outgoing-payment grant's {@code limits} (PROTOCOL.md §5–6) in words a person understands, for
 * the consent page: "up to 5.00 USD each month, 12 times, from 24 Aug 2019". The number of times is
 * what this provider will really allow, which depends on its window counting.
 */
public final class LimitsInWords {
  private static final Pattern DURATION =
      Pattern.compile(
          "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?"
              + "(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");
  private static final String[] UNITS = {
    "year", "month", "week", "day", "hour", "minute", "second"
  };
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private LimitsInWords() {}

  /** The limits as one sentence fragment; "no limits" when there are none. */
  public static String describe(Limits limits, WindowCounting counting) {
    if (limits == null) {
      return "no limits";
    }
    List<String> parts = new ArrayList<>();
    String amount;
    if (limits.debitAmount() != null) {
      amount = "up to " + HumanUnits.format(limits.debitAmount());
    } else if (limits.receiveAmount() != null) {
      amount = "up to " + HumanUnits.format(limits.receiveAmount()) + " received";
    } else {
      amount = "any amount";
    }
    if (limits.interval() != null) {
      RepeatingInterval interval = ParsedIntervals.of(limits.interval());
      parts.add(amount + " " + period(limits.interval(), interval));
      OptionalLong count = interval.windowCount(counting);
      parts.add(count.isEmpty() ? "with no end" : times(count.getAsLong()));
      parts.add(when(limits.interval(), interval));
    } else {
      parts.add(amount + (amount.equals("any amount") ? "" : " in total"));
    }
    if (limits.receiver() != null) {
      parts.add("only to the incoming payment " + limits.receiver());
    }
    return String.join(", ", parts);
  }

  private static String period(String text, RepeatingInterval interval) {
    String[] parts = text.split("/");
    String duration =
        parts.length == 3 && parts[2].startsWith("P")
            ? parts[2]
            : parts.length == 3 && parts[1].startsWith("P") ? parts[1] : null;
    if (duration != null) {
      Matcher m = DURATION.matcher(duration.toUpperCase(Locale.ROOT));
      if (m.matches()) {
        return everyUnits(m);
      }
    }
    Duration length = window0(interval);
    return length.toHours() % 24 == 0 && !length.isZero()
        ? plural(length.toDays(), "day", true)
        : plural(Math.max(1, length.toMinutes()), "minute", true);
  }

  private static String everyUnits(Matcher m) {
    List<String> amounts = new ArrayList<>();
    long single = 0;
    String singleUnit = null;
    for (int i = 0; i < UNITS.length; i++) {
      String group = m.group(i + 1);
      if (group == null || group.matches("0+([.,]0+)?")) {
        continue;
      }
      amounts.add(group + " " + UNITS[i] + ("1".equals(group) ? "" : "s"));
      singleUnit = UNITS[i];
      single = group.matches("\\d+") ? Long.parseLong(group) : -1;
    }
    if (amounts.size() == 1 && single > 0) {
      return plural(single, singleUnit, true);
    }
    return "every " + String.join(" and ", amounts);
  }

  private static String plural(long count, String unit, boolean each) {
    if (count == 1) {
      return (each ? "each " : "") + unit;
    }
    return "every " + count + " " + unit + "s";
  }

  private static String times(long count) {
    if (count == 0) {
      return "never";
    }
    return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
  }

  private static String when(String text, RepeatingInterval interval) {
    String[] parts = text.split("/");
    boolean backward = parts.length == 3 && parts[1].startsWith("P");
    if (backward) {
      return "until " + date(interval.firstStart().plus(window0(interval)));
    }
    return "from " + date(interval.firstStart());
  }

  private static Duration window0(RepeatingInterval interval) {
    return interval
        .window(0, WindowCounting.RAFIKI_N_PLUS_ONE)
        .map(IntervalWindow::length)
        .orElse(Duration.ZERO);
  }

  private static String date(Instant instant) {
    ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
    String day = DATE.format(at);
    return at.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? day
        : day + " at " + TIME.format(at) + " UTC";
  }
}

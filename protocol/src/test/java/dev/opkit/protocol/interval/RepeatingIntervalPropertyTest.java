package dev.opkit.protocol.interval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RepeatingIntervalPropertyTest {
  private static final int LISTED = 40;
  private static final List<String> EXACT_STEPS =
      List.of("PT1S", "PT0.25S", "PT90M", "PT1H", "P1D", "P1W", "P1DT12H", "P2W3D");
  private static final List<String> MONTH_STEPS = List.of("P1M", "P2M", "P3M", "P7M", "P1Y", "P4Y");
  private static final List<String> MIXED_STEPS = List.of("P1M1D", "P1MT1H", "P1Y2M10DT2H30M");

  @Property
  void windowsAreContiguousAndNonOverlapping(
      @ForAll("intervals") RepeatingInterval interval, @ForAll WindowCounting counting) {
    List<IntervalWindow> windows = interval.windows(counting, LISTED);

    for (int i = 0; i < windows.size(); i++) {
      IntervalWindow window = windows.get(i);
      assertThat(window.index()).isEqualTo(i);
      assertThat(window.start()).isBefore(window.end());
      if (i > 0) {
        IntervalWindow previous = windows.get(i - 1);
        if (isBackward(interval)) {
          assertThat(window.end()).isEqualTo(previous.start());
        } else {
          assertThat(window.start()).isEqualTo(previous.end());
        }
      }
    }
  }

  @Property
  void eachWindowSpansExactlyOneStep(
      @ForAll("intervals") RepeatingInterval interval, @ForAll WindowCounting counting) {
    String[] parts = interval.toString().split("/");
    for (IntervalWindow window : interval.windows(counting, LISTED)) {
      OffsetDateTime start = utc(window.start());
      OffsetDateTime end = utc(window.end());
      if (isBackward(interval)) {
        assertThat(IsoDuration.parse(interval.toString(), parts[1]).subtractFrom(end))
            .isEqualTo(start);
      } else if (parts[2].startsWith("P")) {
        assertThat(IsoDuration.parse(interval.toString(), parts[2]).addTo(start)).isEqualTo(end);
      } else {
        assertThat(window.length())
            .isEqualTo(
                Duration.between(OffsetDateTime.parse(parts[1]), OffsetDateTime.parse(parts[2])));
      }
    }
  }

  @Property
  void windowCountIsNForSpecAndNPlusOneForRafiki(
      @ForAll("intervals") RepeatingInterval interval, @ForAll WindowCounting counting) {
    if (interval.repetitions().isPresent()) {
      long n = interval.repetitions().getAsLong();
      assertThat(interval.windows(counting, Integer.MAX_VALUE))
          .hasSize((int) (counting == WindowCounting.SPEC_N ? n : n + 1));
    } else {
      assertThat(interval.windows(counting, LISTED)).hasSize(LISTED);
    }
  }

  @Property
  void everyInstantInsideTheSpanMapsToExactlyOneWindow(
      @ForAll("intervals") RepeatingInterval interval,
      @ForAll WindowCounting counting,
      @ForAll @IntRange(min = 0, max = LISTED - 1) int pick,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fraction) {
    List<IntervalWindow> windows = interval.windows(counting, LISTED);
    Assume.that(!windows.isEmpty());
    IntervalWindow window = windows.get(pick % windows.size());
    Instant instant = window.start().plusNanos((long) (window.length().toNanos() * fraction));

    assertThat(interval.windowAt(instant, counting)).contains(window);
    assertThat(windows.stream().filter(w -> w.contains(instant))).hasSize(1);
  }

  @Property
  void instantsBeforeTheFirstOrAfterTheLastWindowMapToNone(
      @ForAll("intervals") RepeatingInterval interval,
      @ForAll WindowCounting counting,
      @ForAll @IntRange(min = 0, max = 100_000_000) int secondsOutside) {
    List<IntervalWindow> windows =
        interval.windows(counting, interval.repetitions().isPresent() ? Integer.MAX_VALUE : 1);
    Duration outside = Duration.ofSeconds(secondsOutside);
    boolean backward = isBackward(interval);
    if (windows.isEmpty()) {
      assertThat(interval.windowAt(interval.firstStart(), counting)).isEmpty();
      return;
    }
    IntervalWindow first = windows.get(0);
    IntervalWindow last = windows.get(windows.size() - 1);

    if (backward) {
      assertThat(interval.windowAt(first.end().plus(outside), counting)).isEmpty();
    } else {
      assertThat(interval.windowAt(first.start().minusNanos(1).minus(outside), counting)).isEmpty();
    }
    if (interval.repetitions().isPresent()) {
      Instant beyondLast =
          backward ? last.start().minusNanos(1).minus(outside) : last.end().plus(outside);
      assertThat(interval.windowAt(beyondLast, counting)).isEmpty();
    }
  }

  @Property(tries = 300)
  void windowAtFarFromTheAnchorAgreesWithTheStepByStepChain(
      @ForAll("monthEndAnchors") OffsetDateTime anchor,
      @ForAll("monthStepsAndSome") String step,
      @ForAll boolean backward,
      @ForAll @IntRange(min = 0, max = 2_000) int index) {
    String text = backward ? "R/" + step + "/" + anchor : "R/" + anchor + "/" + step;
    RepeatingInterval interval = RepeatingInterval.parse(text);
    IsoDuration duration = IsoDuration.parse(text, step);
    OffsetDateTime boundary = anchor;
    for (int i = 0; i < index; i++) {
      boundary = backward ? duration.subtractFrom(boundary) : duration.addTo(boundary);
    }
    OffsetDateTime other = backward ? duration.subtractFrom(boundary) : duration.addTo(boundary);
    IntervalWindow expected =
        backward
            ? new IntervalWindow(index, other.toInstant(), boundary.toInstant())
            : new IntervalWindow(index, boundary.toInstant(), other.toInstant());
    Instant middle = expected.start().plus(expected.length().dividedBy(2));

    assertThat(interval.windowAt(middle, WindowCounting.SPEC_N)).contains(expected);
    assertThat(interval.windowAt(expected.start(), WindowCounting.SPEC_N)).contains(expected);
    assertThat(interval.window(index, WindowCounting.SPEC_N)).contains(expected);
  }

  @Property
  void backwardFormMirrorsTheForwardFormForExactSteps(
      @ForAll("dateTimes") OffsetDateTime end,
      @ForAll("exactSteps") String step,
      @ForAll @IntRange(min = 1, max = 30) int repetitions) {
    RepeatingInterval backward =
        RepeatingInterval.parse("R" + repetitions + "/" + step + "/" + end);
    List<IntervalWindow> backwardWindows = backward.windows(WindowCounting.SPEC_N, LISTED);
    Instant earliest = backwardWindows.get(backwardWindows.size() - 1).start();
    RepeatingInterval forward =
        RepeatingInterval.parse("R" + repetitions + "/" + utc(earliest) + "/" + step);
    List<IntervalWindow> forwardWindows = forward.windows(WindowCounting.SPEC_N, LISTED);

    assertThat(forwardWindows).hasSameSizeAs(backwardWindows);
    for (int i = 0; i < forwardWindows.size(); i++) {
      IntervalWindow mirrored = backwardWindows.get(backwardWindows.size() - 1 - i);
      assertThat(forwardWindows.get(i).start()).isEqualTo(mirrored.start());
      assertThat(forwardWindows.get(i).end()).isEqualTo(mirrored.end());
    }
    assertThat(forwardWindows.get(forwardWindows.size() - 1).end()).isEqualTo(end.toInstant());
  }

  @Provide
  Arbitrary<RepeatingInterval> intervals() {
    Arbitrary<String> count =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 30).map(n -> "R" + n), Arbitraries.of("R", "R-1"));
    Arbitrary<String> step =
        Arbitraries.oneOf(
            Arbitraries.of(EXACT_STEPS), Arbitraries.of(MONTH_STEPS), Arbitraries.of(MIXED_STEPS));
    Arbitrary<Integer> spanSeconds = Arbitraries.integers().between(1, 40 * 86_400);
    return Combinators.combine(
            count, dateTimes(), step, Arbitraries.integers().between(0, 2), spanSeconds)
        .as(
            (r, dateTime, duration, form, span) ->
                switch (form) {
                  case 0 -> r + "/" + dateTime + "/" + duration;
                  case 1 -> r + "/" + duration + "/" + dateTime;
                  default -> r + "/" + dateTime + "/" + dateTime.plusSeconds(span);
                })
        .map(RepeatingInterval::parse);
  }

  @Provide
  Arbitrary<OffsetDateTime> dateTimes() {
    Arbitrary<YearMonth> months =
        Arbitraries.integers()
            .between(1990 * 12, 2060 * 12)
            .map(m -> YearMonth.of(m / 12, m % 12 + 1));
    Arbitrary<Integer> days =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 27), Arbitraries.integers().between(28, 31));
    Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 86_399);
    return Combinators.combine(months, days, seconds)
        .as(
            (month, day, second) ->
                month
                    .atDay(Math.min(day, month.lengthOfMonth()))
                    .atStartOfDay()
                    .plusSeconds(second)
                    .atOffset(ZoneOffset.UTC));
  }

  @Provide
  Arbitrary<OffsetDateTime> monthEndAnchors() {
    return Combinators.combine(dateTimes(), Arbitraries.integers().between(28, 31))
        .as((d, day) -> d.withDayOfMonth(Math.min(day, d.toLocalDate().lengthOfMonth())));
  }

  @Provide
  Arbitrary<String> monthStepsAndSome() {
    List<String> steps = new ArrayList<>(MONTH_STEPS);
    steps.addAll(MIXED_STEPS);
    steps.add("P1D");
    return Arbitraries.of(steps);
  }

  @Provide
  Arbitrary<String> exactSteps() {
    return Arbitraries.of(EXACT_STEPS);
  }

  private static boolean isBackward(RepeatingInterval interval) {
    return interval.toString().split("/")[1].startsWith("P");
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

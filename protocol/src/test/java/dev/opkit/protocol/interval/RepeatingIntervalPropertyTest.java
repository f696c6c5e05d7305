package dev.opkit.protocol.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opkit.protocol.SpreadNumbers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RepeatingIntervalPropertyTest {
  private static final int EXAMPLES = 1_000;
  private static final int FAR_EXAMPLES = 300;
  private static final int LISTED = 40;
  private static final List<String> EXACT_STEPS =
      List.of("PT1S", "PT0.25S", "PT90M", "PT1H", "P1D", "P1W", "P1DT12H", "P2W3D");
  private static final List<String> MONTH_STEPS = List.of("P1M", "P2M", "P3M", "P7M", "P1Y", "P4Y");
  private static final List<String> MIXED_STEPS = List.of("P1M1D", "P1MT1H", "P1Y2M10DT2H30M");
  private static final int FAR_REACH_EXAMPLES = 60;
  private static final int ANY_INSTANT_EXAMPLES = 60;
  private static final int FAR_REACH_INDEX = 400_000;

  /**
   * Steps with months and whole days (or none), whose chains repeat within the bounded walk: the
   * calendar has 146,097 days in 400 years.
   */
  private static final List<String> REPEATING_MIXED_STEPS =
      List.of("P1M1D", "P1Y1D", "P2M3D", "P1M10D", "P13M", "P1Y1M", "P1MT24H", "P1Y1M1W");

  /** Steps with months and a time of day, whose chains may not repeat within the bounded walk. */
  private static final List<String> NON_REPEATING_MIXED_STEPS =
      List.of("P1MT1H", "P1M1DT12H", "P1Y2M10DT2H30M", "P1MT1S", "P1MT0.5S");

  private static final List<String> ALL_MIXED_STEPS =
      Stream.concat(REPEATING_MIXED_STEPS.stream(), NON_REPEATING_MIXED_STEPS.stream()).toList();

  /** The walk looking for the repetition, then one lookup: a few checkpoint spacings of steps. */
  private static final long MAX_STEPS_PER_LOOKUP =
      SteppedChain.MAX_WALK + 8L * SteppedChain.CHECKPOINT_SPACING;

  private static final long EARLIEST_SECOND =
      LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC) + 86_400;
  private static final long LATEST_SECOND =
      LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC) - 86_400;

  @Test
  void windowsAreContiguousAndNonOverlapping() {
    qt().withExamples(EXAMPLES)
        .forAll(intervals(), countings())
        .checkAssert(
            (interval, counting) -> {
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
            });
  }

  @Test
  void eachWindowSpansExactlyOneStep() {
    qt().withExamples(EXAMPLES)
        .forAll(intervals(), countings())
        .checkAssert(
            (interval, counting) -> {
              String[] parts = interval.toString().split("/");
              for (IntervalWindow window : interval.windows(counting, LISTED)) {
                OffsetDateTime start = utc(window.start());
                OffsetDateTime end = utc(window.end());
                if (isBackward(interval)) {
                  assertThat(IsoDuration.parse(interval.toString(), parts[1]).subtractFrom(end))
                      .isEqualTo(start);
                } else if (parts[2].startsWith("P")) {
                  assertThat(IsoDuration.parse(interval.toString(), parts[2]).addTo(start))
                      .isEqualTo(end);
                } else {
                  assertThat(window.length())
                      .isEqualTo(
                          Duration.between(
                              OffsetDateTime.parse(parts[1]), OffsetDateTime.parse(parts[2])));
                }
              }
            });
  }

  @Test
  void windowCountIsNForSpecAndNPlusOneForRafiki() {
    qt().withExamples(EXAMPLES)
        .forAll(intervals(), countings())
        .checkAssert(
            (interval, counting) -> {
              if (interval.repetitions().isPresent()) {
                long n = interval.repetitions().getAsLong();
                assertThat(interval.windows(counting, Integer.MAX_VALUE))
                    .hasSize((int) (counting == WindowCounting.SPEC_N ? n : n + 1));
              } else {
                assertThat(interval.windows(counting, LISTED)).hasSize(LISTED);
              }
            });
  }

  @Test
  void everyInstantInsideTheSpanMapsToExactlyOneWindow() {
    qt().withExamples(EXAMPLES)
        .forAll(intervals(), countings(), Generate.range(0, LISTED - 1), fractionsBelowOne())
        .assuming(
            (interval, counting, pick, fraction) -> !interval.windows(counting, LISTED).isEmpty())
        .checkAssert(
            (interval, counting, pick, fraction) -> {
              List<IntervalWindow> windows = interval.windows(counting, LISTED);
              IntervalWindow window = windows.get(pick % windows.size());
              Instant instant =
                  window.start().plusNanos((long) (window.length().toNanos() * fraction));

              assertThat(interval.windowAt(instant, counting)).contains(window);
              assertThat(windows.stream().filter(w -> w.contains(instant))).hasSize(1);
            });
  }

  @Test
  void instantsBeforeTheFirstOrAfterTheLastWindowMapToNone() {
    qt().withExamples(EXAMPLES)
        .forAll(intervals(), countings(), SpreadNumbers.integers(0, 100_000_000))
        .checkAssert(
            (interval, counting, secondsOutside) -> {
              List<IntervalWindow> windows =
                  interval.windows(
                      counting, interval.repetitions().isPresent() ? Integer.MAX_VALUE : 1);
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
                assertThat(interval.windowAt(first.start().minusNanos(1).minus(outside), counting))
                    .isEmpty();
              }
              if (interval.repetitions().isPresent()) {
                Instant beyondLast =
                    backward ? last.start().minusNanos(1).minus(outside) : last.end().plus(outside);
                assertThat(interval.windowAt(beyondLast, counting)).isEmpty();
              }
            });
  }

  @Test
  void windowAtFarFromTheAnchorAgreesWithTheStepByStepChain() {
    qt().withExamples(FAR_EXAMPLES)
        .forAll(
            monthEndAnchors(),
            monthStepsAndSome(),
            Generate.booleans(),
            SpreadNumbers.integers(0, 2_000))
        .checkAssert(
            (anchor, step, backward, index) -> {
              String text = backward ? "R/" + step + "/" + anchor : "R/" + anchor + "/" + step;
              RepeatingInterval interval = RepeatingInterval.parse(text);
              IsoDuration duration = IsoDuration.parse(text, step);
              OffsetDateTime boundary = anchor;
              for (int i = 0; i < index; i++) {
                boundary = backward ? duration.subtractFrom(boundary) : duration.addTo(boundary);
              }
              OffsetDateTime other =
                  backward ? duration.subtractFrom(boundary) : duration.addTo(boundary);
              IntervalWindow expected =
                  backward
                      ? new IntervalWindow(index, other.toInstant(), boundary.toInstant())
                      : new IntervalWindow(index, boundary.toInstant(), other.toInstant());
              Instant middle = expected.start().plus(expected.length().dividedBy(2));

              assertThat(interval.windowAt(middle, WindowCounting.SPEC_N)).contains(expected);
              assertThat(interval.windowAt(expected.start(), WindowCounting.SPEC_N))
                  .contains(expected);
              assertThat(interval.window(index, WindowCounting.SPEC_N)).contains(expected);
            });
  }

  /**
   * Mixed steps reach far windows through the chain's repetition (every 400 years of the calendar);
   * the window they find is the one taking every step from the anchor gives, from anchors in any
   * year (negative ones too), on month ends and leap days, forward and backward.
   */
  @Test
  void windowAtBeyondTheChainsRepetitionAgreesWithTheStepByStepChain() {
    qt().withExamples(FAR_REACH_EXAMPLES)
        .forAll(
            anyYearAnchors(false),
            Generate.pick(REPEATING_MIXED_STEPS),
            Generate.booleans(),
            SpreadNumbers.integers(0, FAR_REACH_INDEX))
        .checkAssert(
            (anchor, step, backward, index) -> {
              String text = backward ? "R/" + step + "/" + anchor : "R/" + anchor + "/" + step;
              IsoDuration duration = IsoDuration.parse(text, step);
              int early = index / 3;
              OffsetDateTime boundary = anchor;
              OffsetDateTime earlyBoundary = anchor;
              for (int i = 0; i < index; i++) {
                boundary = backward ? duration.subtractFrom(boundary) : duration.addTo(boundary);
                if (i + 1 == early) {
                  earlyBoundary = boundary;
                }
              }
              IntervalWindow expected = window(index, boundary, duration, backward);
              IntervalWindow expectedEarly = window(early, earlyBoundary, duration, backward);
              Instant middle = expected.start().plus(expected.length().dividedBy(2));
              Instant lastInstant = expected.end().minusNanos(1);

              RepeatingInterval interval = RepeatingInterval.parse(text);
              assertThat(interval.windowAt(middle, WindowCounting.SPEC_N)).contains(expected);
              assertThat(interval.window(early, WindowCounting.SPEC_N)).contains(expectedEarly);
              assertThat(interval.windowAt(lastInstant, WindowCounting.SPEC_N)).contains(expected);
              RepeatingInterval fresh = RepeatingInterval.parse(text);
              assertThat(fresh.window(index, WindowCounting.SPEC_N)).contains(expected);
              assertThat(fresh.windowAt(expected.start(), WindowCounting.SPEC_N))
                  .contains(expected);
              assertThat(fresh.windowAt(expectedEarly.start(), WindowCounting.SPEC_N))
                  .contains(expectedEarly);
            });
  }

  /**
   * However far from its anchor the instant lies, anywhere in java.time's range, finding its window
   * takes at most the chain's bounded walk plus a few dozen steps, and never fails but with {@link
   * WindowOutOfReachException} for a step that does not repeat within that walk.
   */
  @Test
  void windowAtAnyInstantTakesBoundedSteps() {
    qt().withExamples(ANY_INSTANT_EXAMPLES)
        .forAll(
            anyYearAnchors(true),
            Generate.pick(ALL_MIXED_STEPS),
            Generate.booleans(),
            Generate.longRange(EARLIEST_SECOND, LATEST_SECOND))
        .checkAssert(
            (anchor, step, backward, second) -> {
              String text = backward ? "R/" + step + "/" + anchor : "R/" + anchor + "/" + step;
              RepeatingInterval interval;
              try {
                interval = RepeatingInterval.parse(text);
              } catch (InvalidIntervalException e) {
                // Only a first window outside java.time's range; the grammar refuses that interval.
                assertThat(e.getMessage()).contains("outside the representable years");
                return;
              }
              Instant at = Instant.ofEpochSecond(second);

              try {
                Optional<IntervalWindow> found = interval.windowAt(at, WindowCounting.SPEC_N);
                found.ifPresent(window -> assertThat(window.contains(at)).isTrue());
              } catch (WindowOutOfReachException e) {
                assertThat(step).isIn(NON_REPEATING_MIXED_STEPS);
                assertThat(e.getMessage()).contains(text);
              }
              assertThat(interval.steps()).isLessThanOrEqualTo(MAX_STEPS_PER_LOOKUP);
            });
  }

  @Test
  void anIntervalStartingThreeMillionYearsAgoFindsTodaysWindowInFewSteps() {
    RepeatingInterval interval = RepeatingInterval.parse("R/-2999999-01-01T00:00:00Z/P1M1D");
    Instant now = Instant.parse("2026-12-07T08:00:00Z");

    IntervalWindow window = interval.windowAt(now, WindowCounting.SPEC_N).orElseThrow();

    assertThat(window.contains(now)).isTrue();
    assertThat(interval.window(window.index() + 1, WindowCounting.SPEC_N).orElseThrow().start())
        .isEqualTo(window.end());
    assertThat(interval.steps()).isLessThanOrEqualTo(MAX_STEPS_PER_LOOKUP);
  }

  @Test
  void backwardFormMirrorsTheForwardFormForExactSteps() {
    qt().withExamples(EXAMPLES)
        .forAll(dateTimes(), Generate.pick(EXACT_STEPS), Generate.range(1, 30))
        .checkAssert(
            (end, step, repetitions) -> {
              RepeatingInterval backward =
                  RepeatingInterval.parse("R" + repetitions + "/" + step + "/" + end);
              List<IntervalWindow> backwardWindows =
                  backward.windows(WindowCounting.SPEC_N, LISTED);
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
              assertThat(forwardWindows.get(forwardWindows.size() - 1).end())
                  .isEqualTo(end.toInstant());
            });
  }

  /** Intervals of all three forms, bounded (R0 to R30) or not, with every kind of step. */
  private static Gen<RepeatingInterval> intervals() {
    Gen<String> count =
        Generate.oneOf(Generate.range(0, 30).map(n -> "R" + n), Generate.pick(List.of("R", "R-1")));
    Gen<String> step =
        Generate.oneOf(
            Generate.pick(EXACT_STEPS), Generate.pick(MONTH_STEPS), Generate.pick(MIXED_STEPS));
    Gen<Integer> form = Generate.range(0, 2);
    Gen<Integer> spanSeconds = SpreadNumbers.integers(1, 40 * 86_400);
    return count
        .zip(
            dateTimes(),
            step,
            form,
            spanSeconds,
            (r, dateTime, duration, shape, span) ->
                switch (shape) {
                  case 0 -> r + "/" + dateTime + "/" + duration;
                  case 1 -> r + "/" + duration + "/" + dateTime;
                  default -> r + "/" + dateTime + "/" + dateTime.plusSeconds(span);
                })
        .map(RepeatingInterval::parse);
  }

  /** UTC date-times from 1990 to 2060, half of them on day 28 or later of their month. */
  private static Gen<OffsetDateTime> dateTimes() {
    Gen<YearMonth> months =
        Generate.range(1990 * 12, 2060 * 12).map(m -> YearMonth.of(m / 12, m % 12 + 1));
    Gen<Integer> days = Generate.oneOf(Generate.range(1, 27), Generate.range(28, 31));
    Gen<Integer> seconds = SpreadNumbers.integers(0, 86_399);
    return months.zip(
        days,
        seconds,
        (month, day, second) ->
            month
                .atDay(Math.min(day, month.lengthOfMonth()))
                .atStartOfDay()
                .plusSeconds(second)
                .atOffset(ZoneOffset.UTC));
  }

  /**
   * UTC date-times in any year from -3,000,000 to 3,000,000 (and, if asked, near the ends of
   * java.time's range), a third of them on a month's last days and some on 29 February of a leap
   * year.
   */
  private static Gen<OffsetDateTime> anyYearAnchors(boolean rangeEnds) {
    Gen<Integer> years =
        Generate.frequency(
            Pair.of(6, Generate.range(-3_000_000, 3_000_000)),
            Pair.of(3, Generate.pick(List.of(-2_999_999, -400, -4, 0, 1600, 1900, 2000, 2024))),
            Pair.of(rangeEnds ? 1 : 0, Generate.pick(List.of(-999_999_999, 999_999_000))));
    Gen<Integer> days =
        Generate.frequency(
            Pair.of(4, Generate.range(1, 27)),
            Pair.of(2, Generate.range(28, 31)),
            Pair.of(1, Generate.constant(0)));
    Gen<Integer> seconds = SpreadNumbers.integers(0, 86_399);
    return years.zip(
        Generate.range(1, 12),
        days,
        seconds,
        (year, month, day, second) -> {
          LocalDate date;
          if (day == 0) {
            int leap = year - Math.floorMod(year, 4);
            if (leap < Year.MIN_VALUE) {
              leap += 4;
            }
            date = Year.isLeap(leap) ? LocalDate.of(leap, 2, 29) : LocalDate.of(leap, 2, 28);
          } else {
            YearMonth yearMonth = YearMonth.of(year, month);
            date = yearMonth.atDay(Math.min(day, yearMonth.lengthOfMonth()));
          }
          return date.atStartOfDay().plusSeconds(second).atOffset(ZoneOffset.UTC);
        });
  }

  private static IntervalWindow window(
      long index, OffsetDateTime boundary, IsoDuration step, boolean backward) {
    OffsetDateTime other = backward ? step.subtractFrom(boundary) : step.addTo(boundary);
    return backward
        ? new IntervalWindow(index, other.toInstant(), boundary.toInstant())
        : new IntervalWindow(index, boundary.toInstant(), other.toInstant());
  }

  /** Date-times on day 28 or later, where whole-month steps clamp and chains drift. */
  private static Gen<OffsetDateTime> monthEndAnchors() {
    return dateTimes()
        .zip(
            Generate.range(28, 31),
            (d, day) -> d.withDayOfMonth(Math.min(day, d.toLocalDate().lengthOfMonth())));
  }

  private static Gen<String> monthStepsAndSome() {
    List<String> steps = new ArrayList<>(MONTH_STEPS);
    steps.addAll(MIXED_STEPS);
    steps.add("P1D");
    return Generate.pick(steps);
  }

  private static Gen<WindowCounting> countings() {
    return Generate.enumValues(WindowCounting.class);
  }

  /**
   * Doubles in [0, 1): any multiple of 2^-53 (as {@code Random.nextDouble} draws them), whole
   * hundredths, or the two ends, 0 and the largest double below 1.
   */
  private static Gen<Double> fractionsBelowOne() {
    Gen<Double> continuous = Generate.longRange(0, (1L << 53) - 1).map(units -> units * 0x1.0p-53);
    Gen<Double> hundredths = Generate.range(0, 99).map(h -> h / 100.0);
    Gen<Double> ends = Generate.pick(List.of(0.0, Math.nextDown(1.0)));
    return Generate.frequency(Pair.of(4, continuous), Pair.of(4, hundredths), Pair.of(2, ends));
  }

  private static boolean isBackward(RepeatingInterval interval) {
    return interval.toString().split("/")[1].startsWith("P");
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

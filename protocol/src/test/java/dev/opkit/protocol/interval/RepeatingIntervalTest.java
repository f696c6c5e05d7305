package dev.opkit.protocol.interval;

import static dev.opkit.protocol.interval.WindowCounting.RAFIKI_N_PLUS_ONE;
import static dev.opkit.protocol.interval.WindowCounting.SPEC_N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepeatingIntervalTest {

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private static IntervalWindow window(long index, String start, String end) {
    return new IntervalWindow(index, at(start), at(end));
  }

  @Test
  void windowsWhenR3MonthlyThenSpecGivesThreeAndRafikiFour() {
    RepeatingInterval interval = RepeatingInterval.parse("R3/2025-05-20T13:00:00Z/P1M");

    assertThat(interval.repetitions()).isEqualTo(OptionalLong.of(3));
    assertThat(interval.windows(SPEC_N, 100))
        .containsExactly(
            window(0, "2025-05-20T13:00:00Z", "2025-06-20T13:00:00Z"),
            window(1, "2025-06-20T13:00:00Z", "2025-07-20T13:00:00Z"),
            window(2, "2025-07-20T13:00:00Z", "2025-08-20T13:00:00Z"));
    assertThat(interval.windows(RAFIKI_N_PLUS_ONE, 100))
        .hasSize(4)
        .last()
        .isEqualTo(window(3, "2025-08-20T13:00:00Z", "2025-09-20T13:00:00Z"));
    assertThat(interval.windowCount(SPEC_N)).hasValue(3);
    assertThat(interval.windowCount(RAFIKI_N_PLUS_ONE)).hasValue(4);
  }

  @Test
  void windowAtWhenInFourthMonthThenOnlyRafikiCountingHasAWindow() {
    RepeatingInterval interval = RepeatingInterval.parse("R3/2025-05-20T13:00:00Z/P1M");
    Instant inFourthMonth = at("2025-09-01T00:00:00Z");

    assertThat(interval.windowAt(inFourthMonth, SPEC_N)).isEmpty();
    assertThat(interval.windowAt(inFourthMonth, RAFIKI_N_PLUS_ONE))
        .contains(window(3, "2025-08-20T13:00:00Z", "2025-09-20T13:00:00Z"));
  }

  @Test
  void windowsWhenR0ThenSpecHasNoneAndRafikiOne() {
    RepeatingInterval interval = RepeatingInterval.parse("R0/2025-01-01T00:00:00Z/P1D");

    assertThat(interval.windows(SPEC_N, 10)).isEmpty();
    assertThat(interval.windowAt(at("2025-01-01T12:00:00Z"), SPEC_N)).isEmpty();
    assertThat(interval.windows(RAFIKI_N_PLUS_ONE, 10))
        .containsExactly(window(0, "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z"));
    assertThat(interval.firstStart()).isEqualTo(at("2025-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"R/2025-01-01T00:00:00Z/P1D", "R-1/2025-01-01T00:00:00Z/P1D"})
  void parseWhenRWithoutCountOrMinusOneThenUnbounded(String text) {
    RepeatingInterval interval = RepeatingInterval.parse(text);

    assertThat(interval.repetitions()).isEmpty();
    assertThat(interval.windowCount(SPEC_N)).isEmpty();
    assertThat(interval.windows(SPEC_N, 1000)).hasSize(1000);
    assertThat(interval.windowAt(at("2125-06-01T10:00:00Z"), SPEC_N))
        .hasValueSatisfying(w -> assertThat(w.start()).isEqualTo(at("2125-06-01T00:00:00Z")));
  }

  @Test
  void windowsWhenStartsOnJanuary31ThenChainedMonthEndsDrift() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2024-01-31T00:00:00Z/P1M");

    assertThat(interval.windows(SPEC_N, 3))
        .containsExactly(
            window(0, "2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z"),
            window(1, "2024-02-29T00:00:00Z", "2024-03-29T00:00:00Z"),
            window(2, "2024-03-29T00:00:00Z", "2024-04-29T00:00:00Z"));
    assertThat(interval.windowAt(at("2024-03-30T00:00:00Z"), SPEC_N))
        .contains(window(2, "2024-03-29T00:00:00Z", "2024-04-29T00:00:00Z"));
    assertThat(interval.window(2, SPEC_N))
        .contains(window(2, "2024-03-29T00:00:00Z", "2024-04-29T00:00:00Z"));
  }

  @Test
  void windowAtWhenFarAfterMonthEndStartThenMatchesStepByStepChain() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2000-01-31T10:00:00Z/P1M");
    OffsetDateTime boundary = OffsetDateTime.parse("2000-01-31T10:00:00Z");
    long index = 0;
    Instant target = at("2400-03-15T00:00:00Z");
    while (!boundary.plusMonths(1).toInstant().isAfter(target)) {
      boundary = boundary.plusMonths(1);
      index++;
    }

    assertThat(interval.windowAt(target, SPEC_N))
        .contains(
            new IntervalWindow(index, boundary.toInstant(), boundary.plusMonths(1).toInstant()));
    assertThat(index).isEqualTo(400 * 12 + 1);
    assertThat(boundary.getDayOfMonth()).isEqualTo(28);
  }

  @Test
  void windowsWhenFebruary29EveryFourYearsThenClampsOnlyInNonLeap2100() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2096-02-29T00:00:00Z/P4Y");

    assertThat(interval.windows(SPEC_N, 3))
        .containsExactly(
            window(0, "2096-02-29T00:00:00Z", "2100-02-28T00:00:00Z"),
            window(1, "2100-02-28T00:00:00Z", "2104-02-28T00:00:00Z"),
            window(2, "2104-02-28T00:00:00Z", "2108-02-28T00:00:00Z"));
    assertThat(interval.windowAt(at("2105-01-01T00:00:00Z"), SPEC_N))
        .contains(window(2, "2104-02-28T00:00:00Z", "2108-02-28T00:00:00Z"));
  }

  @Test
  void windowAtWhenYearlyFromJanuary31ThenNeverDriftsEvenFarAhead() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2000-01-31T00:00:00Z/P1Y");

    assertThat(interval.windowAt(at("5000-06-01T00:00:00Z"), SPEC_N))
        .contains(window(3000, "5000-01-31T00:00:00Z", "5001-01-31T00:00:00Z"));
  }

  @Test
  void windowAtWhenOneSecondStepsAndThirtyYearsLaterThenComputedWithoutStepping() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2000-01-01T00:00:00Z/PT1S");
    Instant target = at("2030-06-15T12:34:56.5Z");
    long seconds = Duration.between(at("2000-01-01T00:00:00Z"), target).getSeconds();

    long began = System.nanoTime();
    var found = interval.windowAt(target, SPEC_N);
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(found).contains(window(seconds, "2030-06-15T12:34:56Z", "2030-06-15T12:34:57Z"));
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void windowAtWhenOnBoundaryThenStartIsInclusiveAndEndExclusive() {
    RepeatingInterval interval = RepeatingInterval.parse("R2/2025-01-01T00:00:00Z/P1D");

    assertThat(interval.windowAt(at("2025-01-01T00:00:00Z"), SPEC_N))
        .map(IntervalWindow::index)
        .contains(0L);
    assertThat(interval.windowAt(at("2025-01-02T00:00:00Z"), SPEC_N))
        .map(IntervalWindow::index)
        .contains(1L);
    assertThat(interval.windowAt(at("2025-01-02T23:59:59.999999999Z"), SPEC_N))
        .map(IntervalWindow::index)
        .contains(1L);
    assertThat(interval.windowAt(at("2025-01-03T00:00:00Z"), SPEC_N)).isEmpty();
    assertThat(interval.windowAt(at("2024-12-31T23:59:59.999999999Z"), SPEC_N)).isEmpty();
  }

  @Test
  void windowsWhenBackwardFormThenChainsBackFromTheEnd() {
    RepeatingInterval interval = RepeatingInterval.parse("R3/P1M/2024-03-31T00:00:00Z");

    assertThat(interval.windows(SPEC_N, 10))
        .containsExactly(
            window(0, "2024-02-29T00:00:00Z", "2024-03-31T00:00:00Z"),
            window(1, "2024-01-29T00:00:00Z", "2024-02-29T00:00:00Z"),
            window(2, "2023-12-29T00:00:00Z", "2024-01-29T00:00:00Z"));
    assertThat(interval.firstStart()).isEqualTo(at("2024-02-29T00:00:00Z"));
    assertThat(interval.windowAt(at("2024-02-01T00:00:00Z"), SPEC_N))
        .map(IntervalWindow::index)
        .contains(1L);
    assertThat(interval.windowAt(at("2024-01-15T00:00:00Z"), SPEC_N))
        .map(IntervalWindow::index)
        .contains(2L);
    assertThat(interval.windowAt(at("2024-03-31T00:00:00Z"), SPEC_N)).isEmpty();
    assertThat(interval.windowAt(at("2023-12-28T23:59:59Z"), SPEC_N)).isEmpty();
    assertThat(interval.windowAt(at("2023-12-28T23:59:59Z"), RAFIKI_N_PLUS_ONE))
        .contains(window(3, "2023-11-29T00:00:00Z", "2023-12-29T00:00:00Z"));
  }

  @Test
  void windowAtWhenUnboundedBackwardFormFarInThePastThenFound() {
    RepeatingInterval interval = RepeatingInterval.parse("R-1/P1Y2M10DT2H30M/2022-05-11T15:30:00Z");

    assertThat(interval.windowAt(at("1900-01-01T00:00:00Z"), SPEC_N))
        .hasValueSatisfying(
            w -> {
              assertThat(w.contains(at("1900-01-01T00:00:00Z"))).isTrue();
              assertThat(interval.window(w.index(), SPEC_N)).contains(w);
            });
  }

  @Test
  void windowsWhenStartEndFormThenStepsByTheExactSpan() {
    RepeatingInterval interval =
        RepeatingInterval.parse("R/2017-03-01T13:00:00Z/2018-05-11T15:30:00Z");
    Duration span = Duration.between(at("2017-03-01T13:00:00Z"), at("2018-05-11T15:30:00Z"));

    List<IntervalWindow> windows = interval.windows(SPEC_N, 2);

    assertThat(windows.get(0)).isEqualTo(window(0, "2017-03-01T13:00:00Z", "2018-05-11T15:30:00Z"));
    assertThat(windows.get(1).start()).isEqualTo(at("2018-05-11T15:30:00Z"));
    assertThat(windows.get(1).length()).isEqualTo(span);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "R11/2022-08-24T14:15:22Z/P1M",
        "R/2017-03-01T13:00:00Z/2018-05-11T15:30:00Z",
        "R-1/P1Y2M10DT2H30M/2022-05-11T15:30:00Z",
        "R12/2019-08-24T14:15:22Z/P1M"
      })
  void parseWhenExampleFromTheOpenApiSpecThenAccepted(String text) {
    RepeatingInterval interval = RepeatingInterval.parse(text);

    assertThat(interval.toString()).isEqualTo(text);
    assertThat(interval.windows(SPEC_N, 1)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "R1/2025-01-01T00:00:00Z/P1W, 2025-01-08T00:00:00Z",
    "R1/2025-01-01T00:00:00Z/PT1H, 2025-01-01T01:00:00Z",
    "R1/2025-01-01T00:00:00Z/P1W2D, 2025-01-10T00:00:00Z",
    "R1/2025-01-01T00:00:00Z/P1Y2M10DT2H30M, 2026-03-11T02:30:00Z",
    "R1/2025-01-01T00:00:00Z/PT0.5S, 2025-01-01T00:00:00.500Z",
    "R1/2025-01-01T00:00:00Z/P1DT12H, 2025-01-02T12:00:00Z",
    "R1/2024-01-31T00:00:00Z/P1M, 2024-02-29T00:00:00Z",
    "R1/2024-01-31T00:00:00Z/P1M1D, 2024-03-01T00:00:00Z"
  })
  void parseWhenDurationCombinesUnitsThenFirstWindowEndsWhereCalendarArithmeticSays(
      String text, String end) {
    assertThat(RepeatingInterval.parse(text).window(0, SPEC_N))
        .hasValueSatisfying(w -> assertThat(w.end()).isEqualTo(at(end)));
  }

  @Test
  void parseWhenStartHasOffsetThenArithmeticHappensInUtc() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2024-01-31T01:00:00+02:00/P1M");

    assertThat(interval.windows(SPEC_N, 2))
        .containsExactly(
            window(0, "2024-01-30T23:00:00Z", "2024-02-29T23:00:00Z"),
            window(1, "2024-02-29T23:00:00Z", "2024-03-29T23:00:00Z"));
  }

  @Test
  void parseWhenStartIsDateOnlyThenMidnightUtc() {
    assertThat(RepeatingInterval.parse("R/2024-06-01/P1D").firstStart())
        .isEqualTo(at("2024-06-01T00:00:00Z"));
  }

  @Test
  void parseWhenStartHasNoOffsetThenUtc() {
    assertThat(RepeatingInterval.parse("R/2024-06-01T08:30/P1D").firstStart())
        .isEqualTo(at("2024-06-01T08:30:00Z"));
  }

  @Test
  void windowAtWhenStepMixesMonthsAndDaysThenChainIsStepped() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2024-01-20T00:00:00Z/P1M10D");

    assertThat(interval.windows(SPEC_N, 2))
        .containsExactly(
            window(0, "2024-01-20T00:00:00Z", "2024-03-01T00:00:00Z"),
            window(1, "2024-03-01T00:00:00Z", "2024-04-11T00:00:00Z"));
    OffsetDateTime boundary = OffsetDateTime.of(2024, 1, 20, 0, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < 500; i++) {
      boundary = boundary.plusMonths(1).plusDays(10);
    }
    assertThat(interval.windowAt(boundary.toInstant(), SPEC_N))
        .map(IntervalWindow::index)
        .contains(500L);
  }

  @Test
  void windowWhenIndexNegativeThenIllegalArgument() {
    RepeatingInterval interval = RepeatingInterval.parse("R/2024-01-01T00:00:00Z/P1D");

    assertThatThrownBy(() -> interval.window(-1, SPEC_N))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(interval.window(3, SPEC_N))
        .contains(window(3, "2024-01-04T00:00:00Z", "2024-01-05T00:00:00Z"));
  }

  @Test
  void equalsWhenSameTextThenEqual() {
    assertThat(RepeatingInterval.parse("R/2024-01-01T00:00:00Z/P1D"))
        .isEqualTo(RepeatingInterval.parse("R/2024-01-01T00:00:00Z/P1D"))
        .hasSameHashCodeAs(RepeatingInterval.parse("R/2024-01-01T00:00:00Z/P1D"))
        .isNotEqualTo(RepeatingInterval.parse("R/2024-01-01T00:00:00Z/P2D"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "R-2/2024-01-01T00:00:00Z/P1D | repetition count \"R-2\"",
        "Rx/2024-01-01T00:00:00Z/P1D | repetition count \"Rx\"",
        "R1.5/2024-01-01T00:00:00Z/P1D | repetition count \"R1.5\"",
        "3/2024-01-01T00:00:00Z/P1D | repetition part \"3\"",
        "R99999999999999999999/2024-01-01T00:00:00Z/P1D | is larger than",
        "R/2024-01-01T00:00:00Z | three parts",
        "2024-01-01T00:00:00Z/P1D | three parts",
        "R/2024-01-01T00:00:00Z/P1D/P1D | three parts",
        "R//P1D | second part (start or duration) is missing",
        "R/2024-01-01T00:00:00Z/ | third part (duration or end) is missing",
        "R/P1D/P1M | are durations",
        "R/2024-01-01T00:00:00Z/PT0S | \"PT0S\" has zero length",
        "R/2024-01-01T00:00:00Z/P0D | \"P0D\" has zero length",
        "R/2024-01-01T00:00:00Z/P-1D | duration \"P-1D\" is not",
        "R/2024-01-01T00:00:00Z/PT-1H | duration \"PT-1H\" is not",
        "R/2024-01-01T00:00:00Z/P | duration \"P\" is not",
        "R/2024-01-01T00:00:00Z/PT | duration \"PT\" is not",
        "R/2024-01-01T00:00:00Z/P1DT | duration \"P1DT\" is not",
        "R/2024-01-01T00:00:00Z/P1.5D | duration \"P1.5D\" is not",
        "R/2024-01-01T00:00:00Z/P1D2M | duration \"P1D2M\" is not",
        "R/2024-01-01T00:00:00Z/P0001-02-03 | duration \"P0001-02-03\" is not",
        "R/2024-01-01T00:00:00Z/P99999999999D | too large",
        "R/2024-01-01T00:00:00Z/P999999999Y | outside the representable years",
        "R/2024-01-01T25:00:00Z/P1D | start \"2024-01-01T25:00:00Z\" is not",
        "R/2024-02-30T00:00:00Z/P1D | start \"2024-02-30T00:00:00Z\" is not",
        "R/2024-01-01 00:00:00Z/P1D | start \"2024-01-01 00:00:00Z\" is not",
        "R/yesterday/P1D | start \"yesterday\" is not",
        "R/P1D/tomorrow | end \"tomorrow\" is not",
        "R/2024-01-02T00:00:00Z/2024-01-01T00:00:00Z | is not before the end",
        "R/2024-01-01T00:00:00Z/2024-01-01T00:00:00Z | is not before the end",
        "R/2024-01-01T02:00:00+02:00/2024-01-01T00:00:00Z | is not before the end"
      })
  void parseWhenMalformedThenInvalidIntervalNamingThePart(String text, String expected) {
    assertThatThrownBy(() -> RepeatingInterval.parse(text))
        .isInstanceOf(InvalidIntervalException.class)
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("Invalid repeating interval \"" + text + "\": ")
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(((InvalidIntervalException) e).interval()).isEqualTo(text));
  }
}

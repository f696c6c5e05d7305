package dev.opkit.mock.auth.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.model.Limits;
import org.junit.jupiter.api.Test;

class LimitsInWordsTest {
  private static final Amount FIVE_DOLLARS = Amount.of("500", "USD", 2);

  @Test
  void describeWhenMonthlyDebitLimitThenPlainWordsWithSpecCount() {
    Limits limits = new Limits(null, "R12/2019-08-24T00:00:00Z/P1M", FIVE_DOLLARS, null);

    assertThat(LimitsInWords.describe(limits, WindowCounting.SPEC_N))
        .isEqualTo("up to 5.00 USD each month, 12 times, from 24 Aug 2019");
  }

  @Test
  void describeWhenRafikiCountingThenOneMoreTime() {
    Limits limits = new Limits(null, "R12/2019-08-24T14:15:22Z/P1M", FIVE_DOLLARS, null);

    assertThat(LimitsInWords.describe(limits, WindowCounting.RAFIKI_N_PLUS_ONE))
        .isEqualTo("up to 5.00 USD each month, 13 times, from 24 Aug 2019 at 14:15 UTC");
  }

  @Test
  void describeWhenUnboundedWeeklyReceiveLimitWithReceiverThenAllParts() {
    Limits limits =
        new Limits(
            "https://rs.example/incoming-payments/1",
            "R/2025-01-06/P2W",
            null,
            Amount.of("1000", "EUR", 2));

    assertThat(LimitsInWords.describe(limits, WindowCounting.SPEC_N))
        .isEqualTo(
            "up to 10.00 EUR received every 2 weeks, with no end, from 6 Jan 2025, only to the"
                + " incoming payment https://rs.example/incoming-payments/1");
  }

  @Test
  void describeWhenNoIntervalThenTotal() {
    assertThat(
            LimitsInWords.describe(
                new Limits(null, null, FIVE_DOLLARS, null), WindowCounting.SPEC_N))
        .isEqualTo("up to 5.00 USD in total");
    assertThat(LimitsInWords.describe(null, WindowCounting.SPEC_N)).isEqualTo("no limits");
  }

  @Test
  void describeWhenMixedDurationOrBackwardThenSpelledOut() {
    Limits mixed = new Limits(null, "R1/2025-03-01T00:00:00Z/P1M2D", FIVE_DOLLARS, null);
    Limits backward = new Limits(null, "R2/P1D/2025-03-01T00:00:00Z", null, null);

    assertThat(LimitsInWords.describe(mixed, WindowCounting.SPEC_N))
        .isEqualTo("up to 5.00 USD every 1 month and 2 days, once, from 1 Mar 2025");
    assertThat(LimitsInWords.describe(backward, WindowCounting.SPEC_N))
        .isEqualTo("any amount each day, twice, until 1 Mar 2025");
  }
}

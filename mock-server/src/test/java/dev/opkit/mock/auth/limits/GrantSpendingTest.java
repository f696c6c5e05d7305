package dev.opkit.mock.auth.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantSpendingTest {
  private static final Asset USD = new Asset("USD", 2);
  private static final Asset EUR = new Asset("EUR", 2);
  private static final String RECEIVER = "http://localhost:4100/incoming-payments/1";
  private static final Instant MAY_21 = Instant.parse("2025-05-21T00:00:00Z");
  private static final Instant JUNE_21 = Instant.parse("2025-06-21T00:00:00Z");
  private static final RepeatingInterval MONTHLY_R2 =
      RepeatingInterval.parse("R2/2025-05-20T13:00:00Z/P1M");

  private final GrantSpending spending = new GrantSpending();

  @Test
  void checkWhenNoLimitsThenEveryPaymentPassesAndIsCounted() {
    Reservation first = pay("g", SpendingLimits.NONE, usd(500), MAY_21);
    Reservation second = pay("g", SpendingLimits.NONE, usd(700), MAY_21);

    assertThat(first.before().debit()).isEqualTo(usd(0));
    assertThat(second.before().debit()).isEqualTo(usd(500));
    assertThat(second.after().debit()).isEqualTo(usd(1200));
    assertThat(second.window()).isEqualTo(GrantSpending.LIFETIME);
  }

  @Test
  void checkWhenPaymentReachesLimitExactlyThenAllowed() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, null);
    pay("g", limits, usd(600), MAY_21);

    Reservation last = pay("g", limits, usd(400), MAY_21);

    assertThat(last.after().debit()).isEqualTo(usd(1000));
  }

  @Test
  void checkWhenPaymentWouldPassLimitThenForbiddenNamingLimitSpentAndWindow() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(600), MAY_21);

    assertThatThrownBy(() -> pay("g", limits, usd(401), MAY_21))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("limit_exceeded");
              assertThat(e.description())
                  .contains("debitAmount")
                  .contains("limit 10.00 USD")
                  .contains("spent 6.00 USD")
                  .contains("remaining 4.00 USD")
                  .contains("2025-05-20T13:00:00Z to 2025-06-20T13:00:00Z");
              assertThat(e.details()).containsEntry("limit", "debitAmount");
            });
    assertThat(spending.current("g", limits, MAY_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .map(SpentAmounts::debit)
        .contains(usd(600));
  }

  @Test
  void checkWhenPaymentAloneAboveLimitThenForbidden() {
    SpendingLimits limits = new SpendingLimits(null, null, eur(100), null);

    assertThatThrownBy(() -> pay("g", limits, usd(50), eur(101), MAY_21))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("receiveAmount");
  }

  @Test
  void checkWhenOtherReceiverThenForbidden() {
    SpendingLimits limits =
        new SpendingLimits("http://localhost:4100/incoming-payments/2", null, null, null);

    assertThatThrownBy(() -> pay("g", limits, usd(1), MAY_21))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("may only pay the incoming payment");
  }

  @Test
  void checkWhenLimitInOtherAssetThenForbidden() {
    SpendingLimits limits = new SpendingLimits(null, eur(1000), null, null);

    assertThatThrownBy(() -> pay("g", limits, usd(1), MAY_21))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("limit is in EUR/2");
  }

  @Test
  void checkWhenNextWindowThenLimitIsAvailableAgain() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(1000), MAY_21);

    Reservation june = pay("g", limits, usd(1000), JUNE_21);

    assertThat(june.window()).isEqualTo(1);
    assertThat(june.before().debit()).isEqualTo(usd(0));
  }

  @Test
  void checkWhenBeforeFirstWindowThenForbidden() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);

    assertThatThrownBy(() -> pay("g", limits, usd(1), Instant.parse("2025-05-01T00:00:00Z")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("first window starts at 2025-05-20T13:00:00Z");
  }

  @Test
  void checkWhenAfterLastRepetitionThenForbiddenPerCounting() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    Instant august = Instant.parse("2025-08-01T00:00:00Z");

    assertThat(pay("g", limits, usd(1), august, WindowCounting.RAFIKI_N_PLUS_ONE).window())
        .isEqualTo(2);
    assertThatThrownBy(() -> pay("h", limits, usd(1), august, WindowCounting.SPEC_N))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("last window has ended");
  }

  @Test
  void releaseWhenPaymentOfOlderWindowFailsThenOnlyThatWindowGetsItBack() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    Reservation may = pay("g", limits, usd(700), MAY_21);
    pay("g", limits, usd(300), JUNE_21);

    spending.release(may);

    assertThat(spending.current("g", limits, JUNE_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .map(SpentAmounts::debit)
        .contains(usd(300));
    assertThat(spending.current("g", limits, MAY_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .map(SpentAmounts::debit)
        .contains(usd(0));
    assertThatThrownBy(() -> pay("g", limits, usd(701), JUNE_21)).isInstanceOf(ApiException.class);
  }

  @Test
  void currentWhenNeverSpentThenEmpty() {
    assertThat(spending.current("g", SpendingLimits.NONE, MAY_21, WindowCounting.SPEC_N)).isEmpty();
  }

  @Test
  void currentWhenFreshWindowThenZeroInTrackedAssets() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(100), eur(90), MAY_21);

    assertThat(spending.current("g", limits, JUNE_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .contains(new SpentAmounts(usd(0), eur(0)));
  }

  @Test
  void currentWhenOutsideEveryWindowThenEmpty() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(100), MAY_21);

    assertThat(
            spending.current(
                "g", limits, Instant.parse("2026-01-01T00:00:00Z"), WindowCounting.SPEC_N))
        .isEmpty();
  }

  @Test
  void windowsWhenFiniteIntervalThenEveryWindowWithSpentAndRemaining() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(250), MAY_21);

    List<GrantWindow> windows =
        spending.windows("g", limits, MAY_21, WindowCounting.RAFIKI_N_PLUS_ONE);

    assertThat(windows).hasSize(3);
    assertThat(windows.get(0).current()).isTrue();
    assertThat(windows.get(0).spentDebit()).isEqualTo(usd(250));
    assertThat(windows.get(0).remaining()).isEqualTo(usd(750));
    assertThat(windows.get(1).remaining()).isEqualTo(usd(1000));
    assertThat(windows.get(2).end()).isEqualTo(Instant.parse("2025-08-20T13:00:00Z"));
  }

  @Test
  void windowsWhenNoIntervalThenOneLifetimeEntry() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, null);

    assertThat(spending.windows("g", limits, MAY_21, WindowCounting.SPEC_N))
        .singleElement()
        .satisfies(w -> assertThat(w.index()).isEqualTo(GrantSpending.LIFETIME));
  }

  @Test
  void nextWindowWhenInsideAWindowThenTheFollowingOne() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);

    assertThat(spending.nextWindow(limits, MAY_21, WindowCounting.SPEC_N))
        .map(IntervalWindow::start)
        .contains(Instant.parse("2025-06-20T13:00:00Z"));
    assertThat(
            spending.nextWindow(
                limits, Instant.parse("2025-07-01T00:00:00Z"), WindowCounting.SPEC_N))
        .isEmpty();
    assertThat(
            spending.nextWindow(
                limits, Instant.parse("2025-01-01T00:00:00Z"), WindowCounting.SPEC_N))
        .map(IntervalWindow::index)
        .contains(0L);
  }

  @Test
  void nextWindowWhenBackwardIntervalThenTheLaterWindowInTime() {
    SpendingLimits limits =
        new SpendingLimits(
            null, usd(1000), null, RepeatingInterval.parse("R3/P1D/2025-05-10T00:00:00Z"));

    assertThat(
            spending.nextWindow(
                limits, Instant.parse("2025-05-08T12:00:00Z"), WindowCounting.SPEC_N))
        .map(IntervalWindow::start)
        .contains(Instant.parse("2025-05-09T00:00:00Z"));
  }

  private Reservation pay(String grant, SpendingLimits limits, Amount debit, Instant at) {
    return pay(grant, limits, debit, debit, at);
  }

  private Reservation pay(
      String grant, SpendingLimits limits, Amount debit, Instant at, WindowCounting counting) {
    try (GrantSpending.Hold hold = spending.hold(grant)) {
      return hold.commit(
          hold.check(limits, new PaymentSpend(RECEIVER, debit, debit), at, counting));
    }
  }

  private Reservation pay(
      String grant, SpendingLimits limits, Amount debit, Amount receive, Instant at) {
    try (GrantSpending.Hold hold = spending.hold(grant)) {
      return hold.commit(
          hold.check(
              limits,
              new PaymentSpend(RECEIVER, debit, receive),
              at,
              WindowCounting.RAFIKI_N_PLUS_ONE));
    }
  }

  private static Amount usd(long value) {
    return Amount.of(value, USD);
  }

  private static Amount eur(long value) {
    return Amount.of(value, EUR);
  }
}

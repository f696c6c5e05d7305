package dev.opkit.mock.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.sandbox.FeeConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.GrantSpendingRecord;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.SpendingShare;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.memory.InMemoryStorage;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantSpendingTest {
  private static final Asset USD = new Asset("USD", 2);
  private static final Asset EUR = new Asset("EUR", 2);
  private static final String RECEIVER = "http://localhost:4100/incoming-payments/1";
  private static final Instant MAY_21 = Instant.parse("2025-05-21T00:00:00Z");
  private static final Instant JUNE_21 = Instant.parse("2025-06-21T00:00:00Z");
  private static final RepeatingInterval MONTHLY_R2 =
      RepeatingInterval.parse("R2/2025-05-20T13:00:00Z/P1M");

  private final InMemoryStorage storage = new InMemoryStorage(new StorageLimits(10, 10));
  private final SessionId session = SessionId.random();

  {
    storage.open(
        SessionRecord.created(
            session,
            new SessionConfig(
                "spending",
                null,
                Map.of(),
                AutoConsent.OFF,
                FeeConfig.DEFAULT,
                List.of(),
                Duration.ofMinutes(5),
                Duration.ZERO,
                null,
                List.of(),
                List.of()),
            MAY_21,
            null),
        1);
  }

  @Test
  void checkWhenNoLimitsThenEveryPaymentPassesAndIsCounted() {
    Paid first = pay("g", SpendingLimits.NONE, usd(500), MAY_21);
    Paid second = pay("g", SpendingLimits.NONE, usd(700), MAY_21);

    assertThat(first.before().debit()).isEqualTo(usd(0));
    assertThat(second.before().debit()).isEqualTo(usd(500));
    assertThat(second.after().debit()).isEqualTo(usd(1200));
    assertThat(second.window()).isEqualTo(GrantSpendingRecord.LIFETIME);
  }

  @Test
  void checkWhenPaymentReachesLimitExactlyThenAllowed() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, null);
    pay("g", limits, usd(600), MAY_21);

    Paid last = pay("g", limits, usd(400), MAY_21);

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
    assertThat(current("g", limits, MAY_21, WindowCounting.RAFIKI_N_PLUS_ONE))
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

    Paid june = pay("g", limits, usd(1000), JUNE_21);

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
    Paid may = pay("g", limits, usd(700), MAY_21);
    pay("g", limits, usd(300), JUNE_21);

    release("g", may);

    assertThat(current("g", limits, JUNE_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .map(SpentAmounts::debit)
        .contains(usd(300));
    assertThat(current("g", limits, MAY_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .map(SpentAmounts::debit)
        .contains(usd(0));
    assertThatThrownBy(() -> pay("g", limits, usd(701), JUNE_21)).isInstanceOf(ApiException.class);
  }

  @Test
  void currentWhenNeverSpentThenEmpty() {
    assertThat(current("g", SpendingLimits.NONE, MAY_21, WindowCounting.SPEC_N)).isEmpty();
  }

  @Test
  void currentWhenFreshWindowThenZeroInTrackedAssets() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(100), eur(90), MAY_21);

    assertThat(current("g", limits, JUNE_21, WindowCounting.RAFIKI_N_PLUS_ONE))
        .contains(new SpentAmounts(usd(0), eur(0)));
  }

  @Test
  void currentWhenOutsideEveryWindowThenEmpty() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(100), MAY_21);

    assertThat(current("g", limits, Instant.parse("2026-01-01T00:00:00Z"), WindowCounting.SPEC_N))
        .isEmpty();
  }

  @Test
  void windowsWhenFiniteIntervalThenEveryWindowWithSpentAndRemaining() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);
    pay("g", limits, usd(250), MAY_21);

    List<GrantWindow> windows = windows("g", limits, MAY_21, WindowCounting.RAFIKI_N_PLUS_ONE);

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

    assertThat(windows("g", limits, MAY_21, WindowCounting.SPEC_N))
        .singleElement()
        .satisfies(w -> assertThat(w.index()).isEqualTo(GrantSpendingRecord.LIFETIME));
  }

  @Test
  void nextWindowWhenInsideAWindowThenTheFollowingOne() {
    SpendingLimits limits = new SpendingLimits(null, usd(1000), null, MONTHLY_R2);

    assertThat(GrantSpending.nextWindow(limits, MAY_21, WindowCounting.SPEC_N))
        .map(IntervalWindow::start)
        .contains(Instant.parse("2025-06-20T13:00:00Z"));
    assertThat(
            GrantSpending.nextWindow(
                limits, Instant.parse("2025-07-01T00:00:00Z"), WindowCounting.SPEC_N))
        .isEmpty();
    assertThat(
            GrantSpending.nextWindow(
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
            GrantSpending.nextWindow(
                limits, Instant.parse("2025-05-08T12:00:00Z"), WindowCounting.SPEC_N))
        .map(IntervalWindow::start)
        .contains(Instant.parse("2025-05-09T00:00:00Z"));
  }

  private Paid pay(String grant, SpendingLimits limits, Amount debit, Instant at) {
    return pay(grant, limits, debit, debit, at);
  }

  private Paid pay(
      String grant, SpendingLimits limits, Amount debit, Instant at, WindowCounting counting) {
    return pay(grant, limits, debit, debit, at, counting);
  }

  private Paid pay(String grant, SpendingLimits limits, Amount debit, Amount receive, Instant at) {
    return pay(grant, limits, debit, receive, at, WindowCounting.RAFIKI_N_PLUS_ONE);
  }

  private Paid pay(
      String grant,
      SpendingLimits limits,
      Amount debit,
      Amount receive,
      Instant at,
      WindowCounting counting) {
    return storage.write(
        session,
        tx -> {
          LimitVerdict verdict =
              GrantSpending.check(
                  tx.spending(),
                  grant,
                  limits,
                  new PaymentSpend(RECEIVER, debit, receive),
                  at,
                  counting);
          if (verdict instanceof LimitVerdict.Refused refused) {
            throw LimitRefusals.toError(refused);
          }
          LimitVerdict.Allowed allowed = (LimitVerdict.Allowed) verdict;
          SpendingShare share = GrantSpending.commit(tx.spending(), grant, allowed);
          return new Paid(allowed.window(), allowed.before(), allowed.after(), share);
        });
  }

  private void release(String grant, Paid paid) {
    storage.write(
        session,
        tx -> {
          GrantSpending.release(tx.spending(), grant, paid.share());
          return null;
        });
  }

  private Optional<SpentAmounts> current(
      String grant, SpendingLimits limits, Instant now, WindowCounting counting) {
    return storage.read(
        session, r -> GrantSpending.current(r.spending(), grant, limits, now, counting));
  }

  private List<GrantWindow> windows(
      String grant, SpendingLimits limits, Instant now, WindowCounting counting) {
    return storage.read(
        session, r -> GrantSpending.windows(r.spending(), grant, limits, now, counting));
  }

  /** A counted payment: its window, the sums before and after it, its share. */
  private record Paid(long window, SpentAmounts before, SpentAmounts after, SpendingShare share) {}

  private static Amount usd(long value) {
    return Amount.of(value, USD);
  }

  private static Amount eur(long value) {
    return Amount.of(value, EUR);
  }
}

package dev.opkit.mock.spending;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import java.time.Instant;

/** What the {@link LimitRule} says about a payment under a grant's limits. */
public sealed interface LimitVerdict {
  /**
   * The payment fits: what it adds to which window's sums.
   *
   * @param window the window index, or {@link dev.opkit.mock.store.GrantSpendingRecord#LIFETIME}
   * @param debitAsset the asset the grant's debit sums are kept in
   * @param receiveAsset the asset the grant's receive sums are kept in
   * @param debit the debit amount counted, or null when it is in another asset than the sums
   * @param receive the receive amount counted, or null when it is in another asset than the sums
   * @param before the window's spent amounts before the payment
   * @param after the window's spent amounts with the payment
   */
  record Allowed(
      long window,
      Asset debitAsset,
      Asset receiveAsset,
      Amount debit,
      Amount receive,
      SpentAmounts before,
      SpentAmounts after)
      implements LimitVerdict {}

  /** Why a payment does not fit; {@link LimitRefusals} says it in words. */
  sealed interface Refused extends LimitVerdict {}

  /** The grant may pay only one incoming payment, and this is another. */
  record OtherReceiver(String allowed, String paid) implements Refused {}

  /** A limit is in another asset than the payment's amount it limits. */
  record OtherAsset(String side, Asset limit, Asset payment) implements Refused {}

  /** The payment would take the window's sum past the limit. */
  record OverLimit(
      String side,
      Amount limit,
      Amount spent,
      Amount remaining,
      Amount payment,
      IntervalWindow window)
      implements Refused {}

  /** Counting the payment would take the window's sum past the largest amount (2^64 - 1). */
  record Uncountable(String side, Amount spent, Amount payment, IntervalWindow window)
      implements Refused {}

  /** The interval's windows cannot be counted as far as the clock (e.g. millions of years). */
  record OutOfReach(RepeatingInterval interval, String why) implements Refused {}

  /** The clock is outside every window of the interval. */
  record OutsideWindows(RepeatingInterval interval, Instant at, String why) implements Refused {}
}

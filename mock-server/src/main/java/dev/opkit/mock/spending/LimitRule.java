package dev.opkit.mock.spending;

import dev.opkit.mock.store.GrantSpendingRecord;
import dev.opkit.mock.store.WindowSpent;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.AmountValue;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.interval.WindowOutOfReachException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * The spending limit of outgoing-payment grants (PROTOCOL.md §6) as a pure function: given the
 * grant's limits, what it spent in the window the payment falls in, and the payment, it says
 * whether the payment fits and what it adds. A payment counts in the window holding its creation
 * time on the session clock. Nothing here reads or writes state.
 */
public final class LimitRule {
  private LimitRule() {}

  /**
   * The window a payment at {@code at} counts in.
   *
   * @return the window index ({@link GrantSpendingRecord#LIFETIME} without interval) and the
   *     window, or the refusal when the clock is outside every window
   */
  public static WindowChoice windowAt(SpendingLimits limits, Instant at, WindowCounting counting) {
    RepeatingInterval interval = limits.interval();
    if (interval == null) {
      return new WindowChoice(GrantSpendingRecord.LIFETIME, null, null);
    }
    Optional<IntervalWindow> window;
    try {
      window = interval.windowAt(at, counting);
    } catch (WindowOutOfReachException e) {
      return new WindowChoice(0, null, new LimitVerdict.OutOfReach(interval, e.getMessage()));
    }
    if (window.isPresent()) {
      return new WindowChoice(window.get().index(), window.get(), null);
    }
    Optional<IntervalWindow> first = interval.window(0, counting);
    String why;
    if (first.isEmpty()) {
      why = "the interval " + interval + " has no window under " + counting + " counting";
    } else if (at.isBefore(first.get().start())) {
      why = "its first window starts at " + first.get().start();
    } else {
      why = "its last window has ended";
    }
    return new WindowChoice(0, null, new LimitVerdict.OutsideWindows(interval, at, why));
  }

  /**
   * Checks a payment: the receiver, the assets, and each amount against what the window has left.
   *
   * @param spending the grant's summing assets (null sides before its first payment)
   * @param spent the window's sums so far, or null when nothing was counted there yet
   * @param choice the window, from {@link #windowAt}
   */
  public static LimitVerdict check(
      SpendingLimits limits,
      GrantSpendingRecord spending,
      WindowSpent spent,
      PaymentSpend spend,
      WindowChoice choice) {
    if (limits.receiver() != null && !limits.receiver().equals(spend.receiver())) {
      return new LimitVerdict.OtherReceiver(limits.receiver(), spend.receiver());
    }
    if (limits.debitAmount() != null
        && !limits.debitAmount().asset().equals(spend.debit().asset())) {
      return new LimitVerdict.OtherAsset(
          "debitAmount", limits.debitAmount().asset(), spend.debit().asset());
    }
    if (limits.receiveAmount() != null
        && !limits.receiveAmount().asset().equals(spend.receive().asset())) {
      return new LimitVerdict.OtherAsset(
          "receiveAmount", limits.receiveAmount().asset(), spend.receive().asset());
    }
    if (choice.refusal() != null) {
      return choice.refusal();
    }
    Asset debitAsset =
        spending.debitAsset() != null
            ? spending.debitAsset()
            : limits.debitAmount() != null ? limits.debitAmount().asset() : spend.debit().asset();
    Asset receiveAsset =
        spending.receiveAsset() != null
            ? spending.receiveAsset()
            : limits.receiveAmount() != null
                ? limits.receiveAmount().asset()
                : spend.receive().asset();
    Amount debit = spend.debit().asset().equals(debitAsset) ? spend.debit() : null;
    Amount receive = spend.receive().asset().equals(receiveAsset) ? spend.receive() : null;
    SpentAmounts before =
        new SpentAmounts(
            Amount.of(spent == null ? BigInteger.ZERO : spent.debit(), debitAsset),
            Amount.of(spent == null ? BigInteger.ZERO : spent.receive(), receiveAsset));
    Optional<LimitVerdict.Refused> over =
        overLimit("debitAmount", limits.debitAmount(), before.debit(), debit, choice.window())
            .or(
                () ->
                    overLimit(
                        "receiveAmount",
                        limits.receiveAmount(),
                        before.receive(),
                        receive,
                        choice.window()));
    if (over.isPresent()) {
      return over.get();
    }
    Optional<LimitVerdict.Refused> uncountable =
        uncountable("debitAmount", before.debit(), debit, choice.window())
            .or(() -> uncountable("receiveAmount", before.receive(), receive, choice.window()));
    if (uncountable.isPresent()) {
      return uncountable.get();
    }
    SpentAmounts after =
        new SpentAmounts(
            debit == null ? before.debit() : before.debit().plus(debit),
            receive == null ? before.receive() : before.receive().plus(receive));
    return new LimitVerdict.Allowed(
        choice.index(), debitAsset, receiveAsset, debit, receive, before, after);
  }

  private static Optional<LimitVerdict.Refused> overLimit(
      String side, Amount limit, Amount spent, Amount payment, IntervalWindow window) {
    if (limit == null || payment == null || spent.plus(payment).compareTo(limit) <= 0) {
      return Optional.empty();
    }
    Amount remaining =
        spent.compareTo(limit) >= 0 ? Amount.zero(limit.asset()) : limit.minus(spent);
    return Optional.of(new LimitVerdict.OverLimit(side, limit, spent, remaining, payment, window));
  }

  /** The window's sum must stay an amount, so that it can be reported (and commit cannot fail). */
  private static Optional<LimitVerdict.Refused> uncountable(
      String side, Amount spent, Amount payment, IntervalWindow window) {
    if (payment == null || spent.value().add(payment.value()).compareTo(AmountValue.MAX) <= 0) {
      return Optional.empty();
    }
    return Optional.of(new LimitVerdict.Uncountable(side, spent, payment, window));
  }

  /**
   * Which window a payment counts in.
   *
   * @param index the window index, or {@link GrantSpendingRecord#LIFETIME}
   * @param window the window, or null without interval (and when refused)
   * @param refusal why no window holds the payment, or null
   */
  public record WindowChoice(long index, IntervalWindow window, LimitVerdict.Refused refusal) {}
}

package dev.opkit.mock.spending;

import dev.opkit.mock.store.GrantSpendingRecord;
import dev.opkit.mock.store.SpendingReads;
import dev.opkit.mock.store.SpendingShare;
import dev.opkit.mock.store.SpendingStore;
import dev.opkit.mock.store.WindowSpent;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.interval.WindowOutOfReachException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The spent amounts of outgoing-payment grants, kept as running sums per window so that the limit
 * check costs the same after ten payments or a million (PROTOCOL.md §6). The rule is {@link
 * LimitRule}'s; this class reads and writes the sums through a transaction's {@link SpendingStore}.
 * A failed payment gives its share back to the window it was counted in (never Rafiki's quirk of an
 * old-window release resetting the current window).
 */
public final class GrantSpending {
  /** At most this many windows are listed for one grant. */
  static final int MAX_LISTED_WINDOWS = 100;

  private GrantSpending() {}

  /**
   * Checks a payment against the grant's limits in the window holding {@code at}, taking the
   * grant's spending for update; nothing is counted yet.
   *
   * @return the verdict: allowed (to {@link #commit}) or refused
   */
  public static LimitVerdict check(
      SpendingStore store,
      String grantId,
      SpendingLimits limits,
      PaymentSpend spend,
      Instant at,
      WindowCounting counting) {
    GrantSpendingRecord spending =
        store.forUpdate(grantId).orElseGet(() -> GrantSpendingRecord.none(grantId));
    LimitRule.WindowChoice choice = LimitRule.windowAt(limits, at, counting);
    WindowSpent spent =
        choice.refusal() == null ? store.window(grantId, choice.index()).orElse(null) : null;
    return LimitRule.check(limits, spending, spent, spend, choice);
  }

  /** Adds an allowed payment to its window's sums; returns its share, to give back if it fails. */
  public static SpendingShare commit(
      SpendingStore store, String grantId, LimitVerdict.Allowed allowed) {
    store.save(
        new GrantSpendingRecord(grantId, allowed.debitAsset(), allowed.receiveAsset(), true));
    BigInteger debit = allowed.debit() == null ? null : allowed.debit().value();
    BigInteger receive = allowed.receive() == null ? null : allowed.receive().value();
    WindowSpent window =
        store
            .window(grantId, allowed.window())
            .orElseGet(() -> WindowSpent.empty(grantId, allowed.window()));
    store.save(window.plus(debit, receive));
    return new SpendingShare(allowed.window(), debit, receive);
  }

  /** Gives a failed payment's share back to the window it was counted in. */
  public static void release(SpendingStore store, String grantId, SpendingShare share) {
    store.forUpdate(grantId);
    WindowSpent window =
        store
            .window(grantId, share.window())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "grant " + grantId + " has no window " + share.window()));
    store.save(window.minus(share.debit(), share.receive()));
  }

  /**
   * What {@code GET /outgoing-payment-grant} reports: the current window's sums (the grant's life
   * totals without interval); empty when the grant never spent anything or the clock is outside
   * every window.
   */
  public static Optional<SpentAmounts> current(
      SpendingReads reads,
      String grantId,
      SpendingLimits limits,
      Instant now,
      WindowCounting counting) {
    Optional<GrantSpendingRecord> spending = reads.find(grantId);
    if (spending.isEmpty() || !spending.get().everSpent()) {
      return Optional.empty();
    }
    OptionalLong window = windowKey(limits, now, counting);
    if (window.isEmpty()) {
      return Optional.empty();
    }
    Optional<WindowSpent> sums = reads.window(grantId, window.getAsLong());
    return Optional.of(
        new SpentAmounts(
            Amount.of(
                sums.map(WindowSpent::debit).orElse(BigInteger.ZERO), spending.get().debitAsset()),
            Amount.of(
                sums.map(WindowSpent::receive).orElse(BigInteger.ZERO),
                spending.get().receiveAsset())));
  }

  /**
   * Every window of a grant with its limit, spent and remaining amounts: all windows of a finite
   * interval (at most {@value #MAX_LISTED_WINDOWS}), else the windows up to the one after the
   * current window (the last {@value #MAX_LISTED_WINDOWS}); one entry for limits without interval.
   */
  public static List<GrantWindow> windows(
      SpendingReads reads,
      String grantId,
      SpendingLimits limits,
      Instant now,
      WindowCounting counting) {
    GrantSpendingRecord spending =
        reads.find(grantId).orElseGet(() -> GrantSpendingRecord.none(grantId));
    if (limits.interval() == null) {
      return List.of(view(reads, spending, limits, GrantSpendingRecord.LIFETIME, null, true));
    }
    List<GrantWindow> views = new ArrayList<>();
    List<IntervalWindow> listed =
        reachable(limits.interval(), () -> listedWindows(limits.interval(), now, counting));
    for (IntervalWindow window : listed) {
      views.add(view(reads, spending, limits, window.index(), window, window.contains(now)));
    }
    return views;
  }

  /**
   * The window after the one the clock is in now (or the first window, before the interval starts):
   * what "next window" means for the admin clock. Empty without interval or after the last window.
   */
  public static Optional<IntervalWindow> nextWindow(
      SpendingLimits limits, Instant now, WindowCounting counting) {
    RepeatingInterval interval = limits.interval();
    if (interval == null) {
      return Optional.empty();
    }
    return reachable(interval, () -> nextWindow(interval, now, counting));
  }

  private static Optional<IntervalWindow> nextWindow(
      RepeatingInterval interval, Instant now, WindowCounting counting) {
    List<Long> candidates = new ArrayList<>();
    Optional<IntervalWindow> current = interval.windowAt(now, counting);
    if (current.isPresent()) {
      candidates.add(current.get().index() + 1);
      candidates.add(current.get().index() - 1);
    } else {
      candidates.add(0L);
      interval.windowCount(counting).ifPresent(count -> candidates.add(count - 1));
    }
    // Backward intervals (duration/end) number their windows back in time, so the next window
    // in time is whichever neighbour starts after now.
    return candidates.stream()
        .filter(index -> index >= 0)
        .map(index -> interval.window(index, counting))
        .flatMap(Optional::stream)
        .filter(window -> window.start().isAfter(now))
        .min(Comparator.comparing(IntervalWindow::start));
  }

  private static OptionalLong windowKey(
      SpendingLimits limits, Instant at, WindowCounting counting) {
    LimitRule.WindowChoice choice = LimitRule.windowAt(limits, at, counting);
    return choice.refusal() == null ? OptionalLong.of(choice.index()) : OptionalLong.empty();
  }

  private static List<IntervalWindow> listedWindows(
      RepeatingInterval interval, Instant now, WindowCounting counting) {
    OptionalLong count = interval.windowCount(counting);
    if (count.isPresent() && count.getAsLong() <= MAX_LISTED_WINDOWS) {
      return interval.windows(counting, MAX_LISTED_WINDOWS);
    }
    long last = interval.windowAt(now, counting).map(w -> w.index() + 1).orElse(0L);
    long first = Math.max(0, last - MAX_LISTED_WINDOWS + 1);
    return interval.windows(counting, first, (int) (last - first + 1));
  }

  /**
   * Runs a window lookup; an interval whose windows cannot be counted as far as asked leaves the
   * grant unable to authorize payments there (403), as limits that cannot be applied do.
   */
  private static <T> T reachable(RepeatingInterval interval, Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (WindowOutOfReachException e) {
      throw LimitRefusals.toError(new LimitVerdict.OutOfReach(interval, e.getMessage()));
    }
  }

  private static GrantWindow view(
      SpendingReads reads,
      GrantSpendingRecord spending,
      SpendingLimits limits,
      long index,
      IntervalWindow window,
      boolean current) {
    Asset debitAsset =
        spending.debitAsset() != null
            ? spending.debitAsset()
            : limits.debitAmount() == null ? null : limits.debitAmount().asset();
    Asset receiveAsset =
        spending.receiveAsset() != null
            ? spending.receiveAsset()
            : limits.receiveAmount() == null ? null : limits.receiveAmount().asset();
    Optional<WindowSpent> sums = reads.window(spending.grantId(), index);
    Amount spentDebit =
        debitAsset == null
            ? null
            : Amount.of(sums.map(WindowSpent::debit).orElse(BigInteger.ZERO), debitAsset);
    Amount spentReceive =
        receiveAsset == null
            ? null
            : Amount.of(sums.map(WindowSpent::receive).orElse(BigInteger.ZERO), receiveAsset);
    Amount limit = limits.debitAmount() != null ? limits.debitAmount() : limits.receiveAmount();
    Amount remaining = null;
    if (limit != null) {
      Amount used = limits.debitAmount() != null ? spentDebit : spentReceive;
      remaining = used.compareTo(limit) >= 0 ? Amount.zero(limit.asset()) : limit.minus(used);
    }
    return new GrantWindow(
        index,
        window == null ? null : window.start(),
        window == null ? null : window.end(),
        current,
        limit,
        spentDebit,
        spentReceive,
        remaining);
  }
}

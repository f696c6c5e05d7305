package dev.opkit.mock.auth.limits;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.AmountValue;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.interval.WindowOutOfReachException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The spent amounts of every outgoing-payment grant, kept as running totals per window so that the
 * limit check costs the same after ten payments or a million (PROTOCOL.md §6). A payment counts in
 * the window holding its creation time on the sandbox clock; a failed payment gives its share back
 * to that same window (never Rafiki's quirk of an old-window release resetting the current window).
 *
 * <p>Checking and committing happen under the grant's lock, held through a {@link Hold}, so that
 * the check, the debit and the reservation of one payment are one atomic step. Callers take wallet
 * locks first and the grant's lock second.
 */
public final class GrantSpending {
  /** The window key of limits without interval: the grant's whole life. */
  public static final long LIFETIME = -1;

  /** At most this many windows are listed for one grant. */
  static final int MAX_LISTED_WINDOWS = 100;

  private final ConcurrentMap<String, GrantAccount> grants = new ConcurrentHashMap<>();

  /** Locks a grant's spending; check and commit through the hold, then close it. */
  public Hold hold(String grantId) {
    GrantAccount account = account(grantId);
    account.lock.lock();
    return new Hold(grantId, account);
  }

  /** Gives a failed payment's share back to the window it was counted in. */
  public void release(Reservation reservation) {
    GrantAccount account = account(reservation.grantId());
    account.lock.lock();
    try {
      Totals totals = account.windows.get(reservation.window());
      if (totals == null) {
        throw new IllegalStateException(
            "grant " + reservation.grantId() + " has no window " + reservation.window());
      }
      if (reservation.debit() != null) {
        totals.debit = totals.debit.subtract(reservation.debit().value());
      }
      if (reservation.receive() != null) {
        totals.receive = totals.receive.subtract(reservation.receive().value());
      }
    } finally {
      account.lock.unlock();
    }
  }

  /**
   * What {@code GET /outgoing-payment-grant} reports: the current window's sums (the grant's life
   * totals without interval); empty when the grant never spent anything or the clock is outside
   * every window.
   */
  public Optional<SpentAmounts> current(
      String grantId, SpendingLimits limits, Instant now, WindowCounting counting) {
    GrantAccount account = grants.get(grantId);
    if (account == null) {
      return Optional.empty();
    }
    account.lock.lock();
    try {
      if (!account.everSpent) {
        return Optional.empty();
      }
      OptionalLong window = windowKey(limits, now, counting);
      if (window.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(account.spent(window.getAsLong()));
    } finally {
      account.lock.unlock();
    }
  }

  /**
   * Every window of a grant with its limit, spent and remaining amounts: all windows of a finite
   * interval (at most {@value #MAX_LISTED_WINDOWS}), else the windows up to the one after the
   * current window (the last {@value #MAX_LISTED_WINDOWS}); one entry for limits without interval.
   */
  public List<GrantWindow> windows(
      String grantId, SpendingLimits limits, Instant now, WindowCounting counting) {
    GrantAccount account = account(grantId);
    account.lock.lock();
    try {
      if (limits.interval() == null) {
        return List.of(view(account, limits, LIFETIME, null, true));
      }
      List<GrantWindow> views = new ArrayList<>();
      List<IntervalWindow> listed =
          reachable(limits.interval(), () -> listedWindows(limits.interval(), now, counting));
      for (IntervalWindow window : listed) {
        views.add(view(account, limits, window.index(), window, window.contains(now)));
      }
      return views;
    } finally {
      account.lock.unlock();
    }
  }

  /**
   * The window after the one the clock is in now (or the first window, before the interval starts):
   * what "next window" means for the admin clock. Empty without interval or after the last window.
   */
  public Optional<IntervalWindow> nextWindow(
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

  /** Forgets every grant's spending (sandbox reset). */
  public void clear() {
    grants.clear();
  }

  private GrantAccount account(String grantId) {
    return grants.computeIfAbsent(grantId, id -> new GrantAccount());
  }

  private static OptionalLong windowKey(
      SpendingLimits limits, Instant at, WindowCounting counting) {
    if (limits.interval() == null) {
      return OptionalLong.of(LIFETIME);
    }
    return reachable(limits.interval(), () -> limits.interval().windowAt(at, counting))
        .map(w -> OptionalLong.of(w.index()))
        .orElse(OptionalLong.empty());
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

  private static GrantWindow view(
      GrantAccount account,
      SpendingLimits limits,
      long index,
      IntervalWindow window,
      boolean current) {
    SpentAmounts spent = account.spentOrZero(index, limits);
    Amount limit = limits.debitAmount() != null ? limits.debitAmount() : limits.receiveAmount();
    Amount remaining = null;
    if (limit != null) {
      Amount used = limits.debitAmount() != null ? spent.debit() : spent.receive();
      remaining = used.compareTo(limit) >= 0 ? Amount.zero(limit.asset()) : limit.minus(used);
    }
    return new GrantWindow(
        index,
        window == null ? null : window.start(),
        window == null ? null : window.end(),
        current,
        limit,
        spent.debit(),
        spent.receive(),
        remaining);
  }

  /** A grant's spending, locked while checked. Close it to unlock. */
  public final class Hold implements AutoCloseable {
    private final String grantId;
    private final GrantAccount account;
    private boolean open = true;

    private Hold(String grantId, GrantAccount account) {
      this.grantId = grantId;
      this.account = account;
    }

    /**
     * Checks a payment against the limits, in the window holding {@code at}: receiver, assets, the
     * window itself, and the amount against what the window has left.
     *
     * @throws ApiException 403 naming the limit, the spent amount and the window
     */
    public Check check(
        SpendingLimits limits, PaymentSpend spend, Instant at, WindowCounting counting) {
      requireOpen();
      if (limits.receiver() != null && !limits.receiver().equals(spend.receiver())) {
        throw refusal(
            "this grant may only pay the incoming payment "
                + limits.receiver()
                + ", not "
                + spend.receiver(),
            Map.of("limit", "receiver", "receiver", limits.receiver()));
      }
      requireAsset("debitAmount", limits.debitAmount(), spend.debit());
      requireAsset("receiveAmount", limits.receiveAmount(), spend.receive());
      long window;
      IntervalWindow intervalWindow = null;
      if (limits.interval() == null) {
        window = LIFETIME;
      } else {
        intervalWindow =
            reachable(limits.interval(), () -> limits.interval().windowAt(at, counting))
                .orElseThrow(() -> outsideWindows(limits.interval(), at, counting));
        window = intervalWindow.index();
      }
      Asset debitAsset =
          account.debitAsset != null
              ? account.debitAsset
              : limits.debitAmount() != null ? limits.debitAmount().asset() : spend.debit().asset();
      Asset receiveAsset =
          account.receiveAsset != null
              ? account.receiveAsset
              : limits.receiveAmount() != null
                  ? limits.receiveAmount().asset()
                  : spend.receive().asset();
      Amount debit = spend.debit().asset().equals(debitAsset) ? spend.debit() : null;
      Amount receive = spend.receive().asset().equals(receiveAsset) ? spend.receive() : null;
      Totals totals = account.windows.get(window);
      SpentAmounts before =
          new SpentAmounts(
              Amount.of(totals == null ? BigInteger.ZERO : totals.debit, debitAsset),
              Amount.of(totals == null ? BigInteger.ZERO : totals.receive, receiveAsset));
      requireRoom("debitAmount", limits.debitAmount(), before.debit(), debit, intervalWindow);
      requireRoom(
          "receiveAmount", limits.receiveAmount(), before.receive(), receive, intervalWindow);
      requireCountable("debitAmount", before.debit(), debit, intervalWindow);
      requireCountable("receiveAmount", before.receive(), receive, intervalWindow);
      return new Check(window, debitAsset, receiveAsset, debit, receive, before);
    }

    /** Adds the checked payment to its window's sums. */
    public Reservation commit(Check check) {
      requireOpen();
      account.debitAsset = check.debitAsset;
      account.receiveAsset = check.receiveAsset;
      account.everSpent = true;
      Totals totals = account.windows.computeIfAbsent(check.window, w -> new Totals());
      if (check.debit != null) {
        totals.debit = totals.debit.add(check.debit.value());
      }
      if (check.receive != null) {
        totals.receive = totals.receive.add(check.receive.value());
      }
      SpentAmounts after =
          new SpentAmounts(
              Amount.of(totals.debit, check.debitAsset),
              Amount.of(totals.receive, check.receiveAsset));
      return new Reservation(
          grantId, check.window, check.debit, check.receive, check.before, after);
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        account.lock.unlock();
      }
    }

    private void requireOpen() {
      if (!open) {
        throw new IllegalStateException("the hold on grant " + grantId + " is closed");
      }
    }
  }

  /** A passed check, ready to commit under the same hold. */
  public static final class Check {
    private final long window;
    private final Asset debitAsset;
    private final Asset receiveAsset;
    private final Amount debit;
    private final Amount receive;
    private final SpentAmounts before;

    private Check(
        long window,
        Asset debitAsset,
        Asset receiveAsset,
        Amount debit,
        Amount receive,
        SpentAmounts before) {
      this.window = window;
      this.debitAsset = debitAsset;
      this.receiveAsset = receiveAsset;
      this.debit = debit;
      this.receive = receive;
      this.before = before;
    }

    /** The window's spent amounts before this payment. */
    public SpentAmounts before() {
      return before;
    }
  }

  private static void requireAsset(String name, Amount limit, Amount payment) {
    if (limit != null && !limit.asset().equals(payment.asset())) {
      throw refusal(
          "this grant's "
              + name
              + " limit is in "
              + limit.asset()
              + " but the payment's "
              + name
              + " is in "
              + payment.asset(),
          Map.of("limit", name));
    }
  }

  private static void requireRoom(
      String name, Amount limit, Amount spent, Amount payment, IntervalWindow window) {
    if (limit == null || payment == null) {
      return;
    }
    if (spent.plus(payment).compareTo(limit) <= 0) {
      return;
    }
    Amount remaining =
        spent.compareTo(limit) >= 0 ? Amount.zero(limit.asset()) : limit.minus(spent);
    String scope = scope(window);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("limit", name);
    details.put("limitAmount", amountJson(limit));
    details.put("spentAmount", amountJson(spent));
    details.put("remainingAmount", amountJson(remaining));
    details.put("paymentAmount", amountJson(payment));
    if (window != null) {
      details.put(
          "window",
          Map.of(
              "index",
              window.index(),
              "start",
              window.start().toString(),
              "end",
              window.end().toString()));
    }
    throw refusal(
        "the payment's "
            + name
            + " of "
            + HumanUnits.format(payment)
            + " exceeds what the grant allows "
            + scope
            + ": limit "
            + HumanUnits.format(limit)
            + ", spent "
            + HumanUnits.format(spent)
            + ", remaining "
            + HumanUnits.format(remaining),
        details);
  }

  /** The window's sum must stay an amount, so that it can be reported (and commit cannot fail). */
  private static void requireCountable(
      String name, Amount spent, Amount payment, IntervalWindow window) {
    if (payment == null || spent.value().add(payment.value()).compareTo(AmountValue.MAX) <= 0) {
      return;
    }
    throw refusal(
        "this grant has spent "
            + spent.value()
            + " "
            + spent.asset()
            + " of "
            + name
            + " "
            + scope(window)
            + "; counting "
            + payment.value()
            + " more would pass 2^64 - 1, the largest amount its spent amounts can show",
        Map.of(
            "limit", name, "spentAmount", amountJson(spent), "paymentAmount", amountJson(payment)));
  }

  private static String scope(IntervalWindow window) {
    return window == null
        ? "over the grant's life"
        : "in the window " + window.start() + " to " + window.end();
  }

  /**
   * Runs a window lookup; an interval whose windows cannot be counted as far as asked leaves the
   * grant unable to authorize payments there (403), as limits that cannot be applied do.
   */
  private static <T> T reachable(RepeatingInterval interval, Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (WindowOutOfReachException e) {
      throw refusal(
          "this grant's limits cannot be applied at this time, so it cannot authorize payments: "
              + e.getMessage(),
          Map.of("limit", "interval", "interval", interval.toString()));
    }
  }

  private static ApiException outsideWindows(
      RepeatingInterval interval, Instant at, WindowCounting counting) {
    Optional<IntervalWindow> first = interval.window(0, counting);
    String why;
    if (first.isEmpty()) {
      why = "the interval " + interval + " has no window under " + counting + " counting";
    } else if (at.isBefore(first.get().start())) {
      why = "its first window starts at " + first.get().start();
    } else {
      why = "its last window has ended";
    }
    return refusal(
        "no payment can be made under this grant at "
            + at
            + ": the clock is outside every window of the interval "
            + interval
            + " ("
            + why
            + ")",
        Map.of("limit", "interval", "interval", interval.toString()));
  }

  private static Map<String, Object> amountJson(Amount money) {
    return Map.of(
        "value",
        money.value().toString(),
        "assetCode",
        money.asset().code(),
        "assetScale",
        money.asset().scale());
  }

  private static ApiException refusal(String description, Map<String, ?> details) {
    return new ApiException(403, ErrorCodes.LIMIT_EXCEEDED, description, details);
  }

  /** The spending state of one grant; guarded by its lock. */
  private static final class GrantAccount {
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, Totals> windows = new TreeMap<>();
    private Asset debitAsset;
    private Asset receiveAsset;
    private boolean everSpent;

    SpentAmounts spent(long window) {
      Totals totals = windows.get(window);
      return new SpentAmounts(
          Amount.of(totals == null ? BigInteger.ZERO : totals.debit, debitAsset),
          Amount.of(totals == null ? BigInteger.ZERO : totals.receive, receiveAsset));
    }

    SpentAmounts spentOrZero(long window, SpendingLimits limits) {
      Asset debit =
          debitAsset != null
              ? debitAsset
              : limits.debitAmount() == null ? null : limits.debitAmount().asset();
      Asset receive =
          receiveAsset != null
              ? receiveAsset
              : limits.receiveAmount() == null ? null : limits.receiveAmount().asset();
      Totals totals = windows.get(window);
      return new SpentAmounts(
          debit == null ? null : Amount.of(totals == null ? BigInteger.ZERO : totals.debit, debit),
          receive == null
              ? null
              : Amount.of(totals == null ? BigInteger.ZERO : totals.receive, receive));
    }
  }

  /** The running sums of one window. */
  private static final class Totals {
    private BigInteger debit = BigInteger.ZERO;
    private BigInteger receive = BigInteger.ZERO;
  }
}

package dev.opkit.mock.misbehave;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.Limits;
import java.math.BigInteger;
import java.util.List;

/**
 * A wallet granting less than asked (issue 18): each {@code debitAmount} and {@code receiveAmount}
 * of the outgoing-payment access items cut to a percentage, the rest of each item as it was.
 */
public final class LimitReduction {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private LimitReduction() {}

  /** Whether any item has an amount limit to reduce. */
  public static boolean applies(List<AccessItem> access) {
    return access.stream().anyMatch(LimitReduction::limited);
  }

  /** The items with their amount limits at {@code percent} (rounded down, at least 1). */
  public static List<AccessItem> reduce(List<AccessItem> access, int percent) {
    return access.stream().map(item -> reduce(item, percent)).toList();
  }

  private static boolean limited(AccessItem item) {
    return item.type() == AccessType.OUTGOING_PAYMENT
        && item.limits() != null
        && (item.limits().debitAmount() != null || item.limits().receiveAmount() != null);
  }

  private static AccessItem reduce(AccessItem item, int percent) {
    if (!limited(item)) {
      return item;
    }
    Limits limits = item.limits();
    return new AccessItem(
        item.type(),
        item.actions(),
        item.identifier(),
        new Limits(
            limits.receiver(),
            limits.interval(),
            reduce(limits.debitAmount(), percent),
            reduce(limits.receiveAmount(), percent)));
  }

  private static Amount reduce(Amount amount, int percent) {
    if (amount == null || amount.value().signum() == 0) {
      return amount;
    }
    BigInteger cut = amount.value().multiply(BigInteger.valueOf(percent)).divide(HUNDRED);
    return Amount.of(cut.max(BigInteger.ONE), amount.asset());
  }
}

package dev.opkit.mock.store;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The running sums of one grant in one window of its interval (or over its life): failed payments
 * give their share back, so the sums are what the window's payments spent.
 *
 * @param grantId the grant
 * @param window the window index, or {@link GrantSpendingRecord#LIFETIME}
 * @param debit the sum of the debit amounts counted, in the grant's debit asset
 * @param receive the sum of the receive amounts counted, in the grant's receive asset
 */
public record WindowSpent(String grantId, long window, BigInteger debit, BigInteger receive) {
  public WindowSpent {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(receive, "receive");
  }

  /** A window nothing was spent in yet. */
  public static WindowSpent empty(String grantId, long window) {
    return new WindowSpent(grantId, window, BigInteger.ZERO, BigInteger.ZERO);
  }

  /** These sums with a share added (null sides unchanged). */
  public WindowSpent plus(BigInteger moreDebit, BigInteger moreReceive) {
    return new WindowSpent(
        grantId,
        window,
        moreDebit == null ? debit : debit.add(moreDebit),
        moreReceive == null ? receive : receive.add(moreReceive));
  }

  /** These sums with a share given back (null sides unchanged). */
  public WindowSpent minus(BigInteger lessDebit, BigInteger lessReceive) {
    return new WindowSpent(
        grantId,
        window,
        lessDebit == null ? debit : debit.subtract(lessDebit),
        lessReceive == null ? receive : receive.subtract(lessReceive));
  }
}

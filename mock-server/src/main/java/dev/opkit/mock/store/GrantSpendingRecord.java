package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Asset;
import java.util.Objects;

/**
 * What a grant's spending is counted in: the assets of its debit and receive sums, fixed by its
 * first payment (or its limits). The sums themselves are kept per window ({@link WindowSpent}).
 *
 * @param grantId the grant
 * @param debitAsset the asset debit amounts are summed in, or null before any payment
 * @param receiveAsset the asset receive amounts are summed in, or null before any payment
 * @param everSpent whether any payment was ever counted
 */
public record GrantSpendingRecord(
    String grantId, Asset debitAsset, Asset receiveAsset, boolean everSpent) {
  /** The window key of limits without interval: the grant's whole life. */
  public static final long LIFETIME = -1;

  public GrantSpendingRecord {
    Objects.requireNonNull(grantId, "grantId");
  }

  /** A grant that never spent anything. */
  public static GrantSpendingRecord none(String grantId) {
    return new GrantSpendingRecord(grantId, null, null, false);
  }
}

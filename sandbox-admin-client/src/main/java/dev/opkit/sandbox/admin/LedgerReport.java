package dev.opkit.sandbox.admin;

import java.util.List;

/**
 * The books of a session on one provider ({@code GET /admin/ledger}).
 *
 * @param invariantHolds whether every asset sums to zero
 * @param assets the totals per asset
 */
public record LedgerReport(boolean invariantHolds, List<AssetTotals> assets) {

  /**
   * The totals of one asset, in its smallest unit as decimal digits (liquidity may be negative).
   *
   * @param assetCode the asset code
   * @param assetScale the asset scale
   * @param issued money issued into wallets
   * @param wallets held by wallets
   * @param reserved held for payments in progress
   * @param fees collected as fees
   * @param liquidity the provider's liquidity account
   * @param sum the sum, zero when the books balance
   */
  public record AssetTotals(
      String assetCode,
      int assetScale,
      String issued,
      String wallets,
      String reserved,
      String fees,
      String liquidity,
      String sum) {}
}

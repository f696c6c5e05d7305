package dev.opkit.mock.ledger;

import dev.opkit.mock.store.AccountKind;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the books: per asset, the sum of the balances of each kind of account. The money
 * invariant holds when every asset's {@code sum} is zero.
 *
 * @param assets one entry per asset that has an account
 */
public record LedgerTotals(List<AssetTotals> assets) {
  public LedgerTotals {
    assets = List.copyOf(assets);
  }

  public boolean invariantHolds() {
    return assets.stream().allMatch(a -> a.sum().signum() == 0);
  }

  /**
   * The totals of one asset.
   *
   * @param asset the asset
   * @param issued money the issuer created (minus the issuer's balance)
   * @param wallets the sum of the wallets' available balances
   * @param reserved money reserved by outgoing payments in progress
   * @param fees fees collected
   * @param liquidity the network's position (negative when it paid out more of this asset than it
   *     took in)
   * @param sum the sum of all balances: always zero unless money was created or lost
   */
  public record AssetTotals(
      Asset asset,
      BigInteger issued,
      BigInteger wallets,
      BigInteger reserved,
      BigInteger fees,
      BigInteger liquidity,
      BigInteger sum) {

    static AssetTotals of(Asset asset, Map<AccountKind, BigInteger> byKind) {
      BigInteger issuer = byKind.getOrDefault(AccountKind.ISSUER, BigInteger.ZERO);
      BigInteger sum = byKind.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
      return new AssetTotals(
          asset,
          issuer.negate(),
          byKind.getOrDefault(AccountKind.WALLET, BigInteger.ZERO),
          byKind.getOrDefault(AccountKind.RESERVED, BigInteger.ZERO),
          byKind.getOrDefault(AccountKind.FEES, BigInteger.ZERO),
          byKind.getOrDefault(AccountKind.LIQUIDITY, BigInteger.ZERO),
          sum);
    }
  }
}

package dev.opkit.conformance.targets;

/**
 * What a scenario needs of a wallet: a particular asset and starting balance, an asset other than
 * one named, or whatever the target has ({@link #ANY}). Only a sandbox can open a wallet to order;
 * real wallets can offer a wallet in another asset when one is configured.
 *
 * @param assetCode the asset code, e.g. {@code EUR}, or null for the target's choice
 * @param balance the starting balance in whole units, e.g. {@code 1000.00}, or null for the
 *     target's choice
 * @param otherThan an asset the wallet must not hold, or null
 */
public record WalletSpec(String assetCode, String balance, String otherThan) {
  /** Any wallet the target offers for the role. */
  public static final WalletSpec ANY = new WalletSpec(null, null, null);

  /** A wallet in a chosen asset, with a chosen balance (either may be null). */
  public WalletSpec(String assetCode, String balance) {
    this(assetCode, balance, null);
  }

  /** Any wallet that does not hold {@code asset}. */
  public static WalletSpec otherAssetThan(String asset) {
    return new WalletSpec(null, null, asset);
  }

  /** Whether the scenario asks for a chosen asset or balance, which only a sandbox can open. */
  public boolean madeToOrder() {
    return assetCode != null || balance != null;
  }
}

package dev.opkit.conformance.targets;

/**
 * What a scenario needs of a wallet: a particular asset and starting balance, or whatever the
 * target has ({@link #ANY}). Only a sandbox can open a wallet to order.
 *
 * @param assetCode the asset code, e.g. {@code EUR}, or null for the target's choice
 * @param balance the starting balance in whole units, e.g. {@code 1000.00}, or null for the
 *     target's choice
 */
public record WalletSpec(String assetCode, String balance) {
  /** Any wallet the target offers for the role. */
  public static final WalletSpec ANY = new WalletSpec(null, null);

  /** Whether the scenario asks for more than the target's own choice. */
  public boolean madeToOrder() {
    return assetCode != null || balance != null;
  }
}

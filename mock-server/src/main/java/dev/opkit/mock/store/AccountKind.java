package dev.opkit.mock.store;

/**
 * The roles an account plays in a session's double-entry books. Wallet money is created by the
 * issuer, crosses currencies through the network's liquidity, and pays fees; the sum of all
 * balances of one asset is always zero.
 */
public enum AccountKind {
  /** A wallet address's available balance; never negative. */
  WALLET(true),
  /** Amount of one wallet reserved by outgoing payments still being processed; never negative. */
  RESERVED(true),
  /** The source of deposits: its balance is minus the money issued in that asset. */
  ISSUER(false),
  /** The sandbox as the network between wallets: takes one asset in and pays another out. */
  LIQUIDITY(false),
  /** Fees the sandbox's wallet providers charged; never negative. */
  FEES(true);

  private final boolean nonNegative;

  AccountKind(boolean nonNegative) {
    this.nonNegative = nonNegative;
  }

  /** Whether a transfer that would take this account below zero must be refused. */
  public boolean nonNegative() {
    return nonNegative;
  }

  /** Whether accounts of this kind belong to a wallet (rather than to the sandbox). */
  public boolean ofWallet() {
    return this == WALLET || this == RESERVED;
  }
}

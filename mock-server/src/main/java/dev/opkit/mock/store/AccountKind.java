package dev.opkit.mock.store;

/**
 * The roles an account plays in a session's double-entry books. Wallet money is created by the
 * issuer, crosses currencies through the network's liquidity, and pays fees; the sum of all
 * balances of one asset is always zero.
 */
public enum AccountKind {
  /** A wallet address's available balance; never negative. */
  WALLET(true, true),
  /** Amount of one wallet reserved by outgoing payments still being processed; never negative. */
  RESERVED(true, true),
  /** The source of deposits: its balance is minus the money issued in that asset. */
  ISSUER(false, false),
  /** The sandbox as the network between wallets: takes one asset in and pays another out. */
  LIQUIDITY(false, false),
  /**
   * Fees the sandbox's wallet providers charged; never negative. Nobody reads it as an amount, so
   * it may grow past 2^64 - 1 without payments failing.
   */
  FEES(true, false);

  private final boolean nonNegative;
  private final boolean walletMoney;

  AccountKind(boolean nonNegative, boolean walletMoney) {
    this.nonNegative = nonNegative;
    this.walletMoney = walletMoney;
  }

  /** Whether a transfer that would take this account below zero must be refused. */
  public boolean nonNegative() {
    return nonNegative;
  }

  /** Whether accounts of this kind belong to a wallet (rather than to the sandbox). */
  public boolean ofWallet() {
    return walletMoney;
  }

  /**
   * Whether the account holds part of a wallet's money: a wallet's available and reserved balances
   * together must stay an amount (at most 2^64 - 1), so that a failed payment can always return its
   * reservation.
   */
  public boolean walletMoney() {
    return walletMoney;
  }

  /** The other account of the same wallet: reserved for available and back. */
  public AccountKind walletPartner() {
    return switch (this) {
      case WALLET -> RESERVED;
      case RESERVED -> WALLET;
      default -> throw new IllegalStateException(this + " accounts belong to no wallet");
    };
  }
}

package dev.opkit.mock.ledger;

import java.math.BigInteger;

/** A transfer would take an account that must stay non-negative below zero. */
public final class InsufficientFundsException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final transient Account account;
  private final BigInteger available;
  private final BigInteger needed;

  public InsufficientFundsException(
      String description, Account account, BigInteger available, BigInteger needed) {
    super(
        description
            + ": "
            + account
            + " holds "
            + available
            + " but "
            + needed
            + " is needed (amounts in the asset's smallest unit)");
    this.account = account;
    this.available = available;
    this.needed = needed;
  }

  public Account account() {
    return account;
  }

  public BigInteger available() {
    return available;
  }

  public BigInteger needed() {
    return needed;
  }
}

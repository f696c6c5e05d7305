package dev.opkit.mock.ledger;

import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One account of the {@link Ledger}. Its balance changes only through {@link Ledger#post}, under
 * its own lock; reading it is always safe.
 */
public final class Account {
  private final long ordinal;
  private final AccountKind kind;
  private final String name;
  private final Asset asset;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile BigInteger balance = BigInteger.ZERO;

  Account(long ordinal, AccountKind kind, String name, Asset asset) {
    this.ordinal = ordinal;
    this.kind = kind;
    this.name = name;
    this.asset = asset;
  }

  public AccountKind kind() {
    return kind;
  }

  /** A readable name, e.g. {@code wallet http://localhost:4000/alice} or {@code fees USD/2}. */
  public String name() {
    return name;
  }

  public Asset asset() {
    return asset;
  }

  public BigInteger balance() {
    return balance;
  }

  long ordinal() {
    return ordinal;
  }

  ReentrantLock lock() {
    return lock;
  }

  void setBalance(BigInteger balance) {
    this.balance = balance;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " " + name + " (" + asset + ")";
  }
}

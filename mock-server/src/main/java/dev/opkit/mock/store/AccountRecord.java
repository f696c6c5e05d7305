package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One account of a session's books and its balance, an exact integer in the asset's smallest unit.
 *
 * @param key which account
 * @param asset its asset, fixed when it is opened
 * @param balance the balance; accounts of the sandbox may be negative
 */
public record AccountRecord(AccountKey key, Asset asset, BigInteger balance) {
  public AccountRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(balance, "balance");
  }

  /** An account opened with nothing in it. */
  public static AccountRecord opened(AccountKey key, Asset asset) {
    return new AccountRecord(key, asset, BigInteger.ZERO);
  }

  public AccountRecord withBalance(BigInteger newBalance) {
    return new AccountRecord(key, asset, newBalance);
  }
}

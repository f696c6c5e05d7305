package dev.opkit.mock.ledger;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact amount of one asset in its smallest unit, for the sandbox's arithmetic (the wire form is
 * the protocol module's {@code Amount}). Values are unsigned 64-bit integers, as Open Payments
 * amounts are.
 *
 * @param asset the asset
 * @param value 0 to 2^64 - 1
 */
public record Money(Asset asset, BigInteger value) implements Comparable<Money> {
  public Money {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(Ledger.MAX_BALANCE) > 0) {
      throw new ArithmeticException(
          value + " " + asset + " is outside the range of an amount (0 to 2^64 - 1)");
    }
  }

  public static Money zero(Asset asset) {
    return new Money(asset, BigInteger.ZERO);
  }

  public static Money of(Asset asset, long value) {
    return new Money(asset, BigInteger.valueOf(value));
  }

  public Money plus(Money other) {
    return new Money(asset, value.add(same(other).value));
  }

  /**
   * This minus other.
   *
   * @throws ArithmeticException if other is larger
   */
  public Money minus(Money other) {
    return new Money(asset, value.subtract(same(other).value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Money other) {
    return value.compareTo(same(other).value);
  }

  private Money same(Money other) {
    if (!asset.equals(other.asset)) {
      throw new IllegalArgumentException(
          "cannot combine " + this + " with " + other + ": different assets");
    }
    return other;
  }

  /** E.g. {@code 10.50 USD} for 1050 at scale 2. */
  public String display() {
    return new java.math.BigDecimal(value, asset.scale()).toPlainString() + " " + asset.code();
  }

  /** E.g. {@code 1050 USD/2}. */
  @Override
  public String toString() {
    return value + " " + asset;
  }
}

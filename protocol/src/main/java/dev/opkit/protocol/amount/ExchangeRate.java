package dev.opkit.protocol.amount;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exchange rate between two assets: {@code rate} units of {@code to} for one unit of {@code
 * from}, both in whole (human) units, so USD→EUR at 0.92 means 1.00 USD buys 0.92 EUR whatever the
 * scales. Conversions are exact in {@link BigDecimal} and rounded once, to whole smallest units of
 * the target, by an explicit {@link Rounding}; scale differences (2 → 9) are a power of ten and
 * exact.
 */
public record ExchangeRate(Asset from, Asset to, BigDecimal rate) {

  /**
   * @throws InvalidAmountException when an asset is missing or the rate is not positive
   */
  public ExchangeRate {
    if (from == null || to == null) {
      throw new InvalidAmountException("an exchange rate needs both its source and target asset");
    }
    if (rate == null || rate.signum() <= 0) {
      throw new InvalidAmountException(
          "exchange rate " + from + "→" + to + " must be a positive number, got " + rate);
    }
  }

  /** A rate between different scales of the same value, e.g. USD/2 → USD/9 at 1. */
  public static ExchangeRate identity(Asset from, Asset to) {
    return new ExchangeRate(from, to, BigDecimal.ONE);
  }

  /**
   * Converts an amount of {@code from} into {@code to}: value × rate × 10^(to.scale − from.scale),
   * rounded to a whole number of smallest units.
   *
   * @throws AssetMismatchException when {@code source} is not in {@code from}
   * @throws AmountOverflowException when the result exceeds 2^64-1
   */
  public Amount convert(Amount source, Rounding rounding) {
    requireAsset(source, from, "convert");
    BigDecimal exact =
        new BigDecimal(source.value()).multiply(rate).scaleByPowerOfTen(to.scale() - from.scale());
    return Amount.of(toWholeUnits(exact, rounding, source), to);
  }

  /**
   * The amount of {@code from} that converts to {@code target}: value ÷ rate × 10^(from.scale −
   * to.scale), rounded to a whole number of smallest units. With {@link Rounding#UP} the result
   * always covers the target: {@code convert(sourceFor(t, UP), DOWN) ≥ t}.
   *
   * @throws AssetMismatchException when {@code target} is not in {@code to}
   * @throws AmountOverflowException when the result exceeds 2^64-1
   */
  public Amount sourceFor(Amount target, Rounding rounding) {
    requireAsset(target, to, "find the source amount for");
    BigDecimal numerator =
        new BigDecimal(target.value()).scaleByPowerOfTen(from.scale() - to.scale());
    // Division rounded directly to scale 0 gives the correctly rounded exact quotient.
    BigDecimal whole = numerator.divide(rate, 0, rounding.mode());
    return Amount.of(checkRange(whole.toBigIntegerExact(), target), from);
  }

  private BigInteger toWholeUnits(BigDecimal exact, Rounding rounding, Amount input) {
    return checkRange(exact.setScale(0, rounding.mode()).toBigIntegerExact(), input);
  }

  private BigInteger checkRange(BigInteger result, Amount input) {
    if (result.compareTo(AmountValue.MAX) > 0) {
      throw new AmountOverflowException(
          "converting "
              + input
              + " at "
              + rate.toPlainString()
              + " ("
              + from
              + "→"
              + to
              + ") gives "
              + result
              + ", more than the largest amount value 2^64-1");
    }
    return result;
  }

  private static void requireAsset(Amount amount, Asset expected, String operation) {
    if (!amount.asset().equals(expected)) {
      throw new AssetMismatchException(
          "cannot "
              + operation
              + " "
              + amount
              + " with a rate for "
              + expected
              + " (asset code and scale must both match)");
    }
  }
}

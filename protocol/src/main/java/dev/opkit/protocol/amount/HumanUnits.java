package dev.opkit.protocol.amount;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Amounts in the units people write: "5.00" or "5" of an asset at scale 2 is 500 smallest units,
 * and 500 at scale 2 prints as "5.00". Used by the command line; the wire always carries smallest
 * units.
 */
public final class HumanUnits {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private HumanUnits() {}

  /**
   * Parses "5", "5.5" or "5.00" into smallest units of an asset with {@code scale} decimals.
   *
   * @throws InvalidAmountException for a sign, an exponent, whitespace, separators other than one
   *     {@code .}, more decimals than {@code scale}, or a result above 2^64-1
   */
  public static BigInteger toBaseUnits(String text, int scale) {
    Asset.requireValidScale(scale);
    if (text == null || !DECIMAL.matcher(text).matches()) {
      throw new InvalidAmountException(
          "'"
              + text
              + "' is not an amount; write digits with an optional '.' and up to "
              + scale
              + " decimals, e.g. "
              + example(scale));
    }
    int dot = text.indexOf('.');
    int decimals = dot < 0 ? 0 : text.length() - dot - 1;
    if (decimals > scale) {
      throw new InvalidAmountException(
          "'"
              + text
              + "' has "
              + decimals
              + " decimals but the asset has "
              + scale
              + "; write at most "
              + scale
              + ", e.g. "
              + example(scale));
    }
    BigInteger base = new BigDecimal(text).movePointRight(scale).toBigIntegerExact();
    return AmountValue.requireInRange(base, "'" + text + "' in smallest units");
  }

  /** Parses human units of {@code asset} into an amount. */
  public static Amount parse(String text, Asset asset) {
    return Amount.of(toBaseUnits(text, asset.scale()), asset);
  }

  /** Smallest units written with {@code scale} decimals: 500 at scale 2 → "5.00". */
  public static String format(BigInteger baseUnits, int scale) {
    return new BigDecimal(baseUnits, scale).toPlainString();
  }

  /** An amount with its code: "5.00 USD". */
  public static String format(Amount amount) {
    return format(amount.value(), amount.assetScale()) + " " + amount.assetCode();
  }

  private static String example(int scale) {
    return scale == 0 ? "\"5\"" : "\"5." + "0".repeat(scale) + "\"";
  }
}

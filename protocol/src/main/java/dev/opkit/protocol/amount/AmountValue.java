package dev.opkit.protocol.amount;

import java.math.BigInteger;

/**
 * The {@code value} of an Open Payments amount: an unsigned 64-bit integer, 0 … 2^64-1, carried in
 * JSON as a string of decimal digits (schema {@code amount}, {@code format: uint64}).
 */
public final class AmountValue {
  /** 2^64-1, the largest value an amount can hold. */
  public static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static final int MAX_DIGITS = MAX.toString().length();

  private AmountValue() {}

  /**
   * Parses the wire form: ASCII digits only. Leading zeros are accepted (JavaScript's {@code
   * BigInt}, which deployed wallets use, accepts them) and dropped.
   *
   * @throws InvalidAmountException for an empty string, a sign, a decimal point, an exponent,
   *     whitespace, any other character, or a value above 2^64-1
   */
  public static BigInteger parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidAmountException(
          "amount value is empty; write the amount in the asset's smallest unit as a string of"
              + " digits, e.g. \"2500\" for 25.00 USD at assetScale 2");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidAmountException(
            "amount value \""
                + text
                + "\" is not a string of digits: "
                + describe(c)
                + " at position "
                + i
                + "; write the amount in the asset's smallest unit as an unsigned integer, e.g."
                + " \"2500\" for 25.00 USD at assetScale 2");
      }
    }
    String significant = stripLeadingZeros(text);
    if (significant.length() > MAX_DIGITS) {
      throw tooLarge(text);
    }
    return requireInRange(new BigInteger(significant), "amount value \"" + text + "\"");
  }

  /** The wire form of a value: its decimal digits. */
  public static String format(BigInteger value) {
    return requireInRange(value, "amount value").toString();
  }

  /**
   * Returns {@code value} if it is within 0 … 2^64-1.
   *
   * @param what names the value in the error message, e.g. "debitAmount value"
   * @throws AmountOverflowException above 2^64-1
   * @throws InvalidAmountException when null or negative
   */
  public static BigInteger requireInRange(BigInteger value, String what) {
    if (value == null) {
      throw new InvalidAmountException(what + " is missing");
    }
    if (value.signum() < 0) {
      throw new InvalidAmountException(
          what + " is " + value + "; amounts are unsigned and cannot be negative");
    }
    if (value.compareTo(MAX) > 0) {
      throw new AmountOverflowException(
          what + " is " + value + ", more than the largest amount value 2^64-1 (" + MAX + ")");
    }
    return value;
  }

  private static InvalidAmountException tooLarge(String text) {
    return new AmountOverflowException(
        "amount value \"" + text + "\" is more than the largest amount value 2^64-1 (" + MAX + ")");
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static String describe(char c) {
    switch (c) {
      case '-':
        return "a minus sign (amounts cannot be negative)";
      case '+':
        return "a plus sign";
      case '.':
      case ',':
        return "a decimal separator (amounts are integers in the asset's smallest unit)";
      case 'e':
      case 'E':
        return "an exponent";
      default:
        return Character.isWhitespace(c)
            ? "whitespace"
            : String.format("the character '%c' (U+%04X)", c, (int) c);
    }
  }
}

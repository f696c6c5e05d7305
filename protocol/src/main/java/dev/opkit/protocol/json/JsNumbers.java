package dev.opkit.protocol.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as ECMAScript's {@code Number::toString} (ECMA-262 §6.1.6.1.20) and
 * {@code JSON.stringify} do: the shortest digit string that reads back as the same double (the
 * closest one, then the even one, when several qualify), plain notation for exponents -7 to 20,
 * otherwise {@code d.ddde+n}; {@code -0} as {@code 0}; NaN and infinities as JSON {@code null}.
 */
final class JsNumbers {
  private static final int MAX_SIGNIFICANT_DIGITS = 17;

  private JsNumbers() {}

  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    if (value == 0) {
      return "0";
    }
    if (value < 0) {
      return "-" + format(-value);
    }
    BigDecimal shortest = shortestDecimal(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    return layout(digits, k, n);
  }

  /**
   * The decimal with the fewest significant digits that parses back to {@code value}. For each
   * precision both neighbours of the exact binary value are tried, not only the nearest one: next
   * to a power of two the rounding interval is lopsided and the farther neighbour can be the only
   * one inside it.
   */
  private static BigDecimal shortestDecimal(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= MAX_SIGNIFICANT_DIGITS; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downOk = readsBackAs(down, value);
      boolean upOk = readsBackAs(up, value);
      if (downOk && upOk) {
        return closer(exact, down, up, precision).stripTrailingZeros();
      }
      if (downOk) {
        return down.stripTrailingZeros();
      }
      if (upOk) {
        return up.stripTrailingZeros();
      }
    }
    throw new IllegalStateException("no decimal of 17 digits reads back as " + value);
  }

  private static boolean readsBackAs(BigDecimal candidate, double value) {
    return Double.parseDouble(candidate.toString()) == value;
  }

  private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up, int p) {
    int cmp = exact.subtract(down).compareTo(up.subtract(exact));
    if (cmp != 0) {
      return cmp < 0 ? down : up;
    }
    return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
  }

  /** ECMA-262 Number::toString steps 6–12 for digits {@code s} of length k and exponent n. */
  private static String layout(String s, int k, int n) {
    if (k <= n && n <= 21) {
      return s + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return s.substring(0, n) + "." + s.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + s;
    }
    int exponent = n - 1;
    String e = (exponent < 0 ? "e-" : "e+") + Math.abs(exponent);
    return k == 1 ? s + e : s.charAt(0) + "." + s.substring(1) + e;
  }
}

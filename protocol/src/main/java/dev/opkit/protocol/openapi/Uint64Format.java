package dev.opkit.protocol.openapi;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The {@code uint64} format the Open Payments specs give amount values: a string of decimal digits
 * whose value fits an unsigned 64-bit integer, 0 to 18446744073709551615. Leading zeros are
 * accepted, as deployed validators (which parse with {@code BigInt}) accept them; signs, spaces,
 * fractions and exponents are not.
 */
final class Uint64Format implements Format {
  static final String NAME = "uint64";

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final int MAX_DIGITS = MAX.toString().length();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean matches(ExecutionContext executionContext, String value) {
    if (!DIGITS.matcher(value).matches()) {
      return false;
    }
    String significant = LEADING_ZEROS.matcher(value).replaceFirst("");
    return significant.length() <= MAX_DIGITS && new BigInteger(significant).compareTo(MAX) <= 0;
  }
}

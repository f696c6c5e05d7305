package dev.opkit.protocol.openapi;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The {@code uint64} format the Open Payments specs give amount values: a string of decimal digits
 * whose value fits an unsigned 64-bit integer, 0 to 18446744073709551615. Leading zeros are
 * accepted, as deployed validators (which parse with {@code BigInt}) accept them; signs, spaces,
 * fractions and exponents are not.
 */
final class Uint64Format implements Format {
  static final String NAME = "uint64";

  /** 2^64 - 1. */
  static final String MAX = "18446744073709551615";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean matches(ExecutionContext executionContext, String value) {
    if (value.isEmpty()) {
      return false;
    }
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      if (c == '0' && start == i && i < value.length() - 1) {
        start = i + 1;
      }
    }
    // Digits only, leading zeros skipped: as many digits as 2^64 - 1 compare as text.
    int digits = value.length() - start;
    return digits < MAX.length()
        || (digits == MAX.length() && value.substring(start).compareTo(MAX) <= 0);
  }
}

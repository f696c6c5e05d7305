package dev.opkit.mock.resource;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;

/**
 * Stored payments keep amount values as primitive longs holding the unsigned 64-bit value, to stay
 * small (a benchmark keeps a million payments); the asset comes from the wallet.
 */
public final class StoredAmounts {
  private StoredAmounts() {}

  /** The bits of an amount's value (an unsigned 64-bit value fits a long's 64 bits). */
  public static long bits(Amount amount) {
    return amount.value().longValue();
  }

  /** The amount whose unsigned value is held in {@code bits}. */
  public static Amount amount(long bits, Asset asset) {
    BigInteger value =
        bits >= 0 ? BigInteger.valueOf(bits) : new BigInteger(Long.toUnsignedString(bits));
    return Amount.of(value, asset);
  }
}

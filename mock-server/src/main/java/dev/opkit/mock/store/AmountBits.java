package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;

/**
 * Stored payments keep amount values as primitive longs holding the unsigned 64-bit value, to stay
 * small (a benchmark keeps a million payments); the asset is a shared instance beside them.
 */
public final class AmountBits {
  private AmountBits() {}

  /** The bits of an amount's value (an unsigned 64-bit value fits a long's 64 bits). */
  public static long of(Amount amount) {
    return amount.value().longValue();
  }

  /** The amount whose unsigned value is held in {@code bits}. */
  public static Amount amount(long bits, Asset asset) {
    return Amount.of(value(bits), asset);
  }

  /** The unsigned value held in {@code bits}. */
  public static BigInteger value(long bits) {
    return bits >= 0 ? BigInteger.valueOf(bits) : new BigInteger(Long.toUnsignedString(bits));
  }
}

package dev.opkit.mock.sandbox;

import java.math.BigInteger;

/**
 * The fee every outgoing payment pays to the sending wallet's provider, in the sender's asset:
 * {@code fixed + ceil(sent × basisPoints / 10 000)}, where {@code sent} is the amount that crosses
 * to the receiver before conversion. The debit amount is {@code sent + fee}.
 *
 * @param basisPoints the variable part, in hundredths of a percent (100 = 1 %), 0 to 10 000
 * @param fixed the fixed part, in the sender's asset's smallest unit
 */
public record FeeConfig(int basisPoints, BigInteger fixed) {
  /** 1 % and nothing fixed. */
  public static final FeeConfig DEFAULT = new FeeConfig(100, BigInteger.ZERO);

  public FeeConfig {
    if (basisPoints < 0 || basisPoints > 10_000) {
      throw new IllegalArgumentException(
          "fees.basisPoints must be between 0 and 10000 (100 = 1 %), got " + basisPoints);
    }
    fixed = fixed == null ? BigInteger.ZERO : fixed;
    if (fixed.signum() < 0) {
      throw new IllegalArgumentException("fees.fixed cannot be negative, got " + fixed);
    }
  }
}

package dev.opkit.protocol.amount;

import java.math.RoundingMode;

/**
 * How a conversion between assets rounds to whole smallest units. The rule: round against the party
 * making the promise, so nobody is promised money that the exact conversion does not cover.
 *
 * <ul>
 *   <li>{@link #DOWN} for what a receiver is told they will get from a fixed debit: never more than
 *       the exact conversion.
 *   <li>{@link #UP} for what a sender must be debited to deliver a fixed receive amount: never less
 *       than needed, so the receiver gets at least that amount.
 * </ul>
 */
public enum Rounding {
  /** Toward zero: the result never exceeds the exact value. */
  DOWN(RoundingMode.DOWN),
  /** Away from zero: the result is never below the exact value. */
  UP(RoundingMode.UP);

  private final RoundingMode mode;

  Rounding(RoundingMode mode) {
    this.mode = mode;
  }

  /** The {@link RoundingMode} that implements this rule for non-negative values. */
  public RoundingMode mode() {
    return mode;
  }
}

package dev.opkit.protocol.amount;

/** A sum or conversion whose result exceeds the largest amount value, 2^64-1. */
public class AmountOverflowException extends InvalidAmountException {
  private static final long serialVersionUID = 1L;

  public AmountOverflowException(String message) {
    super(message);
  }
}

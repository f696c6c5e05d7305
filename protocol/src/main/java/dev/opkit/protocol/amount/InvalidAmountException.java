package dev.opkit.protocol.amount;

import dev.opkit.protocol.ProtocolException;

/**
 * An amount that breaks the Open Payments {@code amount} schema (value an unsigned 64-bit integer
 * written as a string of digits, assetScale 0–255, assetCode present) or an arithmetic result that
 * would. The message names the value and the rule.
 */
public class InvalidAmountException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public InvalidAmountException(String message) {
    super(message);
  }
}

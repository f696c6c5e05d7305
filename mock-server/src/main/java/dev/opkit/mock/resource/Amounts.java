package dev.opkit.mock.resource;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;

/** Checks on the amounts of resource-server requests. */
public final class Amounts {
  private Amounts() {}

  /**
   * The amount, which must be in {@code expected}.
   *
   * @throws ApiException 400 {@code invalid_amount} naming both assets when they differ
   */
  public static Amount in(Asset expected, Amount amount, String field) {
    if (!amount.asset().equals(expected)) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_AMOUNT,
          field
              + " is in "
              + amount.assetCode()
              + " scale "
              + amount.assetScale()
              + " but must be in "
              + expected.code()
              + " scale "
              + expected.scale());
    }
    return amount;
  }

  /**
   * A positive amount in {@code expected}.
   *
   * @throws ApiException 400 {@code invalid_amount} for another asset or zero
   */
  public static Amount positiveIn(Asset expected, Amount amount, String field) {
    in(expected, amount, field);
    if (amount.isZero()) {
      throw new ApiException(400, ErrorCodes.INVALID_AMOUNT, field + " must be greater than zero");
    }
    return amount;
  }
}

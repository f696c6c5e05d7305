package dev.opkit.mock.spending;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.http.ApiException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.interval.InvalidIntervalException;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.model.Limits;
import java.util.Optional;

/**
 * The {@code limits} of an outgoing-payment access item, parsed for checking (spec {@code
 * limits-outgoing}; PROTOCOL.md §6): payments may go only to {@code receiver}, and the debit or
 * receive amounts may not pass the maximum, per window of {@code interval} or over the grant's
 * life.
 *
 * @param receiver the only incoming payment URL payments may pay, or null
 * @param debitAmount the most the grant may debit per window (or in total), or null
 * @param receiveAmount the most the grant may deliver per window (or in total), or null
 * @param interval the repeating interval, or null for limits over the grant's whole life
 */
public record SpendingLimits(
    String receiver, Amount debitAmount, Amount receiveAmount, RepeatingInterval interval) {

  /** No limits at all: every payment passes; spent amounts are still counted. */
  public static final SpendingLimits NONE = new SpendingLimits(null, null, null, null);

  /**
   * The limits of an access item as checkable values.
   *
   * @throws ApiException 403 when the limits cannot be applied (an amount that is not an amount, an
   *     interval that is not a repeating interval): the grant cannot authorize payments
   */
  public static SpendingLimits from(Limits limits) {
    if (limits == null) {
      return NONE;
    }
    try {
      return new SpendingLimits(
          limits.receiver(),
          limits.debitAmount() == null ? null : limits.debitAmount(),
          limits.receiveAmount() == null ? null : limits.receiveAmount(),
          limits.interval() == null ? null : ParsedIntervals.of(limits.interval()));
    } catch (ApiException | InvalidIntervalException e) {
      throw ApiError.LIMIT_EXCEEDED.exception(
          "this grant's limits cannot be applied, so it cannot authorize payments: "
              + e.getMessage());
    }
  }

  public Optional<RepeatingInterval> repeating() {
    return Optional.ofNullable(interval);
  }

  /** Whether an amount is capped (by debit or by receive amount). */
  public boolean hasAmountLimit() {
    return debitAmount != null || receiveAmount != null;
  }
}

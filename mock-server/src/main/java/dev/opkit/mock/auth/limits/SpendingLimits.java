package dev.opkit.mock.auth.limits;

import dev.opkit.mock.ledger.Money;
import dev.opkit.protocol.interval.RepeatingInterval;
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
    String receiver, Money debitAmount, Money receiveAmount, RepeatingInterval interval) {

  /** No limits at all: every payment passes; spent amounts are still counted. */
  public static final SpendingLimits NONE = new SpendingLimits(null, null, null, null);

  public Optional<RepeatingInterval> repeating() {
    return Optional.ofNullable(interval);
  }

  /** Whether an amount is capped (by debit or by receive amount). */
  public boolean hasAmountLimit() {
    return debitAmount != null || receiveAmount != null;
  }
}

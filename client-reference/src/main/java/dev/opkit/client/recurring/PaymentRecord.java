package dev.opkit.client.recurring;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened in one period: paid (with the outgoing payment's id and amounts) or missed (the
 * period ended before a run could pay it).
 *
 * @param index the period's window index, 0 for the first
 * @param outcome paid or missed
 * @param outgoingPayment the outgoing payment URL, null when missed
 * @param debitAmount what left the sender, null when missed
 * @param receiveAmount what the receiver gets, null when missed
 * @param createdAt when the wallet created the payment, or when the period was found missed
 */
public record PaymentRecord(
    long index,
    Outcome outcome,
    String outgoingPayment,
    Amount debitAmount,
    Amount receiveAmount,
    Instant createdAt) {

  /** Paid or missed. */
  public enum Outcome {
    PAID,
    MISSED
  }

  public PaymentRecord {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the period was paid. */
  public boolean paid() {
    return outcome == Outcome.PAID;
  }
}

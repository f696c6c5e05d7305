package dev.opkit.client.recurring;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened in one period. Only {@link Outcome#PAID} means money reached the receiver; a
 * payment the wallet marked {@code failed}, or one still in progress, never counts as paid.
 *
 * @param index the period's window index, 0 for the first
 * @param outcome paid, pending, failed or missed
 * @param outgoingPayment the outgoing payment URL (the last one tried when failed), null when
 *     missed
 * @param debitAmount what the payment debits from the sender; null unless paid or pending
 * @param receiveAmount what the receiver gets; null unless paid or pending
 * @param sentAmount what the wallet reports sent so far; null when missed
 * @param createdAt when the wallet created the payment, or when the period was found missed
 * @param detail why the period failed or is pending, as far as the wallet says; null when paid
 * @param attempts how many payments were tried for the period (each failed but the last)
 * @param retryUntil for a failed period: the end of its window, until which a run pays it again
 *     with a new quote; null once the failure is final
 */
public record PaymentRecord(
    long index,
    Outcome outcome,
    String outgoingPayment,
    Amount debitAmount,
    Amount receiveAmount,
    Amount sentAmount,
    Instant createdAt,
    String detail,
    // Absent from files written before payments could fail.
    @JsonSetter(nulls = Nulls.AS_EMPTY) int attempts,
    Instant retryUntil) {

  /** What became of a period. */
  public enum Outcome {
    /** The payment completed: the wallet sent its whole amount and did not mark it failed. */
    PAID,
    /** The payment was created and is still in progress; later runs check it again. */
    PENDING,
    /** The wallet marked the period's payment failed; see {@code retryUntil}. */
    FAILED,
    /** The period ended before a run could pay it. */
    MISSED
  }

  public PaymentRecord {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A completed payment. */
  static PaymentRecord paid(
      long index,
      String outgoingPayment,
      Amount debitAmount,
      Amount receiveAmount,
      Amount sentAmount,
      Instant createdAt,
      int attempts) {
    return new PaymentRecord(
        index,
        Outcome.PAID,
        outgoingPayment,
        debitAmount,
        receiveAmount,
        sentAmount,
        createdAt,
        null,
        attempts,
        null);
  }

  /** A period that ended without a run paying it. */
  static PaymentRecord missed(long index, Instant now) {
    return new PaymentRecord(index, Outcome.MISSED, null, null, null, null, now, null, 0, null);
  }

  /** Whether the period was paid. */
  public boolean paid() {
    return outcome == Outcome.PAID;
  }

  /** Whether the period's payment is still in progress at the wallet. */
  public boolean pending() {
    return outcome == Outcome.PENDING;
  }

  /** Whether the period failed and a run may still pay it, with a new quote, in its window. */
  public boolean retryable() {
    return outcome == Outcome.FAILED && retryUntil != null;
  }

  /** This failed record made final: its window is over, so no run pays it any more. */
  PaymentRecord finalFailure(String why) {
    return new PaymentRecord(
        index,
        outcome,
        outgoingPayment,
        debitAmount,
        receiveAmount,
        sentAmount,
        createdAt,
        detail + "; " + why,
        attempts,
        null);
  }
}

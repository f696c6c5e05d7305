package dev.opkit.client.recurring;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.model.OutgoingPayment;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an outgoing payment stands, read from what Open Payments shows of it: the wallet's {@code
 * failed} flag, {@code sentAmount} against {@code debitAmount}, and what the receiving incoming
 * payment has received. The protocol has no state or failure reason field.
 */
enum PaymentProgress {
  /** The money reached the receiver. */
  COMPLETED,
  /** Not failed, not finished: the wallet is still sending it. */
  IN_PROGRESS,
  /** The wallet marked it failed; what it sent is in {@code sentAmount}. */
  FAILED;

  /**
   * The progress of a payment. A wallet may leave its fee out of {@code sentAmount} (Rafiki reports
   * 550 sent of 556 debited for a completed payment), so a payment that sent less than its debit
   * amount also counts as completed once its incoming payment received the payment's receive
   * amount.
   *
   * @param receivedAt what an incoming payment (by URL) has received, empty when unknown
   */
  static PaymentProgress of(
      OutgoingPayment payment, Function<String, Optional<Amount>> receivedAt) {
    if (payment.failed()) {
      return FAILED;
    }
    if (payment.sentAmount().compareTo(payment.debitAmount()) >= 0) {
      return COMPLETED;
    }
    Amount promised = payment.receiveAmount();
    boolean delivered =
        receivedAt
            .apply(payment.receiver())
            .filter(received -> received.sameAsset(promised) && received.compareTo(promised) >= 0)
            .isPresent();
    return delivered ? COMPLETED : IN_PROGRESS;
  }
}

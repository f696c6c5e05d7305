package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.auth.limits.SpentAmounts;
import dev.opkit.protocol.model.OutgoingPayment;

/**
 * Renders stored outgoing payments as the spec's {@code outgoing-payment} and, for the create
 * response, {@code outgoing-payment-with-spent-amounts}.
 */
public final class OutgoingPaymentViews {
  private OutgoingPaymentViews() {}

  public static OutgoingPayment render(OutgoingPaymentRecord payment) {
    return render(payment, null);
  }

  /** With {@code grantSpentDebitAmount} and {@code grantSpentReceiveAmount}. */
  public static OutgoingPayment created(CreatedPayment created) {
    return render(created.payment(), created.grantSpent());
  }

  private static OutgoingPayment render(OutgoingPaymentRecord payment, SpentAmounts spent) {
    return new OutgoingPayment(
        payment.url(),
        payment.wallet().url(),
        payment.quoteUrl().orElse(null),
        payment.state() == OutgoingPaymentState.FAILED,
        payment.receiver().url(),
        payment.receiveAmount(),
        payment.debitAmount(),
        payment.sentAmount(),
        spent == null || spent.debit() == null ? null : spent.debit(),
        spent == null || spent.receive() == null ? null : spent.receive(),
        payment.metadata().orElse(null),
        payment.createdAt());
  }
}

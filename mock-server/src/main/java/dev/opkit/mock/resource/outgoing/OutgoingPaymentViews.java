package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.spending.SpentAmounts;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentState;
import dev.opkit.protocol.model.OutgoingPayment;

/**
 * Renders stored outgoing payments as the spec's {@code outgoing-payment} and, for the create
 * response, {@code outgoing-payment-with-spent-amounts}, with the URLs of their session.
 */
public final class OutgoingPaymentViews {
  private OutgoingPaymentViews() {}

  public static OutgoingPayment render(SessionAse ase, OutgoingPaymentRecord payment) {
    return render(ase, payment, null);
  }

  /** With {@code grantSpentDebitAmount} and {@code grantSpentReceiveAmount}. */
  public static OutgoingPayment created(SessionAse ase, CreatedPayment created) {
    return render(ase, created.payment(), created.grantSpent());
  }

  /** The payment's URL (its id). */
  public static String url(SessionAse ase, OutgoingPaymentRecord payment) {
    return ase.resourceUrl("outgoing-payments", payment.id());
  }

  private static OutgoingPayment render(
      SessionAse ase, OutgoingPaymentRecord payment, SpentAmounts spent) {
    return new OutgoingPayment(
        url(ase, payment),
        ase.walletUrl(payment.wallet()),
        payment.fromQuote() ? ase.resourceUrl("quotes", payment.id()) : null,
        payment.state() == OutgoingPaymentState.FAILED,
        ase.session()
            .at(payment.receiverWallet().ase())
            .resourceUrl("incoming-payments", payment.receiver()),
        payment.receiveAmount(),
        payment.debitAmount(),
        payment.sentAmount(),
        spent == null || spent.debit() == null ? null : spent.debit(),
        spent == null || spent.receive() == null ? null : spent.receive(),
        payment.metadataIfAny().orElse(null),
        payment.createdAt());
  }
}

package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.IncomingPaymentState;
import dev.opkit.protocol.model.IlpPaymentMethod;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.PublicIncomingPayment;
import java.time.Instant;
import java.util.List;

/**
 * Renders stored incoming payments as the spec's schemas: {@code incoming-payment-with-methods},
 * {@code incoming-payment} and {@code public-incoming-payment}, with the URLs of the session they
 * belong to.
 */
public final class IncomingPaymentViews {
  private final IlpDetails ilp = new IlpDetails();

  /** With payment methods (create, get): one {@code ilp} method while pending, none after. */
  public IncomingPayment withMethods(SessionAse ase, IncomingPaymentRecord payment, Instant now) {
    List<IlpPaymentMethod> methods =
        payment.stateAt(now) == IncomingPaymentState.PENDING
            ? List.of(IlpPaymentMethod.ilp(ilp.address(payment), ilp.sharedSecret(payment.id())))
            : List.of();
    return render(ase, payment, now, methods);
  }

  /** Without payment methods (list, complete). */
  public IncomingPayment withoutMethods(
      SessionAse ase, IncomingPaymentRecord payment, Instant now) {
    return render(ase, payment, now, null);
  }

  /** What anyone may see without a token. */
  public PublicIncomingPayment publicView(SessionAse ase, IncomingPaymentRecord payment) {
    return new PublicIncomingPayment(payment.receivedAmount(), ase.authServerUrl());
  }

  private static IncomingPayment render(
      SessionAse ase, IncomingPaymentRecord payment, Instant now, List<IlpPaymentMethod> methods) {
    return new IncomingPayment(
        IncomingPaymentService.url(ase, payment),
        ase.walletUrl(payment.wallet()),
        payment.stateAt(now) == IncomingPaymentState.COMPLETED,
        payment.incomingAmount().orElse(null),
        payment.receivedAmount(),
        payment.expiresAt(),
        payment.metadataIfAny().orElse(null),
        payment.createdAt(),
        methods);
  }
}

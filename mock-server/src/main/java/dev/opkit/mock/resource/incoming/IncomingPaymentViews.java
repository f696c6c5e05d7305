package dev.opkit.mock.resource.incoming;

import dev.opkit.protocol.model.IlpPaymentMethod;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.PublicIncomingPayment;
import java.time.Instant;
import java.util.List;

/**
 * Renders stored incoming payments as the spec's schemas: {@code incoming-payment-with-methods},
 * {@code incoming-payment} and {@code public-incoming-payment}.
 */
public final class IncomingPaymentViews {
  private final IlpDetails ilp = new IlpDetails();

  /** With payment methods (create, get): one {@code ilp} method while pending, none after. */
  public IncomingPayment withMethods(IncomingPaymentRecord payment, Instant now) {
    List<IlpPaymentMethod> methods =
        payment.stateAt(now) == IncomingPaymentState.PENDING
            ? List.of(IlpPaymentMethod.ilp(ilp.address(payment), ilp.sharedSecret(payment.id())))
            : List.of();
    return render(payment, now, methods);
  }

  /** Without payment methods (list, complete). */
  public IncomingPayment withoutMethods(IncomingPaymentRecord payment, Instant now) {
    return render(payment, now, null);
  }

  /** What anyone may see without a token. */
  public PublicIncomingPayment publicView(IncomingPaymentRecord payment) {
    return new PublicIncomingPayment(
        payment.receivedAmount(), payment.wallet().ase().authServerUrl());
  }

  private static IncomingPayment render(
      IncomingPaymentRecord payment, Instant now, List<IlpPaymentMethod> methods) {
    return new IncomingPayment(
        payment.url(),
        payment.wallet().url(),
        payment.stateAt(now) == IncomingPaymentState.COMPLETED,
        payment.incomingAmount().orElse(null),
        payment.receivedAmount(),
        payment.expiresAt(),
        payment.metadata().orElse(null),
        payment.createdAt(),
        methods);
  }
}

package dev.opkit.client;

import dev.opkit.protocol.model.PublicIncomingPayment;

/**
 * The public view of an incoming payment, {@code GET {url}} without a token or signature
 * (resource-server {@code get-incoming-payment}, {@code public-incoming-payment} schema).
 */
public final class PublicIncomingPaymentApi {
  private final Transport transport;

  PublicIncomingPaymentApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET {url}}: what has been received so far and where to ask for a grant. */
  public PublicIncomingPayment get(String url) {
    Answer answer = transport.call(Endpoint.GET_INCOMING_PAYMENT, url, null, null);
    return transport.read(answer, PublicIncomingPayment.class);
  }
}

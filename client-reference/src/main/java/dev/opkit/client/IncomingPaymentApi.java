package dev.opkit.client;

import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.PublicIncomingPayment;
import dev.opkit.protocol.model.ResourceChecks;
import java.util.Objects;

/**
 * Incoming payments on a resource server (resource-server spec: {@code create-incoming-payment},
 * {@code get-incoming-payment}, {@code list-incoming-payments}, {@code complete-incoming-payment}).
 * Calls with a token are signed.
 */
public final class IncomingPaymentApi {
  private final Transport transport;
  private final PublicIncomingPaymentApi publicView;

  IncomingPaymentApi(Transport transport) {
    this.transport = transport;
    this.publicView = new PublicIncomingPaymentApi(transport);
  }

  /**
   * {@code POST {resourceServer}/incoming-payments}.
   *
   * @param resourceServer the receiver wallet address's {@code resourceServer}
   * @param accessToken a token with {@code incoming-payment} {@code create}
   */
  public IncomingPayment create(
      String resourceServer, String accessToken, CreateIncomingPaymentRequest request) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer =
        transport.call(
            Endpoint.CREATE_INCOMING_PAYMENT,
            Urls.under(resourceServer, "incoming-payments"),
            accessToken,
            request);
    IncomingPayment payment = transport.read(answer, IncomingPayment.class);
    transport.requireConsistent(answer, ResourceChecks.createdIncomingPayment(payment));
    return payment;
  }

  /** {@code GET {url}} with a token: the full incoming payment with its payment methods. */
  public IncomingPayment get(String url, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer = transport.call(Endpoint.GET_INCOMING_PAYMENT, url, accessToken, null);
    IncomingPayment payment = transport.read(answer, IncomingPayment.class);
    transport.requireConsistent(answer, ResourceChecks.incomingPayment(payment));
    return payment;
  }

  /** {@code GET {url}} without a token: the public view (received amount, auth server). */
  public PublicIncomingPayment getPublic(String url) {
    return publicView.get(url);
  }

  /**
   * {@code GET {resourceServer}/incoming-payments?wallet-address=…}: one page of the wallet
   * address's incoming payments, newest first.
   */
  public Page<IncomingPayment> list(
      String resourceServer, String accessToken, String walletAddress, Pagination pagination) {
    Objects.requireNonNull(accessToken, "accessToken");
    String url =
        Urls.withQuery(
            Urls.under(resourceServer, "incoming-payments"),
            Urls.listQuery(walletAddress, pagination));
    Answer answer = transport.call(Endpoint.LIST_INCOMING_PAYMENTS, url, accessToken, null);
    Page<IncomingPayment> page = transport.read(answer, Page.INCOMING_PAYMENTS);
    page.result()
        .forEach(p -> transport.requireConsistent(answer, ResourceChecks.incomingPayment(p)));
    return page;
  }

  /** {@code POST {url}/complete}: no more payments will be made into it. */
  public IncomingPayment complete(String url, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer =
        transport.call(Endpoint.COMPLETE_INCOMING_PAYMENT, url + "/complete", accessToken, null);
    IncomingPayment payment = transport.read(answer, IncomingPayment.class);
    transport.requireConsistent(answer, ResourceChecks.completedIncomingPayment(payment));
    return payment;
  }
}

package dev.opkit.client;

import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.GrantSpentAmounts;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.ResourceChecks;
import java.util.Objects;

/**
 * Outgoing payments on the sender's resource server (resource-server {@code
 * create-outgoing-payment}, {@code get-outgoing-payment}, {@code list-outgoing-payments}, {@code
 * get-outgoing-payment-grant}). Every call is signed.
 */
public final class OutgoingPaymentApi {
  private final Transport transport;

  OutgoingPaymentApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * {@code POST {resourceServer}/outgoing-payments}. The answer carries what the grant had spent
   * ({@code grantSpentDebitAmount}, {@code grantSpentReceiveAmount}).
   *
   * @param accessToken a token with {@code outgoing-payment} {@code create}
   */
  public OutgoingPayment create(
      String resourceServer, String accessToken, CreateOutgoingPaymentRequest request) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer =
        transport.call(
            Endpoint.CREATE_OUTGOING_PAYMENT,
            Urls.under(resourceServer, "outgoing-payments"),
            accessToken,
            request);
    OutgoingPayment payment = transport.read(answer, OutgoingPayment.class);
    transport.requireConsistent(answer, ResourceChecks.outgoingPayment(payment));
    return payment;
  }

  /** {@code GET {url}}. */
  public OutgoingPayment get(String url, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer = transport.call(Endpoint.GET_OUTGOING_PAYMENT, url, accessToken, null);
    OutgoingPayment payment = transport.read(answer, OutgoingPayment.class);
    transport.requireConsistent(answer, ResourceChecks.outgoingPayment(payment));
    return payment;
  }

  /**
   * {@code GET {resourceServer}/outgoing-payments?wallet-address=…}: one page of the wallet
   * address's outgoing payments, newest first.
   */
  public Page<OutgoingPayment> list(
      String resourceServer, String accessToken, String walletAddress, Pagination pagination) {
    Objects.requireNonNull(accessToken, "accessToken");
    String url =
        Urls.withQuery(
            Urls.under(resourceServer, "outgoing-payments"),
            Urls.listQuery(walletAddress, pagination));
    Answer answer = transport.call(Endpoint.LIST_OUTGOING_PAYMENTS, url, accessToken, null);
    Page<OutgoingPayment> page = transport.read(answer, Page.OUTGOING_PAYMENTS);
    page.result()
        .forEach(p -> transport.requireConsistent(answer, ResourceChecks.outgoingPayment(p)));
    return page;
  }

  /**
   * {@code GET {resourceServer}/outgoing-payment-grant}: what the token's grant has spent, in the
   * current interval when it has one.
   */
  public GrantSpentAmounts grantSpentAmounts(String resourceServer, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer =
        transport.call(
            Endpoint.GET_OUTGOING_PAYMENT_GRANT,
            Urls.under(resourceServer, "outgoing-payment-grant"),
            accessToken,
            null);
    return transport.read(answer, GrantSpentAmounts.class);
  }
}

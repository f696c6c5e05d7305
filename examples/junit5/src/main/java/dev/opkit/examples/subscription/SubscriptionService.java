package dev.opkit.examples.subscription;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.InteractFinish;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Limits;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A small subscription service: a subscriber grants it a monthly allowance once (an interactive
 * outgoing-payment grant with an interval limit), then it charges the monthly fee into the
 * merchant's wallet, each charge a fresh incoming payment, quote and outgoing payment.
 */
public final class SubscriptionService {
  private final OpenPaymentsClient client;
  private final String finishUri;

  public SubscriptionService(ClientIdentity identity, String finishUri) {
    this.client = OpenPaymentsClient.create(identity, ClientOptions.defaults());
    this.finishUri = finishUri;
  }

  /**
   * Asks the subscriber's wallet for a monthly allowance; the subscriber consents at the redirect.
   */
  public PendingSubscription subscribe(String subscriber, Amount monthly, Instant from) {
    WalletAddress wallet = client.walletAddress().get(subscriber);
    Limits limits = new Limits(null, "R/" + from + "/P1M", monthly, null);
    GrantResponse pending =
        client
            .grant()
            .request(
                wallet.authServer(),
                new AccessTokenRequest(
                    List.of(
                        new AccessItem(
                            AccessType.OUTGOING_PAYMENT,
                            List.of(AccessAction.CREATE, AccessAction.READ),
                            wallet.id(),
                            limits))),
                InteractRequest.redirect(
                    InteractFinish.redirect(finishUri, UUID.randomUUID().toString())));
    return new PendingSubscription(wallet, pending.interact().redirect(), pending.continuation());
  }

  /** After consent: trades the finish redirect's interact_ref for the allowance's token. */
  public Subscription activate(PendingSubscription pending, String interactRef) {
    GrantResponse approved = client.grant().continueGrant(pending.continuation(), interactRef);
    return new Subscription(pending.subscriber(), approved.accessToken());
  }

  /** Charges one month's fee into the merchant's wallet. */
  public Charge charge(Subscription subscription, String merchant, Amount fee) {
    WalletAddress payee = client.walletAddress().get(merchant);
    WalletAddress payer = subscription.subscriber();
    try {
      String incomingToken =
          client
              .grant()
              .request(
                  payee.authServer(),
                  AccessTokenRequest.of(
                      AccessItem.of(AccessType.INCOMING_PAYMENT, payee.id(), AccessAction.CREATE)))
              .accessToken()
              .value();
      IncomingPayment invoice =
          client
              .incomingPayment()
              .create(
                  payee.resourceServer(),
                  incomingToken,
                  new CreateIncomingPaymentRequest(payee.id(), fee, null, null));
      String quoteToken =
          client
              .grant()
              .request(
                  payer.authServer(),
                  AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE)))
              .accessToken()
              .value();
      Quote quote =
          client
              .quote()
              .create(
                  payer.resourceServer(),
                  quoteToken,
                  new CreateQuoteRequest(payer.id(), invoice.id(), "ilp", null, null));
      CreateOutgoingPaymentRequest order =
          new CreateOutgoingPaymentRequest.FromQuote(payer.id(), quote.id(), null);
      try {
        return Charge.made(
            client
                .outgoingPayment()
                .create(payer.resourceServer(), subscription.token().value(), order));
      } catch (ApiErrorException refused) {
        if (refused.status() != 401 && refused.status() != 403) {
          throw refused;
        }
        // The allowance's token lives minutes, the subscription months: rotate it and try once
        // more. A revoked grant refuses the rotation; a spent month refuses the payment again.
        subscription.rotated(client.token().rotate(subscription.token()));
        return Charge.made(
            client
                .outgoingPayment()
                .create(payer.resourceServer(), subscription.token().value(), order));
      }
    } catch (ApiErrorException e) {
      return Charge.refused(e.status(), e.code().orElse(""));
    }
  }
}

package dev.opkit.mock.resource.quote;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.resource.Amounts;
import dev.opkit.mock.resource.ResourceIds;
import dev.opkit.mock.resource.ResourceRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.resource.incoming.IncomingPaymentRecord;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.incoming.IncomingPaymentState;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.CreateQuoteRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Quotes (resource-server spec, tag {@code quote}; PROTOCOL.md §7): the price of paying an incoming
 * payment on any provider of the sandbox from a wallet of this provider, valid for the configured
 * lifetime by the sandbox clock and never past the incoming payment's expiry.
 */
public final class QuoteService {
  private final QuoteStore store;
  private final WalletService wallets;
  private final IncomingPaymentService incoming;
  private final ResourceAccess access;
  private final Pricing pricing;
  private final Clock clock;
  private final Duration lifetime;

  public QuoteService(
      QuoteStore store,
      WalletService wallets,
      IncomingPaymentService incoming,
      ResourceAccess access,
      Pricing pricing,
      Clock clock,
      Duration lifetime) {
    this.store = store;
    this.wallets = wallets;
    this.incoming = incoming;
    this.access = access;
    this.pricing = pricing;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /**
   * {@code create-quote}: at most one of {@code debitAmount} (in the sender's asset) and {@code
   * receiveAmount} (in the receiver's asset); with neither, the receiver's remaining amount.
   */
  public QuoteRecord create(ResourceRequest request, CreateQuoteRequest body) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.QUOTE, AccessAction.CREATE, body.walletAddress()));
    Wallet sender = wallets.onResourceServer(request.ase(), body.walletAddress());
    Instant now = clock.instant();
    IncomingPaymentRecord receiver = activeReceiver(body.receiver(), now);
    Priced price = price(body, sender, receiver);
    Optional<Amount> remaining = receiver.remaining();
    if (remaining.isPresent() && price.receive().compareTo(remaining.get()) > 0) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_AMOUNT,
          "the quote would deliver "
              + HumanUnits.format(price.receive())
              + " but the incoming payment "
              + receiver.url()
              + " expects only "
              + HumanUnits.format(remaining.get())
              + " more");
    }
    Instant expiresAt = now.plus(lifetime);
    if (receiver.expiresAt().isBefore(expiresAt)) {
      expiresAt = receiver.expiresAt();
    }
    QuoteRecord quote =
        new QuoteRecord(
            UUID.randomUUID(), sender, receiver, price, now, expiresAt, grantee.client());
    store.add(quote);
    return quote;
  }

  /** {@code get-quote}: {@code read} shows the client's own quotes, {@code read-all} all. */
  public QuoteRecord get(ResourceRequest request, UUID id) {
    QuoteRecord quote = require(request.ase(), id);
    Grantee grantee =
        access.authorize(request.access(AccessType.QUOTE, AccessAction.READ, quote.wallet().url()));
    if (!grantee.maySee(quote.client())) {
      throw ApiException.notFound("quote " + quote.url() + " was created by another client");
    }
    return quote;
  }

  /** A quote of this provider by URL, for outgoing payments. */
  public Optional<QuoteRecord> findByUrl(Ase ase, String url) {
    return ResourceIds.parse(url, "quotes")
        .flatMap(store::find)
        .filter(q -> q.wallet().ase() == ase && q.url().equals(url));
  }

  /**
   * The price of paying {@code debit} to a receiver in {@code receiveAsset} (outgoing payments
   * without a quote).
   */
  public Priced priceFixedSend(Amount debit, Asset receiveAsset) {
    return pricing.fixedSend(debit, receiveAsset);
  }

  /**
   * The incoming payment a payment may go to now, or 400 {@code invalid_receiver} saying why not.
   */
  public IncomingPaymentRecord activeReceiver(String url, Instant now) {
    IncomingPaymentRecord receiver =
        incoming
            .findByUrl(url)
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        ErrorCodes.INVALID_RECEIVER,
                        "receiver "
                            + url
                            + " is not an incoming payment of any wallet provider in this"
                            + " sandbox"));
    IncomingPaymentState state = receiver.stateAt(now);
    if (state != IncomingPaymentState.PENDING) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_RECEIVER,
          "receiver "
              + url
              + " is "
              + state.name().toLowerCase(Locale.ROOT)
              + " and accepts no more payments");
    }
    return receiver;
  }

  private Priced price(CreateQuoteRequest body, Wallet sender, IncomingPaymentRecord receiver) {
    if (body.debitAmount() != null && body.receiveAmount() != null) {
      throw ApiException.badRequest("give debitAmount or receiveAmount, not both");
    }
    if (body.debitAmount() != null) {
      Amount debit = Amounts.positiveIn(sender.asset(), body.debitAmount(), "debitAmount");
      return pricing.fixedSend(debit, receiver.wallet().asset());
    }
    Amount receive;
    if (body.receiveAmount() != null) {
      receive =
          Amounts.positiveIn(receiver.wallet().asset(), body.receiveAmount(), "receiveAmount");
    } else {
      receive =
          receiver
              .remaining()
              .orElseThrow(
                  () ->
                      new ApiException(
                          400,
                          ErrorCodes.INVALID_AMOUNT,
                          "the receiver "
                              + receiver.url()
                              + " has no incomingAmount, so the quote needs a debitAmount or a"
                              + " receiveAmount"));
    }
    return pricing.fixedReceive(receive, sender.asset());
  }

  private QuoteRecord require(Ase ase, UUID id) {
    return store
        .find(id)
        .filter(q -> q.wallet().ase() == ase)
        .orElseThrow(
            () -> ResourceIds.unknown(ase, "there is no quote " + id + " on this resource server"));
  }
}

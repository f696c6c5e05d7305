package dev.opkit.mock.resource.quote;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.resource.Amounts;
import dev.opkit.mock.resource.ResourceIds;
import dev.opkit.mock.resource.ResourceRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.AmountBits;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.IncomingPaymentState;
import dev.opkit.mock.store.Misbehaviour;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.mock.store.QuoteRecord;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.CreateQuoteRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Quotes (resource-server spec, tag {@code quote}; PROTOCOL.md §7): the price of paying an incoming
 * payment on any provider of the session from a wallet of this provider, valid for the configured
 * lifetime by the session clock and never past the incoming payment's expiry.
 */
public final class QuoteService {
  private final Transactions storage;
  private final ResourceAccess access;
  private final IncomingPaymentService incoming;
  private final Misbehaviours misbehaviours;

  public QuoteService(
      Transactions storage,
      ResourceAccess access,
      IncomingPaymentService incoming,
      Misbehaviours misbehaviours) {
    this.storage = storage;
    this.access = access;
    this.incoming = incoming;
    this.misbehaviours = misbehaviours;
  }

  /**
   * {@code create-quote}: at most one of {@code debitAmount} (in the sender's asset) and {@code
   * receiveAmount} (in the receiver's asset); with neither, the receiver's remaining amount.
   */
  public QuoteRecord create(ResourceRequest request, CreateQuoteRequest body) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.QUOTE, AccessAction.CREATE, body.walletAddress()));
    SessionAse ase = request.ase();
    List<String> walletAddresses = new ArrayList<>(List.of(grantee.client()));
    if (grantee.access().identifier() != null) {
      walletAddresses.add(grantee.access().identifier());
    }
    walletAddresses.add(body.walletAddress());
    Misbehaved made =
        storage.write(
            ase.sessionId(),
            tx -> {
              WalletRecord sender = WalletService.onResourceServer(tx, ase, body.walletAddress());
              Instant now = ase.session().now(tx);
              IncomingPaymentRecord receiver =
                  activeReceiver(tx, ase.session(), body.receiver(), now);
              Priced price = price(ase.session(), body, sender, receiver);
              Optional<Amount> remaining = receiver.remaining();
              if (remaining.isPresent() && price.receive().compareTo(remaining.get()) > 0) {
                throw new ApiException(
                    400,
                    ErrorCodes.INVALID_AMOUNT,
                    "the quote would deliver "
                        + HumanUnits.format(price.receive())
                        + " but the incoming payment "
                        + body.receiver()
                        + " expects only "
                        + HumanUnits.format(remaining.get())
                        + " more");
              }
              List<Misbehaviour> fired =
                  misbehaviours.onQuote(tx, ase, grantee.grantId(), walletAddresses);
              Duration lifetime =
                  fired.stream()
                      .filter(m -> m.kind() == MisbehaviourKind.QUOTE_EXPIRES_EARLY)
                      .map(Misbehaviour::lifetimeOrDefault)
                      .findFirst()
                      .orElse(ase.session().config().quoteLifetime());
              Instant expiresAt = now.plus(lifetime);
              if (receiver.expiresAt().isBefore(expiresAt)) {
                expiresAt = receiver.expiresAt();
              }
              QuoteRecord quote =
                  new QuoteRecord(
                      UUID.randomUUID(),
                      sender.id(),
                      sender.asset(),
                      receiver.id(),
                      receiver.wallet(),
                      receiver.asset(),
                      AmountBits.of(price.debit()),
                      AmountBits.of(price.fee()),
                      AmountBits.of(price.receive()),
                      now.toEpochMilli(),
                      expiresAt.toEpochMilli(),
                      grantee.client(),
                      false);
              tx.quotes().save(quote);
              for (Misbehaviour m : fired) {
                endReceiver(tx, ase.session(), m.kind(), receiver, now);
              }
              return new Misbehaved(
                  quote,
                  fired.stream().anyMatch(m -> m.kind() == MisbehaviourKind.QUOTE_EXPIRES_EARLY));
            });
    if (made.expiresEarly()) {
      awaitExpiry(ase.session(), made.quote());
    }
    return made.quote();
  }

  /** A quote just made, and whether a {@code quote-expires-early} gave it its lifetime. */
  private record Misbehaved(QuoteRecord quote, boolean expiresEarly) {}

  /** What a receiver misbehaviour does to the incoming payment right after the quote. */
  private void endReceiver(
      Tx tx, Session session, MisbehaviourKind kind, IncomingPaymentRecord quoted, Instant now) {
    IncomingPaymentRecord receiver = tx.incomingPayments().forUpdate(quoted.id()).orElse(quoted);
    if (kind == MisbehaviourKind.RECEIVER_COMPLETED) {
      IncomingPaymentRecord completed = receiver.withState(IncomingPaymentState.COMPLETED);
      tx.incomingPayments().save(completed);
      incoming.publish(tx, session, EventType.INCOMING_PAYMENT_COMPLETED, completed, now);
    } else if (kind == MisbehaviourKind.RECEIVER_EXPIRED) {
      // Its expiry is now: the sweep reports it expired (or, in the rafiki profile, deletes it).
      tx.incomingPayments().save(receiver.expiringAt(now));
    }
  }

  /**
   * Holds the answer until the quote has expired by the session clock (at most {@link
   * Misbehaviour#MAX_DELAY}), so that whatever the client does with it next meets an expired quote.
   */
  private static void awaitExpiry(Session session, QuoteRecord quote) {
    long millis = Duration.between(session.now(), quote.expiresAt()).toMillis() + 1;
    try {
      Thread.sleep(Math.max(0, Math.min(millis, Misbehaviour.MAX_DELAY.toMillis())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code get-quote}: {@code read} shows the client's own quotes, {@code read-all} all. */
  public QuoteRecord get(ResourceRequest request, UUID id) {
    SessionAse ase = request.ase();
    QuoteRecord quote =
        storage
            .read(ase.sessionId(), reads -> reads.quotes().find(id))
            .filter(q -> q.wallet().ase().equals(ase.name()))
            .orElseThrow(
                () ->
                    ResourceIds.unknown(
                        ase, "there is no quote " + id + " on this resource server"));
    Grantee grantee =
        access.authorize(
            request.access(AccessType.QUOTE, AccessAction.READ, ase.walletUrl(quote.wallet())));
    if (!grantee.maySee(quote.client())) {
      throw ApiException.notFound("quote " + url(ase, quote) + " was created by another client");
    }
    return quote;
  }

  /** A quote of this provider in this session by URL, taken for update (outgoing payments). */
  public static Optional<QuoteRecord> forUpdateByUrl(Tx tx, SessionAse ase, String url) {
    return ResourceIds.parse(ase, url, "quotes")
        .flatMap(id -> tx.quotes().forUpdate(id))
        .filter(q -> q.wallet().ase().equals(ase.name()) && url(ase, q).equals(url));
  }

  /**
   * The price of paying {@code debit} to a receiver in {@code receiveAsset} (outgoing payments
   * without a quote).
   */
  public static Priced priceFixedSend(Session session, Amount debit, Asset receiveAsset) {
    return pricing(session).fixedSend(debit, receiveAsset);
  }

  /**
   * The incoming payment a payment may go to now, or 400 {@code invalid_receiver} saying why not.
   */
  public static IncomingPaymentRecord activeReceiver(
      Tx tx, Session session, String url, Instant now) {
    IncomingPaymentRecord receiver =
        IncomingPaymentService.findByUrl(tx, session, url, now)
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

  /** The quote's URL (its id), in its session. */
  public static String url(SessionAse ase, QuoteRecord quote) {
    return ase.resourceUrl("quotes", quote.id());
  }

  private Priced price(
      Session session,
      CreateQuoteRequest body,
      WalletRecord sender,
      IncomingPaymentRecord receiver) {
    if (body.debitAmount() != null && body.receiveAmount() != null) {
      throw ApiException.badRequest("give debitAmount or receiveAmount, not both");
    }
    if (body.debitAmount() != null) {
      Amount debit = Amounts.positiveIn(sender.asset(), body.debitAmount(), "debitAmount");
      return pricing(session).fixedSend(debit, receiver.asset());
    }
    Amount receive;
    if (body.receiveAmount() != null) {
      receive = Amounts.positiveIn(receiver.asset(), body.receiveAmount(), "receiveAmount");
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
                              + IncomingPaymentService.url(session, receiver)
                              + " has no incomingAmount, so the quote needs a debitAmount or a"
                              + " receiveAmount"));
    }
    return pricing(session).fixedReceive(receive, sender.asset());
  }

  /** How the session prices payments: its rates and fee rule. */
  private static Pricing pricing(Session session) {
    return new Pricing(session.config().rates(), session.config().fees());
  }
}

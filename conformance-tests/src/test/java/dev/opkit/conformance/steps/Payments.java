package dev.opkit.conformance.steps;

import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incoming payments, quotes and outgoing payments of one scenario, and how it makes them (the
 * guide's steps 3, 5, 10 and 12), each with the token {@link Grants} holds for it.
 */
public final class Payments {
  /** How long the kit's incoming payments take payments, unless a scenario says otherwise. */
  private static final Duration INCOMING_PAYMENT_LIFETIME = Duration.ofDays(1);

  private final ScenarioContext context;
  private final Grants grants;
  private final List<IncomingPayment> incoming = new ArrayList<>();
  private final List<Quote> quotes = new ArrayList<>();
  private final List<OutgoingPayment> outgoing = new ArrayList<>();
  private final List<String> refusedSecondPayments = new ArrayList<>();
  private final List<Boolean> paymentsWentThrough = new ArrayList<>();
  private BigInteger senderBalanceBefore;

  public Payments(ScenarioContext context, Grants grants) {
    this.context = context;
    this.grants = grants;
  }

  /** An amount in the human units of the role's wallet, e.g. {@code 10.00}. */
  Amount amount(Role role, String humanUnits) {
    return HumanUnits.parse(humanUnits, context.wallet(role).asset());
  }

  /**
   * Creates an incoming payment at the receiver (the guide's step 3).
   *
   * @param incomingAmount what it expects, or null for an open one
   * @param expiresAt when it expires, or null for a day from the wallet's now
   * @param metadata what to keep with it, or null
   */
  Optional<IncomingPayment> createIncoming(
      Amount incomingAmount, Instant expiresAt, Map<String, Object> metadata) {
    WalletAddress receiver = context.wallet(Role.RECEIVER);
    String token = grants.incomingPaymentToken();
    Instant expiry = expiresAt != null ? expiresAt : grants.now().plus(INCOMING_PAYMENT_LIFETIME);
    Optional<IncomingPayment> created =
        context.act(
            () ->
                context
                    .client()
                    .incomingPayment()
                    .create(
                        receiver.resourceServer(),
                        token,
                        new CreateIncomingPaymentRequest(
                            receiver.id(), incomingAmount, expiry, metadata)));
    created.ifPresent(incoming::add);
    return created;
  }

  /** Creates an incoming payment that must succeed, for a Given. */
  IncomingPayment requireIncoming(Amount incomingAmount, Instant expiresAt) {
    return context.requireSuccess(
        createIncoming(incomingAmount, expiresAt, null), "the incoming payment is created");
  }

  /** The incoming payments created, oldest first. */
  List<IncomingPayment> incoming() {
    return List.copyOf(incoming);
  }

  /** The latest incoming payment. */
  IncomingPayment lastIncoming() {
    if (incoming.isEmpty()) {
      throw new IllegalStateException("the scenario has created no incoming payment yet");
    }
    return incoming.get(incoming.size() - 1);
  }

  /** Replaces the latest incoming payment with a newer view of it. */
  void updateIncoming(IncomingPayment latest) {
    for (int i = 0; i < incoming.size(); i++) {
      if (incoming.get(i).id().equals(latest.id())) {
        incoming.set(i, latest);
      }
    }
  }

  /** Asks the sender's wallet for a quote (the guide's step 5). */
  Optional<Quote> quote(CreateQuoteRequest request) {
    WalletAddress sender = context.wallet(Role.SENDER);
    String token = grants.quoteToken();
    Optional<Quote> quote =
        context.act(() -> context.client().quote().create(sender.resourceServer(), token, request));
    quote.ifPresent(quotes::add);
    return quote;
  }

  /** A quote for sending {@code debit} to the latest incoming payment, which must succeed. */
  Quote requireQuoteSending(Amount debit) {
    return context.requireSuccess(
        quote(
            CreateQuoteRequest.fixedSend(
                context.wallet(Role.SENDER).id(), lastIncoming().id(), debit)),
        "the quote is created");
  }

  /** The latest quote. */
  Quote lastQuote() {
    if (quotes.isEmpty()) {
      throw new IllegalStateException("the scenario has no quote yet");
    }
    return quotes.get(quotes.size() - 1);
  }

  /** Every quote created, oldest first. */
  List<Quote> quotes() {
    return List.copyOf(quotes);
  }

  /** Pays a quote with the outgoing-payment token (the guide's steps 10 and 12). */
  Optional<OutgoingPayment> pay(Quote quote) {
    return create(
        new CreateOutgoingPaymentRequest.FromQuote(
            context.wallet(Role.SENDER).id(), quote.id(), null));
  }

  /**
   * Creates an outgoing payment with the outgoing-payment token. In a sandbox, first notes the
   * sender's balance, so a scenario can check what the payment took.
   */
  Optional<OutgoingPayment> create(CreateOutgoingPaymentRequest request) {
    WalletAddress sender = context.wallet(Role.SENDER);
    String token = grants.token(AccessType.OUTGOING_PAYMENT).value();
    if (context.hasAdminApi()) {
      senderBalanceBefore = context.balance(sender.id());
    }
    Optional<OutgoingPayment> payment =
        context.act(
            () ->
                context.client().outgoingPayment().create(sender.resourceServer(), token, request));
    payment.ifPresent(outgoing::add);
    return payment;
  }

  /**
   * Pays the receiver {@code debit} as the guide does it: a new open incoming payment, a quote for
   * sending the amount to it, and an outgoing payment for the quote. The answer of the last of
   * these is the scenario's answer.
   */
  Optional<OutgoingPayment> payReceiver(Amount debit) {
    requireIncoming(null, null);
    requireQuoteSending(debit);
    Optional<OutgoingPayment> payment = pay(lastQuote());
    paymentsWentThrough.add(payment.isPresent());
    return payment;
  }

  /** Whether each payment to the receiver went through, oldest first. */
  List<Boolean> paymentsWentThrough() {
    return List.copyOf(paymentsWentThrough);
  }

  /** The sender's balance before the last outgoing payment (sandbox only). */
  BigInteger senderBalanceBefore() {
    if (senderBalanceBefore == null) {
      throw new IllegalStateException("no outgoing payment was made on a sandbox in this scenario");
    }
    return senderBalanceBefore;
  }

  /** The outgoing payments created, oldest first. */
  List<OutgoingPayment> outgoing() {
    return List.copyOf(outgoing);
  }

  /** The latest outgoing payment. */
  OutgoingPayment lastOutgoing() {
    if (outgoing.isEmpty()) {
      throw new IllegalStateException("the scenario has made no outgoing payment yet");
    }
    return outgoing.get(outgoing.size() - 1);
  }

  /** Notes that a second payment in an interval was refused, as it must be. */
  void secondPaymentRefused(String interval) {
    refusedSecondPayments.add(interval);
  }

  /** The intervals in which a second payment was refused. */
  List<String> refusedSecondPayments() {
    return List.copyOf(refusedSecondPayments);
  }
}

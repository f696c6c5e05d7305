package dev.opkit.mock.resource.outgoing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.auth.limits.GrantSpending;
import dev.opkit.mock.auth.limits.PaymentSpend;
import dev.opkit.mock.auth.limits.Reservation;
import dev.opkit.mock.auth.limits.SpendingLimits;
import dev.opkit.mock.auth.limits.SpentAmounts;
import dev.opkit.mock.events.EventType;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.resource.Amounts;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.resource.ResourceIds;
import dev.opkit.mock.resource.ResourceRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.resource.incoming.IncomingPaymentRecord;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.incoming.IncomingPaymentViews;
import dev.opkit.mock.resource.quote.Priced;
import dev.opkit.mock.resource.quote.QuoteRecord;
import dev.opkit.mock.resource.quote.QuoteService;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Background;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.mock.wallet.WalletLocks;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing payments (resource-server spec, tag {@code outgoing-payment}; PROTOCOL.md §6 and §7).
 *
 * <p>Creating one is a single atomic step under the locks of the sending and receiving wallets and
 * then of the grant (always in that order): the quote is unused and unexpired, the receiver can
 * take the amount, the grant's limits allow it in the current window, and the sender has the money;
 * then the quote is used, the grant's window counts the payment, and the debit amount is reserved.
 * A payment whose sender lacks the money is created failed (as a wallet that declines to fund it),
 * never partly debited. With no processing delay the payment also settles inside that step;
 * otherwise it settles after the delay, outside any lock held while waiting.
 */
public final class OutgoingPaymentService {
  private static final Logger LOG = LoggerFactory.getLogger(OutgoingPaymentService.class);

  private final OutgoingPaymentStore store;
  private final WalletService wallets;
  private final IncomingPaymentService incoming;
  private final IncomingPaymentViews incomingViews;
  private final QuoteService quotes;
  private final ResourceAccess access;
  private final GrantSpending spending;
  private final Ledger ledger;
  private final Settlement settlement;
  private final Events events;
  private final Clock clock;
  private final ProcessingSettings processing;
  private final Background background;
  private final AtomicLong sequences;

  public OutgoingPaymentService(
      OutgoingPaymentStore store,
      WalletService wallets,
      IncomingPaymentService incoming,
      IncomingPaymentViews incomingViews,
      QuoteService quotes,
      ResourceAccess access,
      GrantSpending spending,
      Ledger ledger,
      Events events,
      Clock clock,
      ProcessingSettings processing,
      Background background,
      AtomicLong sequences) {
    this.store = store;
    this.wallets = wallets;
    this.incoming = incoming;
    this.incomingViews = incomingViews;
    this.quotes = quotes;
    this.access = access;
    this.spending = spending;
    this.ledger = ledger;
    this.settlement = new Settlement(ledger, incoming, spending);
    this.events = events;
    this.clock = clock;
    this.processing = processing;
    this.background = background;
    this.sequences = sequences;
  }

  /** {@code create-outgoing-payment} from a quote, or from an incoming payment and amount. */
  public CreatedPayment create(ResourceRequest request, CreateOutgoingPaymentRequest body) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.OUTGOING_PAYMENT, AccessAction.CREATE, body.walletAddress()));
    Ase ase = request.ase();
    Wallet sender = wallets.onResourceServer(ase, body.walletAddress());
    SpendingLimits limits = SpendingLimits.from(grantee.access().limits());
    Order order = order(ase, sender, body);
    Duration delay = processing.delay();
    Placed placed = place(sender, order, grantee, limits, body.metadata(), ase.profile(), delay);
    OutgoingPaymentRecord payment = placed.payment();
    publish(EventType.OUTGOING_PAYMENT_CREATED, payment);
    if (placed.outcome() == null && payment.state() == OutgoingPaymentState.FAILED) {
      // Declined unfunded, as a Rafiki wallet cancels a payment its account cannot cover.
      publish(EventType.OUTGOING_PAYMENT_CANCELLED, payment);
    } else {
      publish(EventType.OUTGOING_PAYMENT_FUNDED, payment);
      if (placed.outcome() != null) {
        announce(payment, placed.outcome());
      } else {
        background.after(delay, () -> settleLater(payment));
      }
    }
    SpentAmounts grantSpent = placed.grantSpent();
    if (!ase.profile().grantSpentIncludesPayment() && !limits.hasAmountLimit()) {
      // Rafiki reports zero spent amounts for grants without an amount limit.
      grantSpent =
          new SpentAmounts(
              Amount.zero(payment.debitAmount().asset()),
              Amount.zero(payment.receiveAmount().asset()));
    }
    return new CreatedPayment(payment, grantSpent);
  }

  /**
   * The atomic step: under the wallets' locks and then the grant's, checks the quote, the receiver
   * (its incoming payment and its wallet can take the amount), the limits and the balance, and only
   * then changes anything: uses the quote, stores the payment, counts it in its window, reserves
   * the debit amount and (without delay) settles. A refusal therefore leaves everything as it was.
   */
  private Placed place(
      Wallet sender,
      Order order,
      Grantee grantee,
      SpendingLimits limits,
      Map<String, Object> metadata,
      BehaviourProfile profile,
      Duration delay) {
    WalletLocks locks = WalletLocks.lock(sender, order.receiver().wallet());
    try (locks;
        GrantSpending.Hold hold = spending.hold(grantee.grantId())) {
      Instant now = clock.instant();
      order.checkStillValid(now);
      Optional<String> refusal =
          settlement.refusal(sender, order.debit(), order.receiver(), order.receive(), now);
      if (refusal.isPresent()) {
        throw new ApiException(
            400,
            order.quote() != null ? ErrorCodes.INVALID_QUOTE : ErrorCodes.INVALID_RECEIVER,
            refusal.get());
      }
      GrantSpending.Check check =
          hold.check(
              limits,
              new PaymentSpend(order.receiver().url(), order.debit(), order.receive()),
              now,
              profile.windowCounting());
      boolean funded = sender.account().balance().compareTo(order.debit().value()) >= 0;
      OutgoingPaymentRecord payment =
          new OutgoingPaymentRecord(
              order.quote() != null ? order.quote().id() : UUID.randomUUID(),
              sender,
              order.receiver(),
              sequences.incrementAndGet(),
              order.debit(),
              order.fee(),
              order.receive(),
              now,
              order.quote() != null,
              metadata,
              grantee.client(),
              grantee.grantId(),
              OutgoingPaymentState.PROCESSING);
      // Every check has passed: from here on nothing refuses.
      if (order.quote() != null) {
        order.quote().markUsed();
      }
      if (!funded) {
        payment.failed(
            "insufficient balance: "
                + sender.url()
                + " has "
                + HumanUnits.format(Amount.of(sender.account().balance(), sender.asset()))
                + " available, the payment needs "
                + HumanUnits.format(order.debit()));
        store.add(payment);
        return new Placed(payment, check.before(), null);
      }
      Reservation reservation = hold.commit(check);
      settlement.reserve(payment);
      payment.reserved(reservation);
      store.add(payment);
      Settlement.Outcome outcome = delay.isZero() ? settlement.settle(payment, now) : null;
      boolean counted =
          profile.grantSpentIncludesPayment() && payment.state() != OutgoingPaymentState.FAILED;
      return new Placed(payment, counted ? reservation.after() : reservation.before(), outcome);
    }
  }

  /** A payment just placed: its grant's spent amounts to report and, if settled, how. */
  private record Placed(
      OutgoingPaymentRecord payment, SpentAmounts grantSpent, Settlement.Outcome outcome) {}

  /** {@code get-outgoing-payment}: {@code read} shows the client's own, {@code read-all} all. */
  public OutgoingPaymentRecord get(ResourceRequest request, UUID id) {
    OutgoingPaymentRecord payment =
        store
            .find(id)
            .filter(p -> p.wallet().ase() == request.ase())
            .orElseThrow(
                () ->
                    ResourceIds.unknown(
                        request.ase(),
                        "there is no outgoing payment " + id + " on this resource server"));
    Grantee grantee =
        access.authorize(
            request.access(AccessType.OUTGOING_PAYMENT, AccessAction.READ, payment.wallet().url()));
    if (!grantee.maySee(payment.client())) {
      throw ApiException.notFound(
          "outgoing payment " + payment.url() + " was created by another client");
    }
    return payment;
  }

  /** {@code list-outgoing-payments}: {@code list} lists the client's own, {@code list-all} all. */
  public PageResult<OutgoingPaymentRecord> list(
      ResourceRequest request, String walletAddress, PageRequest page) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.OUTGOING_PAYMENT, AccessAction.LIST, walletAddress));
    Wallet wallet = wallets.onResourceServer(request.ase(), walletAddress);
    return store.page(wallet, grantee.all() ? null : grantee.client(), page);
  }

  /** A page of every outgoing payment of a wallet, whoever created it (the admin API's view). */
  public PageResult<OutgoingPaymentRecord> ofWallet(Wallet wallet, PageRequest page) {
    return store.page(wallet, null, page);
  }

  /**
   * {@code get-outgoing-payment-grant}: the spent amounts of the token's grant in the current
   * window (over its life without interval); empty when it never spent anything or the clock is
   * outside every window.
   */
  public Optional<SpentAmounts> grantSpent(ResourceRequest request) {
    Grantee grantee =
        access.authorize(request.access(AccessType.OUTGOING_PAYMENT, AccessAction.CREATE, null));
    return spending.current(
        grantee.grantId(),
        SpendingLimits.from(grantee.access().limits()),
        clock.instant(),
        request.ase().profile().windowCounting());
  }

  /**
   * Bulk preload for benchmarks: {@code count} completed outgoing payments of {@code debit} each
   * from {@code sender} into one new incoming payment of {@code payee}, created by {@code client}
   * (null: by the sandbox). The money really moves (in one ledger transfer, the sum of the
   * payments), so the books stay balanced; no events are published and no grant is charged.
   * Everything is checked before anything is created.
   *
   * @return the incoming payment the payments paid
   * @throws ApiException 400 when the sender lacks the money for all of them or the payee cannot
   *     take it
   */
  public IncomingPaymentRecord preload(
      Wallet sender, Wallet payee, int count, Amount debit, String client) {
    Priced price = quotes.priceFixedSend(debit, payee.asset());
    BigInteger times = BigInteger.valueOf(count);
    Amount total = bulk(price.debit(), times, "debit");
    Amount received = bulk(price.receive(), times, "receive");
    WalletLocks locks = WalletLocks.lock(sender, payee);
    try (locks) {
      if (sender.account().balance().compareTo(total.value()) < 0) {
        throw ApiException.badRequest(
            count
                + " payments of "
                + HumanUnits.format(debit)
                + " need "
                + HumanUnits.format(total)
                + " but "
                + sender.url()
                + " has "
                + HumanUnits.format(Amount.of(sender.account().balance(), sender.asset()))
                + "; set its balance first");
      }
      BigInteger holds = ledger.walletMoney(payee.account());
      BigInteger leaves = payee == sender ? total.value() : BigInteger.ZERO;
      if (holds.subtract(leaves).add(received.value()).compareTo(Ledger.MAX_BALANCE) > 0) {
        throw ApiException.badRequest(
            count
                + " payments of "
                + HumanUnits.format(debit)
                + " deliver "
                + received.value()
                + " but the receiving wallet address "
                + payee.url()
                + " holds "
                + holds
                + " and a wallet holds at most 2^64 - 1; lower its balance first");
      }
      Instant now = clock.instant();
      IncomingPaymentRecord receiver = incoming.preload(payee, 1, client).orElseThrow();
      for (int i = 0; i < count; i++) {
        OutgoingPaymentRecord payment =
            new OutgoingPaymentRecord(
                UUID.randomUUID(),
                sender,
                receiver,
                sequences.incrementAndGet(),
                price.debit(),
                price.fee(),
                price.receive(),
                now,
                false,
                null,
                client,
                null,
                OutgoingPaymentState.PROCESSING);
        payment.completed();
        store.add(payment);
      }
      settlement.settleInBulk(
          sender,
          receiver,
          Amount.of(price.fee().value().multiply(times), sender.asset()),
          Amount.of(price.sent().value().multiply(times), sender.asset()),
          received);
      return receiver;
    }
  }

  /** {@code times} the amount, refused with 400 when the sum is no amount. */
  private static Amount bulk(Amount each, BigInteger times, String what) {
    BigInteger sum = each.value().multiply(times);
    if (sum.compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          times
              + " payments of "
              + HumanUnits.format(each)
              + " "
              + what
              + " "
              + sum
              + " in total, more than an amount can express (2^64 - 1)");
    }
    return Amount.of(sum, each.asset());
  }

  private void settleLater(OutgoingPaymentRecord payment) {
    Settlement.Outcome outcome;
    WalletLocks locks = WalletLocks.lock(payment.wallet(), payment.receiver().wallet());
    try (locks) {
      if (payment.state() != OutgoingPaymentState.PROCESSING) {
        return;
      }
      outcome = settlement.settle(payment, clock.instant());
    } catch (RuntimeException e) {
      LOG.error("settling {} failed unexpectedly", payment.url(), e);
      return;
    }
    announce(payment, outcome);
  }

  private void announce(OutgoingPaymentRecord payment, Settlement.Outcome outcome) {
    switch (outcome) {
      case FAILED -> {
        LOG.info(
            "outgoing payment {} failed: {}", payment.url(), payment.failureReason().orElse(""));
        publish(EventType.OUTGOING_PAYMENT_FAILED, payment);
      }
      case COMPLETED -> publish(EventType.OUTGOING_PAYMENT_COMPLETED, payment);
      case COMPLETED_RECEIVER -> {
        publish(EventType.OUTGOING_PAYMENT_COMPLETED, payment);
        IncomingPaymentRecord receiver = payment.receiver();
        events.publish(
            receiver.wallet().ase().name(),
            EventType.INCOMING_PAYMENT_COMPLETED,
            Json.toTree(incomingViews.withoutMethods(receiver, clock.instant())));
      }
    }
  }

  private void publish(EventType type, OutgoingPaymentRecord payment) {
    ObjectNode data = (ObjectNode) Json.toTree(OutgoingPaymentViews.render(payment));
    payment.failureReason().ifPresent(reason -> data.put("failureReason", reason));
    if (payment.grantId() != null) {
      data.put("grantId", payment.grantId());
    }
    events.publish(payment.wallet().ase().name(), type, data);
  }

  private Order order(Ase ase, Wallet sender, CreateOutgoingPaymentRequest body) {
    if (body instanceof CreateOutgoingPaymentRequest.FromQuote fromQuote) {
      QuoteRecord quote =
          quotes
              .findByUrl(ase, fromQuote.quoteId())
              .orElseThrow(
                  () ->
                      new ApiException(
                          404,
                          ErrorCodes.UNKNOWN_QUOTE,
                          "there is no quote " + fromQuote.quoteId() + " on this resource server"));
      if (quote.wallet() != sender) {
        throw new ApiException(
            400,
            ErrorCodes.INVALID_QUOTE,
            "quote "
                + quote.url()
                + " belongs to "
                + quote.wallet().url()
                + ", not to "
                + sender.url());
      }
      return new Order(
          quote, quote.receiver(), quote.debitAmount(), quote.fee(), quote.receiveAmount());
    }
    CreateOutgoingPaymentRequest.FromIncomingPayment direct =
        (CreateOutgoingPaymentRequest.FromIncomingPayment) body;
    IncomingPaymentRecord receiver =
        quotes.activeReceiver(direct.incomingPayment(), clock.instant());
    Amount debit = Amounts.positiveIn(sender.asset(), direct.debitAmount(), "debitAmount");
    Priced price = quotes.priceFixedSend(debit, receiver.wallet().asset());
    return new Order(null, receiver, price.debit(), price.fee(), price.receive());
  }

  /** What a new payment pays, from a quote or priced on the spot. */
  private record Order(
      QuoteRecord quote, IncomingPaymentRecord receiver, Amount debit, Amount fee, Amount receive) {

    /** The quote is still usable; call under the sending wallet's lock. */
    void checkStillValid(Instant now) {
      if (quote == null) {
        return;
      }
      if (quote.used()) {
        throw new ApiException(
            400,
            ErrorCodes.INVALID_QUOTE,
            "quote " + quote.url() + " was used by an outgoing payment already; create a new one");
      }
      if (!now.isBefore(quote.expiresAt())) {
        throw new ApiException(
            400,
            ErrorCodes.INVALID_QUOTE,
            "quote "
                + quote.url()
                + " expired at "
                + quote.expiresAt()
                + " (sandbox clock: "
                + now
                + "); create a new one");
      }
    }
  }
}

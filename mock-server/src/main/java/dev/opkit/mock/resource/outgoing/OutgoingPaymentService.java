package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.ResourceIds;
import dev.opkit.mock.resource.ResourceRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.resource.incoming.IncomingPaymentViews;
import dev.opkit.mock.sandbox.Background;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.spending.SpendingLimits;
import dev.opkit.mock.spending.SpentAmounts;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.UnknownSessionException;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing payments (resource-server spec, tag {@code outgoing-payment}; PROTOCOL.md §6 and §7):
 * authorisation and reading of the requests. The atomic step is {@link Placement}'s, moving the
 * money {@link Settlement}'s, the events {@link OutgoingPaymentEvents}'. With a processing delay a
 * payment records when it is due; a timer settles it then, and the periodic sweep ({@link
 * #settleDue}) is the backstop.
 */
public final class OutgoingPaymentService {
  private static final Logger LOG = LoggerFactory.getLogger(OutgoingPaymentService.class);
  private static final int SETTLE_BATCH = 1000;

  private final Transactions storage;
  private final ResourceAccess access;
  private final OutgoingPaymentEvents events;
  private final Background background;
  private final Clock realClock;
  private final Misbehaviours misbehaviours;

  public OutgoingPaymentService(
      Transactions storage,
      ResourceAccess access,
      Events events,
      IncomingPaymentViews incomingViews,
      Background background,
      Clock realClock,
      Misbehaviours misbehaviours) {
    this.misbehaviours = misbehaviours;
    this.storage = storage;
    this.access = access;
    this.events = new OutgoingPaymentEvents(events, incomingViews);
    this.background = background;
    this.realClock = realClock;
  }

  /** {@code create-outgoing-payment} from a quote, or from an incoming payment and amount. */
  public CreatedPayment create(ResourceRequest request, CreateOutgoingPaymentRequest body) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.OUTGOING_PAYMENT, AccessAction.CREATE, body.walletAddress()));
    SessionAse ase = request.ase();
    Session session = ase.session();
    SpendingLimits limits = SpendingLimits.from(grantee.access().limits());
    Placement.Placed placed =
        storage.write(
            ase.sessionId(),
            tx -> {
              Duration delay = tx.session().record().processingDelay();
              Placement.Placed result =
                  Placement.place(
                      tx, ase, body, grantee, delay, realClock.instant().toEpochMilli());
              Instant now = session.now(tx);
              announceCreated(tx, ase, result, delay, now);
              List<String> walletAddresses = new ArrayList<>(List.of(grantee.client()));
              if (grantee.access().identifier() != null) {
                walletAddresses.add(grantee.access().identifier());
              }
              misbehaviours.afterPayment(
                  tx,
                  ase,
                  grantee.grantId(),
                  walletAddresses,
                  now,
                  grantee.client(),
                  grantee.keyId());
              return result;
            });
    SpentAmounts grantSpent = placed.grantSpent();
    OutgoingPaymentRecord payment = placed.payment();
    if (!ase.profile().grantSpentIncludesPayment() && !limits.hasAmountLimit()) {
      // Rafiki reports zero spent amounts for grants without an amount limit.
      grantSpent =
          new SpentAmounts(
              Amount.zero(payment.debitAmount().asset()),
              Amount.zero(payment.receiveAmount().asset()));
    }
    return new CreatedPayment(payment, grantSpent);
  }

  /** The events of a placed payment, with its transaction; a delayed one is settled later. */
  private void announceCreated(
      Tx tx, SessionAse ase, Placement.Placed placed, Duration delay, Instant now) {
    OutgoingPaymentRecord payment = placed.payment();
    events.publish(tx, ase, EventType.OUTGOING_PAYMENT_CREATED, payment);
    if (!placed.funded()) {
      // Declined unfunded, as a Rafiki wallet cancels a payment its account cannot cover.
      events.publish(tx, ase, EventType.OUTGOING_PAYMENT_CANCELLED, payment);
      return;
    }
    events.publish(tx, ase, EventType.OUTGOING_PAYMENT_FUNDED, payment);
    if (placed.settled() != null) {
      events.announce(tx, ase.session(), placed.settled(), now);
      return;
    }
    Session session = ase.session();
    UUID id = payment.id();
    tx.afterCommit(() -> background.after(delay, () -> settleOne(session, id)));
  }

  /** {@code get-outgoing-payment}: {@code read} shows the client's own, {@code read-all} all. */
  public OutgoingPaymentRecord get(ResourceRequest request, UUID id) {
    SessionAse ase = request.ase();
    OutgoingPaymentRecord payment =
        storage
            .read(ase.sessionId(), reads -> reads.outgoingPayments().find(id))
            .filter(p -> p.wallet().ase().equals(ase.name()))
            .orElseThrow(
                () ->
                    ResourceIds.unknown(
                        ase, "there is no outgoing payment " + id + " on this resource server"));
    Grantee grantee =
        access.authorize(
            request.access(
                AccessType.OUTGOING_PAYMENT, AccessAction.READ, ase.walletUrl(payment.wallet())));
    if (!grantee.maySee(payment.client())) {
      throw ApiException.notFound(
          "outgoing payment "
              + OutgoingPaymentViews.url(ase, payment)
              + " was created by another client");
    }
    return payment;
  }

  /** {@code list-outgoing-payments}: {@code list} lists the client's own, {@code list-all} all. */
  public PageResult<OutgoingPaymentRecord> list(
      ResourceRequest request, String walletAddress, PageRequest page) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.OUTGOING_PAYMENT, AccessAction.LIST, walletAddress));
    SessionAse ase = request.ase();
    return storage
        .read(
            ase.sessionId(),
            reads -> {
              WalletRecord wallet = WalletService.onResourceServer(reads, ase, walletAddress);
              return reads
                  .outgoingPayments()
                  .page(wallet.id(), grantee.all() ? null : grantee.client(), page.query());
            })
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "the cursor " + page.cursor() + " is not an outgoing payment of this list"));
  }

  /** A page of every outgoing payment of a wallet, whoever created it (the admin API's view). */
  public PageResult<OutgoingPaymentRecord> ofWallet(
      SessionAse ase, WalletRecord wallet, PageRequest page) {
    return storage
        .read(
            ase.sessionId(),
            reads -> reads.outgoingPayments().page(wallet.id(), null, page.query()))
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "the cursor " + page.cursor() + " is not an outgoing payment of this list"));
  }

  /**
   * {@code get-outgoing-payment-grant}: the spent amounts of the token's grant in the current
   * window (over its life without interval); empty when it never spent anything or the clock is
   * outside every window.
   */
  public Optional<SpentAmounts> grantSpent(ResourceRequest request) {
    Grantee grantee =
        access.authorize(request.access(AccessType.OUTGOING_PAYMENT, AccessAction.CREATE, null));
    SessionAse ase = request.ase();
    Instant now = ase.session().now();
    return storage.read(
        ase.sessionId(),
        reads ->
            GrantSpending.current(
                reads.spending(),
                grantee.grantId(),
                SpendingLimits.from(grantee.access().limits()),
                now,
                ase.profile().windowCounting()));
  }

  /** Settles the session's payments whose processing delay has passed (the sweep's backstop). */
  public void settleDue(Session session) {
    long realNow = realClock.millis();
    List<OutgoingPaymentRecord> due;
    do {
      due = storage.read(session.id(), r -> r.outgoingPayments().dueBy(realNow, SETTLE_BATCH));
      for (OutgoingPaymentRecord payment : due) {
        settleOne(session, payment.id());
      }
    } while (due.size() == SETTLE_BATCH);
  }

  private void settleOne(Session session, UUID id) {
    try {
      storage.write(
          session.id(),
          tx -> {
            Optional<OutgoingPaymentRecord> payment = tx.outgoingPayments().forUpdate(id);
            if (payment.isEmpty() || !payment.get().waiting()) {
              return null;
            }
            Instant now = session.now(tx);
            Settlement.Settled settled = Settlement.settle(tx, session, payment.get(), now);
            events.announce(tx, session, settled, now);
            return null;
          });
    } catch (UnknownSessionException e) {
      LOG.debug("{} was discarded before payment {} settled", session, id);
    } catch (RuntimeException e) {
      LOG.error("settling outgoing payment {} in {} failed unexpectedly", id, session, e);
    }
  }
}

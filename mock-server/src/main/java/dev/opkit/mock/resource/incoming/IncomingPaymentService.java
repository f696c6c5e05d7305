package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.resource.Amounts;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.ResourceIds;
import dev.opkit.mock.resource.ResourceRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.IncomingPaymentState;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.AmountValue;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Incoming payments (resource-server spec, tag {@code incoming-payment}; PROTOCOL.md §7): created
 * by a client on a wallet of this provider, paid into by outgoing payments from any provider of the
 * session, completed when the incoming amount arrives or a client completes them, expired by the
 * session clock.
 */
public final class IncomingPaymentService {
  /** The expiry when the client sets none, and the latest expiry it may set (as Rafiki). */
  public static final Duration MAX_LIFETIME = Duration.ofDays(30);

  private static final int EXPIRY_BATCH = 1000;

  private final Transactions storage;
  private final ResourceAccess access;
  private final Events events;
  private final IncomingPaymentViews views;

  public IncomingPaymentService(
      Transactions storage, ResourceAccess access, Events events, IncomingPaymentViews views) {
    this.storage = storage;
    this.access = access;
    this.events = events;
    this.views = views;
  }

  /**
   * {@code create-incoming-payment}: the token must grant {@code incoming-payment create} on the
   * wallet; the amount must be in the wallet's asset and positive; {@code expiresAt} in the future
   * and at most 30 days away.
   */
  public IncomingPaymentRecord create(ResourceRequest request, CreateIncomingPaymentRequest body) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.INCOMING_PAYMENT, AccessAction.CREATE, body.walletAddress()));
    SessionAse ase = request.ase();
    return storage.write(
        ase.sessionId(),
        tx -> {
          WalletRecord wallet = WalletService.onResourceServer(tx, ase, body.walletAddress());
          Amount incomingAmount = null;
          if (body.incomingAmount() != null) {
            incomingAmount =
                Amounts.positiveIn(wallet.asset(), body.incomingAmount(), "incomingAmount");
          }
          Instant now = ase.session().now(tx);
          Instant expiresAt = body.expiresAt() == null ? now.plus(MAX_LIFETIME) : body.expiresAt();
          if (!expiresAt.isAfter(now)) {
            throw ApiException.badRequest(
                "expiresAt " + expiresAt + " is not in the future (sandbox clock: " + now + ")");
          }
          if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.badRequest(
                "expiresAt "
                    + expiresAt
                    + " is more than 30 days away (sandbox clock: "
                    + now
                    + ")");
          }
          IncomingPaymentRecord payment =
              IncomingPaymentRecord.created(
                  UUID.randomUUID(),
                  wallet.id(),
                  wallet.asset(),
                  tx.nextSequence(),
                  now,
                  expiresAt,
                  incomingAmount,
                  body.metadata(),
                  grantee.client());
          tx.incomingPayments().save(payment);
          publish(tx, ase.session(), EventType.INCOMING_PAYMENT_CREATED, payment, now);
          return payment;
        });
  }

  /**
   * {@code get-incoming-payment} with a token: {@code read} shows the client's own payments, {@code
   * read-all} every payment of the wallet.
   */
  public IncomingPaymentRecord get(ResourceRequest request, UUID id) {
    SessionAse ase = request.ase();
    IncomingPaymentRecord payment = require(ase, id);
    Grantee grantee =
        access.authorize(
            request.access(
                AccessType.INCOMING_PAYMENT, AccessAction.READ, ase.walletUrl(payment.wallet())));
    if (!grantee.maySee(payment.client())) {
      throw ApiException.notFound(
          "incoming payment " + url(ase, payment) + " was created by another client");
    }
    return payment;
  }

  /** {@code get-incoming-payment} without a token: the payment for its public view. */
  public IncomingPaymentRecord getPublic(SessionAse ase, UUID id) {
    return require(ase, id);
  }

  /** {@code list-incoming-payments}: {@code list} lists the client's own, {@code list-all} all. */
  public PageResult<IncomingPaymentRecord> list(
      ResourceRequest request, String walletAddress, PageRequest page) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.INCOMING_PAYMENT, AccessAction.LIST, walletAddress));
    SessionAse ase = request.ase();
    WalletRecord wallet =
        storage.read(
            ase.sessionId(), reads -> WalletService.onResourceServer(reads, ase, walletAddress));
    // What is due expires (and, in the rafiki profile, is deleted) before the page is cut.
    expireDue(ase.session());
    return storage
        .read(
            ase.sessionId(),
            reads ->
                reads
                    .incomingPayments()
                    .page(wallet.id(), grantee.all() ? null : grantee.client(), page.query()))
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "the cursor " + page.cursor() + " is not an incoming payment of this list"));
  }

  /** A page of every incoming payment of a wallet, whoever created it (the admin API's view). */
  public PageResult<IncomingPaymentRecord> ofWallet(
      SessionAse ase, WalletRecord wallet, PageRequest page) {
    return storage
        .read(
            ase.sessionId(),
            reads -> reads.incomingPayments().page(wallet.id(), null, page.query()))
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "the cursor " + page.cursor() + " is not an incoming payment of this list"));
  }

  /** {@code complete-incoming-payment}: a pending payment stops accepting money. */
  public IncomingPaymentRecord complete(ResourceRequest request, UUID id) {
    SessionAse ase = request.ase();
    IncomingPaymentRecord found = require(ase, id);
    access.authorize(
        request.access(
            AccessType.INCOMING_PAYMENT, AccessAction.COMPLETE, ase.walletUrl(found.wallet())));
    return storage.write(
        ase.sessionId(),
        tx -> {
          IncomingPaymentRecord payment =
              tx.incomingPayments().forUpdate(id).orElseThrow(() -> unknown(ase, id));
          Instant now = ase.session().now(tx);
          IncomingPaymentState state = payment.stateAt(now);
          if (state != IncomingPaymentState.PENDING) {
            throw new ApiException(
                409,
                ErrorCodes.WRONG_STATE,
                "incoming payment "
                    + url(ase, payment)
                    + " is "
                    + state.name().toLowerCase(Locale.ROOT)
                    + "; only a pending one can be completed");
          }
          IncomingPaymentRecord completed = payment.withState(IncomingPaymentState.COMPLETED);
          tx.incomingPayments().save(completed);
          publish(tx, ase.session(), EventType.INCOMING_PAYMENT_COMPLETED, completed, now);
          return completed;
        });
  }

  /**
   * Bulk preload for benchmarks: {@code count} pending incoming payments on a wallet, without
   * incoming amount, expiring in 30 days, created by {@code client} (null: by the sandbox). No
   * events are published.
   *
   * @return the last one created
   */
  public Optional<IncomingPaymentRecord> preload(
      Tx tx, Session session, WalletRecord wallet, int count, String client) {
    Instant now = session.now(tx);
    IncomingPaymentRecord last = null;
    for (int i = 0; i < count; i++) {
      last =
          IncomingPaymentRecord.created(
              UUID.randomUUID(),
              wallet.id(),
              wallet.asset(),
              tx.nextSequence(),
              now,
              now.plus(MAX_LIFETIME),
              null,
              null,
              client);
      tx.incomingPayments().save(last);
    }
    return Optional.ofNullable(last);
  }

  /** An incoming payment of any provider of the session by its URL. */
  public static Optional<IncomingPaymentRecord> findByUrl(
      Tx tx, Session session, String url, Instant now) {
    return session
        .owning(url)
        .flatMap(
            ase ->
                ResourceIds.parse(ase, url, "incoming-payments")
                    .flatMap(id -> tx.incomingPayments().find(id))
                    .filter(p -> p.wallet().ase().equals(ase.name()))
                    .filter(p -> url.equals(url(ase, p)) && !deletedAt(session, p, now)));
  }

  /**
   * Whether the payment can take {@code amount} at {@code now}: pending, not expired, with room
   * left under its incoming amount, and (without one) a received amount that stays an amount.
   *
   * @return empty when it can, else why not
   */
  public static Optional<String> refusal(
      Session session, IncomingPaymentRecord payment, Amount amount, Instant now) {
    String url = url(session, payment);
    IncomingPaymentState state = payment.stateAt(now);
    if (state != IncomingPaymentState.PENDING) {
      return Optional.of(
          "the incoming payment " + url + " is " + state.name().toLowerCase(Locale.ROOT));
    }
    if (!amount.asset().equals(payment.asset())) {
      return Optional.of(
          "the incoming payment "
              + url
              + " receives "
              + payment.asset()
              + ", not "
              + amount.asset());
    }
    Optional<Amount> remaining = payment.remaining();
    if (remaining.isPresent() && amount.compareTo(remaining.get()) > 0) {
      return Optional.of(
          "the incoming payment "
              + url
              + " can take "
              + HumanUnits.format(remaining.get())
              + " more, not "
              + HumanUnits.format(amount));
    }
    BigInteger received = payment.receivedAmount().value().add(amount.value());
    if (received.compareTo(AmountValue.MAX) > 0) {
      return Optional.of(
          "the incoming payment "
              + url
              + " has received "
              + payment.receivedAmount().value()
              + " and cannot take "
              + amount.value()
              + " more: its receivedAmount would pass 2^64 - 1, the largest amount value");
    }
    return Optional.empty();
  }

  /**
   * Marks pending payments whose expiry passed as expired and reports each once; in a profile that
   * deletes them, those that received nothing are deleted instead, without an event (as Rafiki).
   */
  public int expireDue(Session session) {
    int expired = 0;
    List<IncomingPaymentRecord> due;
    Instant now = session.now();
    while (!(due = storage.read(session.id(), r -> dueBy(r, now))).isEmpty()) {
      List<IncomingPaymentRecord> batch = due;
      expired +=
          storage.write(
              session.id(),
              tx -> {
                int count = 0;
                List<IncomingPaymentRecord> reported = new ArrayList<>();
                for (IncomingPaymentRecord seen : batch) {
                  Optional<IncomingPaymentRecord> current =
                      tx.incomingPayments().forUpdate(seen.id());
                  if (current.isEmpty()
                      || current.get().state() != IncomingPaymentState.PENDING
                      || now.isBefore(current.get().expiresAt())) {
                    continue;
                  }
                  IncomingPaymentRecord payment =
                      current.get().withState(IncomingPaymentState.EXPIRED);
                  count++;
                  if (deletedAt(session, payment, now)) {
                    tx.incomingPayments().delete(payment.id());
                  } else {
                    tx.incomingPayments().save(payment);
                    reported.add(payment);
                  }
                }
                reported.forEach(
                    p -> publish(tx, session, EventType.INCOMING_PAYMENT_EXPIRED, p, now));
                return count;
              });
    }
    return expired;
  }

  private static List<IncomingPaymentRecord> dueBy(Reads reads, Instant now) {
    return reads.incomingPayments().dueBy(now, EXPIRY_BATCH);
  }

  /**
   * Whether the payment is gone at {@code now}: expired without receiving anything at a provider
   * whose profile deletes such payments. True from its expiry on, before the sweeper removes it.
   */
  private static boolean deletedAt(Session session, IncomingPaymentRecord payment, Instant now) {
    return session.profile(payment.wallet().ase()).deleteUnpaidExpiredIncomingPayments()
        && payment.stateAt(now) == IncomingPaymentState.EXPIRED
        && payment.receivedAmount().isZero();
  }

  /** Publishes a payment's event with the transaction. */
  public void publish(
      Tx tx, Session session, EventType type, IncomingPaymentRecord payment, Instant at) {
    SessionAse ase = session.at(payment.wallet().ase());
    events.publish(
        tx,
        ase,
        type,
        EventData.rendering(() -> Json.toTree(views.withoutMethods(ase, payment, at))));
  }

  /** The payment's URL (its id), in its session. */
  public static String url(SessionAse ase, IncomingPaymentRecord payment) {
    return ase.resourceUrl("incoming-payments", payment.id());
  }

  /** The payment's URL (its id), in its session. */
  public static String url(Session session, IncomingPaymentRecord payment) {
    return url(session.at(payment.wallet().ase()), payment);
  }

  private IncomingPaymentRecord require(SessionAse ase, UUID id) {
    Instant now = ase.session().now();
    return storage
        .read(ase.sessionId(), reads -> reads.incomingPayments().find(id))
        .filter(p -> p.wallet().ase().equals(ase.name()) && !deletedAt(ase.session(), p, now))
        .orElseThrow(() -> unknown(ase, id));
  }

  private static ApiException unknown(SessionAse ase, UUID id) {
    return ResourceIds.unknown(
        ase, "there is no incoming payment " + id + " on this resource server");
  }
}

package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.events.EventType;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.resource.Amounts;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.resource.ResourceIds;
import dev.opkit.mock.resource.ResourceRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.AmountValue;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Incoming payments (resource-server spec, tag {@code incoming-payment}; PROTOCOL.md §7): created
 * by a client on a wallet of this provider, paid into by outgoing payments from any provider of the
 * sandbox, completed when the incoming amount arrives or a client completes them, expired by the
 * sandbox clock.
 */
public final class IncomingPaymentService {
  /** The expiry when the client sets none, and the latest expiry it may set (as Rafiki). */
  public static final Duration MAX_LIFETIME = Duration.ofDays(30);

  private final IncomingPaymentStore store;
  private final WalletService wallets;
  private final ResourceAccess access;
  private final Clock clock;
  private final Events events;
  private final IncomingPaymentViews views;
  private final AtomicLong sequences;

  public IncomingPaymentService(
      IncomingPaymentStore store,
      WalletService wallets,
      ResourceAccess access,
      Clock clock,
      Events events,
      IncomingPaymentViews views,
      AtomicLong sequences) {
    this.store = store;
    this.wallets = wallets;
    this.access = access;
    this.clock = clock;
    this.events = events;
    this.views = views;
    this.sequences = sequences;
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
    Wallet wallet = wallets.onResourceServer(request.ase(), body.walletAddress());
    Amount incomingAmount = null;
    if (body.incomingAmount() != null) {
      incomingAmount = Amounts.positiveIn(wallet.asset(), body.incomingAmount(), "incomingAmount");
    }
    Instant now = clock.instant();
    Instant expiresAt = body.expiresAt() == null ? now.plus(MAX_LIFETIME) : body.expiresAt();
    if (!expiresAt.isAfter(now)) {
      throw ApiException.badRequest(
          "expiresAt " + expiresAt + " is not in the future (sandbox clock: " + now + ")");
    }
    if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      throw ApiException.badRequest(
          "expiresAt " + expiresAt + " is more than 30 days away (sandbox clock: " + now + ")");
    }
    IncomingPaymentRecord payment =
        new IncomingPaymentRecord(
            UUID.randomUUID(),
            wallet,
            sequences.incrementAndGet(),
            now,
            expiresAt,
            incomingAmount,
            body.metadata(),
            grantee.client());
    store.add(payment);
    publish(EventType.INCOMING_PAYMENT_CREATED, payment);
    return payment;
  }

  /**
   * {@code get-incoming-payment} with a token: {@code read} shows the client's own payments, {@code
   * read-all} every payment of the wallet.
   */
  public IncomingPaymentRecord get(ResourceRequest request, UUID id) {
    IncomingPaymentRecord payment = require(request.ase(), id);
    Grantee grantee =
        access.authorize(
            request.access(AccessType.INCOMING_PAYMENT, AccessAction.READ, payment.wallet().url()));
    if (!grantee.maySee(payment.client())) {
      throw ApiException.notFound(
          "incoming payment " + payment.url() + " was created by another client");
    }
    return payment;
  }

  /** {@code get-incoming-payment} without a token: the payment for its public view. */
  public IncomingPaymentRecord getPublic(Ase ase, UUID id) {
    return require(ase, id);
  }

  /** {@code list-incoming-payments}: {@code list} lists the client's own, {@code list-all} all. */
  public PageResult<IncomingPaymentRecord> list(
      ResourceRequest request, String walletAddress, PageRequest page) {
    Grantee grantee =
        access.authorize(
            request.access(AccessType.INCOMING_PAYMENT, AccessAction.LIST, walletAddress));
    Wallet wallet = wallets.onResourceServer(request.ase(), walletAddress);
    // What is due expires (and, in the rafiki profile, is deleted) before the page is cut.
    expireDue();
    return store.page(wallet, grantee.all() ? null : grantee.client(), page);
  }

  /** A page of every incoming payment of a wallet, whoever created it (the admin API's view). */
  public PageResult<IncomingPaymentRecord> ofWallet(Wallet wallet, PageRequest page) {
    return store.page(wallet, null, page);
  }

  /** {@code complete-incoming-payment}: a pending payment stops accepting money. */
  public IncomingPaymentRecord complete(ResourceRequest request, UUID id) {
    IncomingPaymentRecord payment = require(request.ase(), id);
    access.authorize(
        request.access(AccessType.INCOMING_PAYMENT, AccessAction.COMPLETE, payment.wallet().url()));
    Wallet wallet = payment.wallet();
    wallet.lock().lock();
    try {
      IncomingPaymentState state = payment.stateAt(clock.instant());
      if (state != IncomingPaymentState.PENDING) {
        throw new ApiException(
            409,
            ErrorCodes.WRONG_STATE,
            "incoming payment "
                + payment.url()
                + " is "
                + state.name().toLowerCase(Locale.ROOT)
                + "; only a pending one can be completed");
      }
      payment.setState(IncomingPaymentState.COMPLETED);
      store.settled(payment);
    } finally {
      wallet.lock().unlock();
    }
    publish(EventType.INCOMING_PAYMENT_COMPLETED, payment);
    return payment;
  }

  /**
   * Bulk preload for benchmarks: {@code count} pending incoming payments on a wallet, without
   * incoming amount, expiring in 30 days, created by {@code client} (null: by the sandbox). No
   * events are published.
   *
   * @return the last one created
   */
  public Optional<IncomingPaymentRecord> preload(Wallet wallet, int count, String client) {
    Instant now = clock.instant();
    IncomingPaymentRecord last = null;
    for (int i = 0; i < count; i++) {
      last =
          new IncomingPaymentRecord(
              UUID.randomUUID(),
              wallet,
              sequences.incrementAndGet(),
              now,
              now.plus(MAX_LIFETIME),
              null,
              null,
              client);
      store.add(last);
    }
    return Optional.ofNullable(last);
  }

  /** An incoming payment of any provider of the sandbox by its URL. */
  public Optional<IncomingPaymentRecord> findByUrl(String url) {
    return ResourceIds.parse(url, "incoming-payments")
        .flatMap(store::find)
        .filter(p -> p.url().equals(url) && !deletedAt(p, clock.instant()));
  }

  /**
   * Whether the payment can take {@code amount} at {@code now}: pending, not expired, with room
   * left under its incoming amount, and (without one) a received amount that stays an amount. Call
   * with the wallet's lock held when it must stay true.
   *
   * @return empty when it can, else why not
   */
  public Optional<String> refusal(IncomingPaymentRecord payment, Amount amount, Instant now) {
    IncomingPaymentState state = payment.stateAt(now);
    if (state != IncomingPaymentState.PENDING) {
      return Optional.of(
          "the incoming payment " + payment.url() + " is " + state.name().toLowerCase(Locale.ROOT));
    }
    if (!amount.asset().equals(payment.wallet().asset())) {
      return Optional.of(
          "the incoming payment "
              + payment.url()
              + " receives "
              + payment.wallet().asset()
              + ", not "
              + amount.asset());
    }
    Optional<Amount> remaining = payment.remaining();
    if (remaining.isPresent() && amount.compareTo(remaining.get()) > 0) {
      return Optional.of(
          "the incoming payment "
              + payment.url()
              + " can take "
              + HumanUnits.format(remaining.get())
              + " more, not "
              + HumanUnits.format(amount));
    }
    BigInteger received = payment.receivedAmount().value().add(amount.value());
    if (received.compareTo(AmountValue.MAX) > 0) {
      return Optional.of(
          "the incoming payment "
              + payment.url()
              + " has received "
              + payment.receivedAmount().value()
              + " and cannot take "
              + amount.value()
              + " more: its receivedAmount would pass 2^64 - 1, the largest amount value");
    }
    return Optional.empty();
  }

  /**
   * Adds money to a payment; call with the wallet's lock held, after {@link #refusal} said yes
   * (then it cannot fail).
   *
   * @return true when this completed the payment (publish its event after unlocking)
   */
  public boolean receive(IncomingPaymentRecord payment, Amount amount) {
    Amount received = payment.receivedAmount().plus(amount);
    payment.setReceived(received);
    if (payment.incomingAmount().map(total -> received.compareTo(total) >= 0).orElse(false)) {
      payment.setState(IncomingPaymentState.COMPLETED);
      store.settled(payment);
      return true;
    }
    return false;
  }

  /**
   * Marks pending payments whose expiry passed as expired and reports each once; in a profile that
   * deletes them, those that received nothing are deleted instead, without an event (as Rafiki).
   */
  public int expireDue() {
    Instant now = clock.instant();
    int expired = 0;
    List<IncomingPaymentRecord> due;
    while (!(due = store.dueBy(now, 1000)).isEmpty()) {
      for (IncomingPaymentRecord payment : due) {
        boolean changed = false;
        boolean deleted = false;
        payment.wallet().lock().lock();
        try {
          if (payment.state() == IncomingPaymentState.PENDING
              && !now.isBefore(payment.expiresAt())) {
            payment.setState(IncomingPaymentState.EXPIRED);
            changed = true;
            deleted = deletedAt(payment, now);
          }
          if (deleted) {
            store.remove(payment);
          } else {
            store.settled(payment);
          }
        } finally {
          payment.wallet().lock().unlock();
        }
        if (changed) {
          expired++;
          if (!deleted) {
            publish(EventType.INCOMING_PAYMENT_EXPIRED, payment);
          }
        }
      }
    }
    return expired;
  }

  /**
   * Whether the payment is gone at {@code now}: expired without receiving anything at a provider
   * whose profile deletes such payments. True from its expiry on, before the sweeper removes it.
   */
  private static boolean deletedAt(IncomingPaymentRecord payment, Instant now) {
    return payment.wallet().ase().profile().deleteUnpaidExpiredIncomingPayments()
        && payment.stateAt(now) == IncomingPaymentState.EXPIRED
        && payment.receivedAmount().isZero();
  }

  private void publish(EventType type, IncomingPaymentRecord payment) {
    events.publish(
        payment.wallet().ase().name(),
        type,
        Json.toTree(views.withoutMethods(payment, clock.instant())));
  }

  private IncomingPaymentRecord require(Ase ase, UUID id) {
    return store
        .find(id)
        .filter(p -> p.wallet().ase() == ase && !deletedAt(p, clock.instant()))
        .orElseThrow(
            () ->
                ResourceIds.unknown(
                    ase, "there is no incoming payment " + id + " on this resource server"));
  }
}

package dev.opkit.client.recurring;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.Pagination;
import dev.opkit.client.Pause;
import dev.opkit.client.StepListener;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.error.TransportException;
import dev.opkit.client.interaction.GrantConsent;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.GrantSpentAmounts;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.InteractFinish;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Limits;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes recurring payments as the Open Payments guide describes (steps 1–13): reads both wallet
 * addresses, gets an incoming-payment grant and creates an incoming payment at the receiver, gets a
 * quote grant and a quote at the sender, asks for an interactive outgoing-payment grant limited per
 * interval, has the user consent through an {@link InteractionHandler}, verifies the finish hash,
 * continues the grant, and pays the first period; each later period rotates the token and pays
 * again with a new incoming payment and quote.
 *
 * <p>The state is saved to the {@link ScheduleStore} after every step, so {@link #run} resumes
 * where a stopped process left off. A period is never paid twice: before paying, the schedule
 * checks its own record and then the sender wallet's outgoing payments (each payment carries the
 * schedule id and period in its metadata). A period whose window passed without a run is recorded
 * as missed, not paid late into the next window's limit. When the wallet refuses a payment because
 * the period's limit is spent, the grant's last period is over, or the grant was revoked, the
 * schedule stops with that status; calls that fail transiently (no answer, 5xx) are retried with
 * backoff.
 *
 * <p>One instance drives one store; it is not meant for concurrent use on the same store.
 */
public final class RecurringPayments {
  static final String METADATA_SCHEDULE = "opmSchedule";
  static final String METADATA_PERIOD = "opmPeriod";

  private static final Duration INCOMING_PAYMENT_LIFETIME = Duration.ofDays(1);
  private static final int LIST_PAGES = 10;
  private static final int LIST_PAGE_SIZE = 20;

  private final OpenPaymentsClient client;
  private final ScheduleStore store;
  private final Clock clock;
  private final StepListener steps;
  private final Pause pause;
  private final RetryPolicy retry;

  /**
   * An engine that sleeps for real between retries and before continuing grants.
   *
   * @param clock the schedule's time: when periods start and end; use the wallet's time when it
   *     differs from this machine's (a sandbox whose clock was moved)
   */
  public RecurringPayments(
      OpenPaymentsClient client, ScheduleStore store, Clock clock, StepListener steps) {
    this(client, store, clock, steps, Pause.SLEEP, RetryPolicy.DEFAULT);
  }

  /** An engine with its own way of waiting and its own retry policy. */
  public RecurringPayments(
      OpenPaymentsClient client,
      ScheduleStore store,
      Clock clock,
      StepListener steps,
      Pause pause,
      RetryPolicy retry) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * Starts a schedule and runs it as far as it goes now: through consent to the first payment when
   * the first period has begun.
   *
   * @param notes the caller's settings to keep in the state (no secrets)
   * @throws StateFileException if the store holds a schedule that has not finished
   */
  public ScheduleState start(
      SchedulePlan plan, InteractionHandler handler, Map<String, String> notes) {
    Optional<ScheduleState> existing = store.load();
    if (existing.isPresent() && !existing.get().status().finished()) {
      throw new StateFileException(
          store.describe()
              + " already holds schedule "
              + existing.get().id()
              + " ("
              + existing.get().status()
              + "); run, cancel, or choose another state file");
    }
    if (plan.interval() != null) {
      Periods.requireSchedulable(plan.interval());
    }
    WalletAddress receiver = retrying(() -> client.walletAddress().get(plan.receiver()));
    steps.onStep("receiver wallet address", describe(receiver));
    WalletAddress sender = retrying(() -> client.walletAddress().get(plan.sender()));
    steps.onStep("sender wallet address", describe(sender));
    Amount amount =
        HumanUnits.parse(
            plan.amount(), plan.side() == AmountSide.DEBIT ? sender.asset() : receiver.asset());
    if (amount.isZero()) {
      throw new IllegalArgumentException("the amount per payment must be more than 0");
    }
    Instant now = clock.instant();
    ScheduleState state =
        new ScheduleState(
            ScheduleState.VERSION,
            UUID.randomUUID().toString(),
            ScheduleStatus.STARTING,
            null,
            client.identity().walletAddress(),
            client.identity().keyId(),
            sender,
            receiver,
            plan.side(),
            amount,
            plan.interval(),
            null,
            null,
            null,
            List.of(),
            null,
            notes,
            now,
            now);
    return advance(save(state), handler);
  }

  /**
   * Resumes the schedule in the store: finishes a start that was interrupted, and makes the payment
   * of the current period if it is not made yet. Cron-friendly: does nothing when nothing is due.
   *
   * @param handler gets consent again if the schedule was interrupted while waiting for it
   * @throws StateFileException if the store holds no schedule, or one of another client
   */
  public ScheduleState run(InteractionHandler handler) {
    return advance(loadOwnSchedule(), handler);
  }

  /** The schedule in the store, as saved. */
  public Optional<ScheduleState> status() {
    return store.load();
  }

  /**
   * Cancels the schedule: revokes the grant ({@code DELETE} on its continuation URI, RFC 9635
   * §5.4), which revokes its access tokens too.
   */
  public ScheduleState cancel() {
    ScheduleState state = loadOwnSchedule();
    if (state.status() == ScheduleStatus.CANCELLED) {
      return state;
    }
    Continue continuation =
        state.grant() != null
            ? state.grant().continuation()
            : state.consent() != null ? state.consent().continuation() : null;
    if (continuation == null) {
      return stop(state, ScheduleStatus.CANCELLED, "cancelled before a grant was requested");
    }
    String detail;
    try {
      retrying(
          () -> {
            client.grant().cancel(continuation);
            return continuation;
          });
      steps.onStep("grant revoked", "DELETE " + continuation.uri());
      detail = "cancelled; the grant was revoked";
    } catch (ApiErrorException e) {
      if (e.status() / 100 != 4) {
        throw e;
      }
      detail = "cancelled; the wallet no longer accepts the grant (" + e.getMessage() + ")";
    }
    return stop(state.withConsent(null), ScheduleStatus.CANCELLED, detail);
  }

  private ScheduleState loadOwnSchedule() {
    ScheduleState state =
        store
            .load()
            .orElseThrow(
                () ->
                    new StateFileException(
                        "no schedule in " + store.describe() + "; start one first"));
    if (!state.clientWalletAddress().equals(client.identity().walletAddress())) {
      throw new StateFileException(
          "the schedule in "
              + store.describe()
              + " belongs to the client wallet address "
              + state.clientWalletAddress()
              + ", not "
              + client.identity().walletAddress()
              + "; its grant only works for that client");
    }
    return state;
  }

  private ScheduleState advance(ScheduleState start, InteractionHandler handler) {
    ScheduleState state = start;
    while (true) {
      switch (state.status()) {
        case STARTING -> state = requestOutgoingGrant(state, handler);
        case AWAITING_CONSENT -> state = obtainConsent(state, handler);
        case ACTIVE -> {
          return payDue(state);
        }
        default -> {
          return state;
        }
      }
    }
  }

  // Steps 2-5 for the first period, then step 6.
  private ScheduleState requestOutgoingGrant(ScheduleState start, InteractionHandler handler) {
    ScheduleState state = start;
    if (state.work() == null || state.work().index() != 0) {
      state = prepare(state, 0);
    }
    ScheduleState prepared = state;
    String nonce = GrantConsent.newNonce();
    AccessItem access =
        new AccessItem(
            AccessType.OUTGOING_PAYMENT,
            List.of(AccessAction.CREATE, AccessAction.READ, AccessAction.LIST),
            prepared.sender().id(),
            limits(prepared));
    InteractRequest interact =
        InteractRequest.redirect(InteractFinish.redirect(handler.finishUri(), nonce));
    GrantResponse answer =
        retrying(
            () ->
                client
                    .grant()
                    .request(
                        prepared.sender().authServer(), AccessTokenRequest.of(access), interact));
    Instant now = clock.instant();
    if (answer.accessToken() != null) {
      steps.onStep("outgoing-payment grant", "approved without interaction");
      return save(
          prepared
              .withGrant(new IssuedGrant(answer.accessToken(), answer.continuation(), now))
              .withStatus(ScheduleStatus.ACTIVE, null));
    }
    if (answer.interact() == null) {
      throw new ScheduleException(
          "the sender's authorization server answered the outgoing-payment grant request with"
              + " neither an access token nor an interaction");
    }
    steps.onStep(
        "outgoing-payment grant requested",
        "limit "
            + HumanUnits.format(prepared.amount())
            + (prepared.interval() == null ? "" : " per period of " + prepared.interval())
            + "; consent at "
            + answer.interact().redirect());
    PendingConsent consent =
        new PendingConsent(
            answer.interact().redirect(),
            handler.finishUri(),
            nonce,
            answer.interact().finish(),
            answer.continuation(),
            now);
    return save(
        prepared
            .withConsent(consent)
            .withStatus(ScheduleStatus.AWAITING_CONSENT, "waiting for the user's consent"));
  }

  private Limits limits(ScheduleState state) {
    return state.side() == AmountSide.DEBIT
        ? new Limits(null, state.interval(), state.amount(), null)
        : new Limits(null, state.interval(), null, state.amount());
  }

  // Steps 7-9.
  private ScheduleState obtainConsent(ScheduleState state, InteractionHandler handler) {
    PendingConsent consent = state.consent();
    Interaction interaction =
        new Interaction(
            consent.redirect(),
            consent.finishUri(),
            consent.clientNonce(),
            consent.serverNonce(),
            state.sender().authServer());
    GrantConsent.Outcome outcome =
        new GrantConsent(client, clock, pause, steps)
            .obtain(interaction, consent.continuation(), consent.requestedAt(), handler);
    ScheduleState settled = state.withConsent(null);
    if (outcome instanceof GrantConsent.Rejected rejected) {
      return stop(settled, ScheduleStatus.CONSENT_REJECTED, rejected.detail());
    }
    if (outcome instanceof GrantConsent.Failed failed) {
      return stop(settled, ScheduleStatus.CONSENT_FAILED, failed.detail());
    }
    GrantResponse issued = ((GrantConsent.Issued) outcome).grant();
    return save(
        settled
            .withGrant(
                new IssuedGrant(issued.accessToken(), issued.continuation(), clock.instant()))
            .withStatus(ScheduleStatus.ACTIVE, null));
  }

  private ScheduleState payDue(ScheduleState start) {
    ScheduleState state = start;
    Periods periods = Periods.of(state);
    Instant now = clock.instant();
    Optional<IntervalWindow> current = periods.at(now);
    if (current.isEmpty()) {
      if (now.isBefore(periods.firstStart())) {
        steps.onStep("nothing due", "the first period starts at " + periods.firstStart());
        return save(state.withNextDue(periods.firstStart()));
      }
      state = markMissed(state, periods.count().orElse(0), now);
      return finish(state);
    }
    IntervalWindow window = current.get();
    state = markMissed(state, window.index(), now);
    if (state.payment(window.index()).isEmpty()) {
      state = payPeriod(state, window);
      if (state.status() != ScheduleStatus.ACTIVE) {
        return state;
      }
    } else {
      steps.onStep(
          "nothing due",
          "payment "
              + Periods.number(window.index())
              + " was made for the period that started at "
              + window.start());
    }
    OptionalLong count = periods.count();
    if (count.isPresent() && window.index() + 1 >= count.getAsLong()) {
      return finish(state);
    }
    Instant due = periods.window(window.index() + 1).orElseThrow().start();
    steps.onStep("next payment due", due.toString());
    return save(state.withNextDue(due));
  }

  private ScheduleState finish(ScheduleState state) {
    if (state.interval() == null) {
      return stop(state, ScheduleStatus.COMPLETED, "the payment was made");
    }
    OptionalLong periods = Periods.of(state).count();
    return stop(
        state,
        ScheduleStatus.COMPLETED,
        "every period is over: "
            + state.paidCount()
            + (periods.isPresent() ? " of " + periods.getAsLong() : "")
            + " payments made");
  }

  private ScheduleState markMissed(ScheduleState start, long before, Instant now) {
    ScheduleState state = start;
    for (long index = 0; index < before; index++) {
      if (state.payment(index).isEmpty()) {
        steps.onStep(
            "period missed",
            "payment " + Periods.number(index) + ": its period ended before a run could pay it");
        state =
            state.withPayment(
                new PaymentRecord(index, PaymentRecord.Outcome.MISSED, null, null, null, now));
        if (state.work() != null && state.work().index() == index) {
          state = state.withWork(null);
        }
      }
    }
    return state == start ? state : save(state);
  }

  // Steps 11-12 (and step 10 for the first period).
  private ScheduleState payPeriod(ScheduleState start, IntervalWindow window) {
    ScheduleState state = start;
    if (state.interval() != null && state.grant().tokenIssuedAt().isBefore(window.start())) {
      state = rotate(state);
      if (state.status() != ScheduleStatus.ACTIVE) {
        return state;
      }
    }
    if (state.work() == null || state.work().index() != window.index()) {
      state = prepare(state, window.index());
    } else if (expired(state.work().quote())) {
      state = requote(state);
    }
    return pay(state, window);
  }

  private ScheduleState rotate(ScheduleState state) {
    try {
      AccessToken token = retrying(() -> client.token().rotate(state.grant().accessToken()));
      steps.onStep("access token rotated", "new manage URL " + token.manage());
      return save(state.withGrant(state.grant().rotated(token, clock.instant())));
    } catch (ApiErrorException e) {
      if (e.status() / 100 != 4) {
        throw e;
      }
      return stop(
          state,
          ScheduleStatus.REVOKED,
          "the wallet refused to rotate the access token, so the grant or its token was revoked ("
              + e.getMessage()
              + ")");
    }
  }

  private ScheduleState pay(ScheduleState start, IntervalWindow window) {
    ScheduleState state = start;
    boolean diagnosed = false;
    boolean requoted = false;
    for (int attempt = 1; ; attempt++) {
      try {
        Optional<OutgoingPayment> existing = findExisting(state, window);
        if (existing.isPresent()) {
          return recordPaid(state, existing.get(), true);
        }
        return recordPaid(state, createOutgoingPayment(state), false);
      } catch (TransportException e) {
        if (attempt >= retry.attempts()) {
          throw e;
        }
        waitBeforeRetry(attempt, e);
      } catch (ApiErrorException e) {
        int status = e.status();
        if (status >= 500 && attempt < retry.attempts()) {
          waitBeforeRetry(attempt, e);
        } else if ((status == 401 || status == 403) && !diagnosed) {
          diagnosed = true;
          state = diagnose(state, window, e);
          if (state.status() != ScheduleStatus.ACTIVE) {
            return state;
          }
        } else if (status == 400 && !requoted && isCreate(e)) {
          requoted = true;
          steps.onStep("quote refused", e.getMessage() + "; getting a new quote");
          state = requote(state);
        } else {
          return stop(
              state,
              ScheduleStatus.REFUSED,
              "the wallet refused payment "
                  + Periods.number(window.index())
                  + ": "
                  + e.getMessage());
        }
      }
    }
  }

  private static boolean isCreate(ApiErrorException e) {
    return "POST".equals(e.method());
  }

  private OutgoingPayment createOutgoingPayment(ScheduleState state) {
    PeriodWork work = state.work();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(METADATA_SCHEDULE, state.id());
    metadata.put(METADATA_PERIOD, work.index());
    return client
        .outgoingPayment()
        .create(
            state.sender().resourceServer(),
            token(state),
            new CreateOutgoingPaymentRequest.FromQuote(
                state.sender().id(), work.quote().id(), metadata));
  }

  /** The wallet's record of this period's payment, in case an earlier run made it. */
  private Optional<OutgoingPayment> findExisting(ScheduleState state, IntervalWindow window) {
    String cursor = null;
    for (int page = 0; page < LIST_PAGES; page++) {
      Pagination pagination =
          cursor == null
              ? Pagination.first(LIST_PAGE_SIZE)
              : Pagination.first(LIST_PAGE_SIZE, cursor);
      Page<OutgoingPayment> payments =
          client
              .outgoingPayment()
              .list(state.sender().resourceServer(), token(state), state.sender().id(), pagination);
      for (OutgoingPayment payment : payments.result()) {
        if (belongsToPeriod(state, payment, window.index())) {
          return Optional.of(payment);
        }
        if (payment.createdAt().isBefore(window.start())) {
          return Optional.empty();
        }
      }
      if (!payments.pagination().hasNextPage() || payments.pagination().endCursor() == null) {
        return Optional.empty();
      }
      cursor = payments.pagination().endCursor();
    }
    return Optional.empty();
  }

  private static boolean belongsToPeriod(ScheduleState state, OutgoingPayment payment, long index) {
    Map<String, Object> metadata = payment.metadata();
    if (metadata != null
        && state.id().equals(String.valueOf(metadata.get(METADATA_SCHEDULE)))
        && String.valueOf(index).equals(String.valueOf(metadata.get(METADATA_PERIOD)))) {
      return true;
    }
    PeriodWork work = state.work();
    return work != null
        && work.index() == index
        && (work.quote().id().equals(payment.quoteId())
            || work.incomingPayment().equals(payment.receiver()));
  }

  private ScheduleState diagnose(ScheduleState state, IntervalWindow window, ApiErrorException e) {
    steps.onStep("payment refused", e.getMessage() + "; checking the grant");
    // A revoked grant or token cannot rotate; a live one comes back with a fresh token.
    ScheduleState rotated = rotate(state);
    if (rotated.status() != ScheduleStatus.ACTIVE) {
      return rotated;
    }
    GrantSpentAmounts spent;
    try {
      spent =
          client
              .outgoingPayment()
              .grantSpentAmounts(rotated.sender().resourceServer(), token(rotated));
    } catch (ApiErrorException unsupported) {
      return rotated;
    }
    Amount spentOnSide =
        rotated.side() == AmountSide.DEBIT ? spent.spentDebitAmount() : spent.spentReceiveAmount();
    if (spentOnSide == null) {
      if (rotated.interval() != null && rotated.paidCount() > 0) {
        return stop(
            rotated,
            ScheduleStatus.GRANT_OVER,
            "the wallet has no current period for this grant any more, so its last period is"
                + " over ("
                + e.getMessage()
                + ")");
      }
      return rotated;
    }
    Amount limit = rotated.amount();
    if (spentOnSide.sameAsset(limit)
        && limit.value().subtract(spentOnSide.value()).compareTo(limit.value()) < 0) {
      return stop(
          rotated,
          ScheduleStatus.LIMIT_SPENT,
          "this period's limit of "
              + HumanUnits.format(limit)
              + " is spent: "
              + HumanUnits.format(spentOnSide)
              + " was already paid in the period that started at "
              + window.start());
    }
    return rotated;
  }

  private ScheduleState recordPaid(
      ScheduleState state, OutgoingPayment payment, boolean foundInWallet) {
    long index = state.work().index();
    OptionalLong count = Periods.of(state).count();
    steps.onStep(
        foundInWallet ? "payment already made" : "outgoing payment created",
        "payment "
            + Periods.number(index)
            + (count.isPresent() ? " of " + count.getAsLong() : "")
            + ": "
            + payment.id()
            + ", debit "
            + HumanUnits.format(payment.debitAmount())
            + ", receive "
            + HumanUnits.format(payment.receiveAmount())
            + (foundInWallet ? " (found in the wallet's list; not paid again)" : ""));
    PaymentRecord record =
        new PaymentRecord(
            index,
            PaymentRecord.Outcome.PAID,
            payment.id(),
            payment.debitAmount(),
            payment.receiveAmount(),
            payment.createdAt());
    return save(state.withPayment(record).withWork(null));
  }

  // Steps 2-5: incoming-payment grant and incoming payment, quote grant and quote.
  private ScheduleState prepare(ScheduleState state, long index) {
    WalletAddress receiver = state.receiver();
    GrantResponse grant =
        retrying(
            () ->
                client
                    .grant()
                    .request(
                        receiver.authServer(),
                        AccessTokenRequest.of(
                            AccessItem.of(
                                AccessType.INCOMING_PAYMENT,
                                receiver.id(),
                                AccessAction.CREATE,
                                AccessAction.READ))));
    String incomingToken = requireToken(grant, "incoming-payment", receiver);
    steps.onStep("incoming-payment grant", "access token from " + receiver.authServer());
    Amount incomingAmount = state.side() == AmountSide.RECEIVE ? state.amount() : null;
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(METADATA_SCHEDULE, state.id());
    metadata.put(METADATA_PERIOD, index);
    CreateIncomingPaymentRequest request =
        new CreateIncomingPaymentRequest(
            receiver.id(),
            incomingAmount,
            clock.instant().plus(INCOMING_PAYMENT_LIFETIME),
            metadata);
    IncomingPayment incoming =
        retrying(
            () ->
                client.incomingPayment().create(receiver.resourceServer(), incomingToken, request));
    steps.onStep(
        "incoming payment created",
        incoming.id()
            + (incomingAmount == null
                ? " (open amount)"
                : " for " + HumanUnits.format(incomingAmount)));
    Quote quote = createQuote(state, incoming.id());
    return save(state.withWork(new PeriodWork(index, incoming.id(), quote)));
  }

  private ScheduleState requote(ScheduleState state) {
    PeriodWork work = state.work();
    Quote quote = createQuote(state, work.incomingPayment());
    return save(state.withWork(new PeriodWork(work.index(), work.incomingPayment(), quote)));
  }

  private Quote createQuote(ScheduleState state, String incomingPayment) {
    WalletAddress sender = state.sender();
    GrantResponse grant =
        retrying(
            () ->
                client
                    .grant()
                    .request(
                        sender.authServer(),
                        AccessTokenRequest.of(
                            AccessItem.of(
                                AccessType.QUOTE, null, AccessAction.CREATE, AccessAction.READ))));
    String quoteToken = requireToken(grant, "quote", sender);
    steps.onStep("quote grant", "access token from " + sender.authServer());
    CreateQuoteRequest request =
        state.side() == AmountSide.DEBIT
            ? CreateQuoteRequest.fixedSend(sender.id(), incomingPayment, state.amount())
            : CreateQuoteRequest.forIncomingAmount(sender.id(), incomingPayment);
    Quote quote =
        retrying(() -> client.quote().create(sender.resourceServer(), quoteToken, request));
    steps.onStep(
        "quote created",
        "debit "
            + HumanUnits.format(quote.debitAmount())
            + ", receive "
            + HumanUnits.format(quote.receiveAmount())
            + (quote.expiresAt() == null ? "" : ", valid until " + quote.expiresAt()));
    return quote;
  }

  private boolean expired(Quote quote) {
    return quote.expiresAt() != null && !quote.expiresAt().isAfter(clock.instant());
  }

  private static String requireToken(GrantResponse grant, String type, WalletAddress wallet) {
    if (grant.accessToken() == null) {
      throw new ScheduleException(
          "the authorization server of "
              + wallet.id()
              + " wants user interaction for a "
              + type
              + " grant; this flow expects such grants to be issued at once");
    }
    return grant.accessToken().value();
  }

  private static String token(ScheduleState state) {
    return state.grant().accessToken().value();
  }

  private ScheduleState stop(ScheduleState state, ScheduleStatus status, String detail) {
    steps.onStep(
        status == ScheduleStatus.COMPLETED ? "schedule completed" : "schedule stopped",
        status + ": " + detail);
    return save(state.withStatus(status, detail).withNextDue(null));
  }

  private ScheduleState save(ScheduleState state) {
    ScheduleState stamped = state.savedAt(clock.instant());
    store.save(stamped);
    return stamped;
  }

  private <T> T retrying(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (TransportException e) {
        if (attempt >= retry.attempts()) {
          throw e;
        }
        waitBeforeRetry(attempt, e);
      } catch (ApiErrorException e) {
        if (e.status() < 500 || attempt >= retry.attempts()) {
          throw e;
        }
        waitBeforeRetry(attempt, e);
      }
    }
  }

  private void waitBeforeRetry(int attempt, OpenPaymentsException failure) {
    Duration delay = retry.delayAfter(attempt);
    steps.onStep(
        "retrying",
        failure.getMessage()
            + "; try "
            + (attempt + 1)
            + " of "
            + retry.attempts()
            + " in "
            + delay.toMillis()
            + " ms");
    pause.sleep(delay);
  }

  private static String describe(WalletAddress wallet) {
    return wallet.id()
        + " ("
        + wallet.assetCode()
        + ", scale "
        + wallet.assetScale()
        + (wallet.publicName() == null ? "" : ", " + wallet.publicName())
        + ")";
  }
}

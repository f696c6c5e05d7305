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
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.json.Timestamps;
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
import dev.opkit.protocol.model.PublicIncomingPayment;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
 * <p>A period counts as paid only once its payment completed ({@link PaymentProgress}): a payment
 * still in progress is read again within the {@link PaymentPolicy}'s bounds and otherwise left
 * pending for the next run, never paid a second time; a payment the wallet marked {@code failed}
 * leaves the period due, and it is paid again with a new incoming payment and quote until its
 * window ends, when it is recorded as failed. A single payment that fails stops the schedule.
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
  private static final int TOO_MANY_REQUESTS = 429;

  /** The longest {@code Retry-After} the engine waits out within a run. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

  private final RetryPolicy retry;
  private final PaymentPolicy payments;

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
    this(client, store, clock, steps, pause, retry, PaymentPolicy.DEFAULT);
  }

  /**
   * An engine with its own way of waiting, its own retry policy for calls that fail transiently,
   * and its own policy for payments in progress and payments the wallet failed.
   */
  public RecurringPayments(
      OpenPaymentsClient client,
      ScheduleStore store,
      Clock clock,
      StepListener steps,
      Pause pause,
      RetryPolicy retry,
      PaymentPolicy payments) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.payments = Objects.requireNonNull(payments, "payments");
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
    ScheduleState state = checkPending(start);
    if (state.status() != ScheduleStatus.ACTIVE) {
      return state;
    }
    Periods periods = Periods.of(state);
    Instant now = clock.instant();
    Optional<IntervalWindow> current = periods.at(now);
    if (current.isEmpty()) {
      if (now.isBefore(periods.firstStart())) {
        steps.onStep(
            "nothing due", "the first period starts at " + Timestamps.format(periods.firstStart()));
        return save(state.withNextDue(periods.firstStart()));
      }
      state = closePast(state, periods.count().orElse(0), now);
      return finish(state);
    }
    IntervalWindow window = current.get();
    state = closePast(state, window.index(), now);
    Optional<PaymentRecord> record = state.payment(window.index());
    if (record.isEmpty() || record.get().retryable()) {
      state = pay(state, window);
      if (state.status() != ScheduleStatus.ACTIVE) {
        return state;
      }
    } else {
      steps.onStep("nothing due", alreadyHandled(record.get(), window));
    }
    return afterPeriod(state, periods, window);
  }

  private static String alreadyHandled(PaymentRecord record, IntervalWindow window) {
    String payment = "payment " + Periods.number(record.index());
    return switch (record.outcome()) {
      case PAID ->
          payment + " was made for the period that started at " + Timestamps.format(window.start());
      case PENDING -> payment + " is still in progress at the wallet: " + record.outgoingPayment();
      case FAILED, MISSED -> payment + " " + record.detail();
    };
  }

  /** What follows the current period's attempt: the next due date, completion, or waiting. */
  private ScheduleState afterPeriod(ScheduleState state, Periods periods, IntervalWindow window) {
    PaymentRecord record = state.payment(window.index()).orElseThrow();
    if (state.interval() == null) {
      return switch (record.outcome()) {
        case PAID -> finish(state);
        case FAILED -> stop(state, ScheduleStatus.PAYMENT_FAILED, "payment 1 " + record.detail());
        default -> save(state.withStatus(ScheduleStatus.ACTIVE, unsettled(state)));
      };
    }
    if (record.retryable()) {
      steps.onStep(
          "payment due again",
          "payment "
              + Periods.number(window.index())
              + " failed; the next run pays it with a new quote, until its period ends at "
              + Timestamps.format(record.retryUntil()));
      return save(
          state.withStatus(ScheduleStatus.ACTIVE, unsettled(state)).withNextDue(window.start()));
    }
    OptionalLong count = periods.count();
    if (count.isPresent() && window.index() + 1 >= count.getAsLong()) {
      return finish(state);
    }
    Instant due = periods.window(window.index() + 1).orElseThrow().start();
    steps.onStep("next payment due", Timestamps.format(due));
    return save(state.withStatus(ScheduleStatus.ACTIVE, unsettled(state)).withNextDue(due));
  }

  private ScheduleState finish(ScheduleState state) {
    Optional<PaymentRecord> pending =
        state.payments().stream().filter(PaymentRecord::pending).findFirst();
    if (pending.isPresent()) {
      steps.onStep(
          "waiting for the wallet",
          "every period is over, but payment "
              + Periods.number(pending.get().index())
              + " is still in progress; the next run checks it again");
      return save(state.withStatus(ScheduleStatus.ACTIVE, unsettled(state)).withNextDue(null));
    }
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

  /**
   * What is not settled yet, for the status detail of an active schedule: payments in progress and
   * failed periods to pay again; null when everything is settled.
   */
  private static String unsettled(ScheduleState state) {
    List<String> open = new ArrayList<>();
    for (PaymentRecord record : state.payments()) {
      String payment = "payment " + Periods.number(record.index());
      if (record.pending()) {
        open.add(
            payment
                + " is in progress at the wallet ("
                + record.outgoingPayment()
                + "); the next run checks it again");
      } else if (record.retryable()) {
        open.add(
            payment
                + " "
                + record.detail()
                + "; the next run pays it again with a new quote, until "
                + Timestamps.format(record.retryUntil()));
      }
    }
    return open.isEmpty() ? null : String.join("; ", open);
  }

  /**
   * Closes the periods before {@code before}: one without a record was missed, and a failed one
   * that was still to be paid again stays failed for good now that its window is over.
   */
  private ScheduleState closePast(ScheduleState start, long before, Instant now) {
    ScheduleState state = start;
    for (PaymentRecord record : start.payments()) {
      if (record.index() < before && record.retryable()) {
        steps.onStep(
            "period failed",
            "payment "
                + Periods.number(record.index())
                + " "
                + record.detail()
                + "; its period ended at "
                + Timestamps.format(record.retryUntil())
                + " before a payment went through");
        state =
            state.withPayment(
                record.finalFailure(
                    "its period ended at "
                        + Timestamps.format(record.retryUntil())
                        + " before a payment went through"));
      }
    }
    for (long index = 0; index < before; index++) {
      if (state.payment(index).isEmpty()) {
        steps.onStep(
            "period missed",
            "payment " + Periods.number(index) + ": its period ended before a run could pay it");
        state = state.withPayment(PaymentRecord.missed(index, now));
      }
    }
    if (state.work() != null && state.work().index() < before) {
      state = state.withWork(null);
    }
    return state == start ? state : save(state);
  }

  /** Reads every payment left in progress by an earlier run again and records its outcome. */
  private ScheduleState checkPending(ScheduleState start) {
    ScheduleState state = start;
    for (PaymentRecord record : start.payments()) {
      if (!record.pending()) {
        continue;
      }
      Read read = readPayment(state, record.outgoingPayment());
      if (read.payment() == null) {
        return read.state();
      }
      steps.onStep(
          "payment checked",
          "payment "
              + Periods.number(record.index())
              + ", in progress at the last run: "
              + read.payment().id()
              + ", "
              + sentSoFar(read.payment())
              + (read.payment().failed() ? ", marked failed" : ""));
      state = settle(read.state(), record.index(), read.payment(), record.attempts());
      if (state.status() != ScheduleStatus.ACTIVE) {
        return state;
      }
    }
    return state;
  }

  // Steps 11-12 (and step 10 for the first period), paid again with a new quote while the wallet
  // fails the period's payment, up to the policy's attempts in one run.
  private ScheduleState pay(ScheduleState start, IntervalWindow window) {
    ScheduleState state = start;
    for (int tried = 1; ; tried++) {
      state = prepareFor(state, window);
      if (state.status() != ScheduleStatus.ACTIVE) {
        return state;
      }
      int attempts = state.payment(window.index()).map(PaymentRecord::attempts).orElse(0) + 1;
      state = payOnce(state, window, attempts);
      Optional<PaymentRecord> record = state.payment(window.index());
      if (state.status() != ScheduleStatus.ACTIVE
          || state.interval() == null
          || record.isEmpty()
          || !record.get().retryable()
          || tried >= payments.attemptsPerRun()) {
        return state;
      }
      Duration delay = retry.delayAfter(tried);
      steps.onStep(
          "paying again",
          "payment "
              + Periods.number(window.index())
              + " failed; a new incoming payment, quote and payment in "
              + delay.toMillis()
              + " ms (try "
              + (tried + 1)
              + " of "
              + payments.attemptsPerRun()
              + " in this run)");
      pause.sleep(delay);
    }
  }

  /** A current token for the window, and an incoming payment and unexpired quote to pay with. */
  private ScheduleState prepareFor(ScheduleState start, IntervalWindow window) {
    ScheduleState state = start;
    if (state.interval() != null && state.grant().tokenIssuedAt().isBefore(window.start())) {
      state = rotate(state);
      if (state.status() != ScheduleStatus.ACTIVE) {
        return state;
      }
    }
    if (state.work() == null || state.work().index() != window.index()) {
      return prepare(state, window.index());
    }
    return expired(state.work().quote()) ? requote(state) : state;
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
          e.is(GnapErrorCode.INVALID_ROTATION)
              ? "the wallet does not rotate the expired access token, so the grant cannot be used"
                  + " any more: a new grant is needed ("
                  + e.getMessage()
                  + ")"
              : "the wallet refused to rotate the access token, so the grant or its token was"
                  + " revoked ("
                  + e.getMessage()
                  + ")");
    }
  }

  private ScheduleState payOnce(ScheduleState start, IntervalWindow window, int attempts) {
    ScheduleState state = start;
    boolean diagnosed = false;
    boolean requoted = false;
    for (int attempt = 1; ; attempt++) {
      try {
        Existing existing = findExisting(state, window);
        if (existing.live().isPresent()) {
          steps.onStep(
              "payment already made",
              describe(state, existing.live().get())
                  + " (found in the wallet's list; not paid again)");
          return settle(state, window.index(), existing.live().get(), attempts);
        }
        if (existing.failedQuotes().contains(state.work().quote().id())) {
          // An earlier run's payment with this quote failed before the run could record it.
          state = prepare(state, window.index());
        }
        Optional<Amount> granted = grantedLimit(state);
        if (granted.isPresent() && granted.get().compareTo(state.amount()) < 0) {
          return stop(
              state,
              ScheduleStatus.LIMIT_REDUCED,
              "the wallet granted "
                  + HumanUnits.format(granted.get())
                  + (state.interval() == null ? "" : " per period")
                  + ", less than the "
                  + HumanUnits.format(state.amount())
                  + " asked for; nothing was paid for payment "
                  + Periods.number(window.index())
                  + ": a new grant is needed");
        }
        OutgoingPayment created = createOutgoingPayment(state);
        steps.onStep("outgoing payment created", describe(state, created));
        return settle(state, window.index(), created, attempts);
      } catch (TransportException e) {
        if (attempt >= retry.attempts()) {
          throw e;
        }
        waitBeforeRetry(attempt, e);
      } catch (ApiErrorException e) {
        int status = e.status();
        if (status == TOO_MANY_REQUESTS && attempt < retry.attempts()) {
          waitAsAsked(attempt, e);
        } else if (status >= 500 && attempt < retry.attempts()) {
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
          state = requoteOrPrepare(state, window);
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

  /**
   * Waits for a payment's outcome within the policy's bounds and records it for the period: paid
   * only once it completed; pending while the wallet is still sending it; failed when the wallet
   * marked it so, to be paid again with a new quote while the period lasts if nothing was sent.
   *
   * @param attempts how many payments were tried for the period, this one included
   */
  private ScheduleState settle(
      ScheduleState start, long index, OutgoingPayment first, int attempts) {
    Read awaited = awaitOutcome(start, first);
    if (awaited.payment() == null) {
      return awaited.state();
    }
    ScheduleState state = awaited.state();
    OutgoingPayment payment = awaited.payment();
    String number = "payment " + Periods.number(index);
    PaymentRecord record =
        switch (progress(payment)) {
          case COMPLETED -> {
            if (payment != first) {
              steps.onStep("payment completed", number + ": " + payment.id());
            }
            yield PaymentRecord.paid(
                index,
                payment.id(),
                payment.debitAmount(),
                payment.receiveAmount(),
                payment.sentAmount(),
                payment.createdAt(),
                attempts);
          }
          case IN_PROGRESS -> {
            steps.onStep(
                "payment in progress",
                number + ": " + sentSoFar(payment) + "; a later run checks it again");
            yield new PaymentRecord(
                index,
                PaymentRecord.Outcome.PENDING,
                payment.id(),
                payment.debitAmount(),
                payment.receiveAmount(),
                payment.sentAmount(),
                payment.createdAt(),
                "is in progress at the wallet with " + sentSoFar(payment),
                attempts,
                null);
          }
          case FAILED -> failed(state, index, payment, attempts);
        };
    return save(state.withPayment(record).withWork(null));
  }

  private PaymentRecord failed(
      ScheduleState state, long index, OutgoingPayment payment, int attempts) {
    boolean nothingSent = payment.sentAmount().isZero();
    Optional<IntervalWindow> window = Periods.of(state).window(index);
    boolean open =
        state.interval() != null
            && window.isPresent()
            && clock.instant().isBefore(window.get().end());
    String detail =
        failure(payment) + (nothingSent ? "" : "; not paid again, since part of it was sent");
    steps.onStep("payment failed", "payment " + Periods.number(index) + " " + detail);
    return new PaymentRecord(
        index,
        PaymentRecord.Outcome.FAILED,
        payment.id(),
        null,
        null,
        payment.sentAmount(),
        payment.createdAt(),
        detail,
        attempts,
        nothingSent && open ? window.get().end() : null);
  }

  /**
   * Reads a payment in progress again, waiting the policy's growing gaps in between, until it
   * completes or fails or the policy's time is up.
   */
  private Read awaitOutcome(ScheduleState start, OutgoingPayment first) {
    ScheduleState state = start;
    OutgoingPayment payment = first;
    Duration waited = Duration.ZERO;
    for (int check = 1; progress(payment) == PaymentProgress.IN_PROGRESS; check++) {
      Duration gap = payments.gapBefore(check);
      if (waited.plus(gap).compareTo(payments.settleWithin()) > 0) {
        break;
      }
      if (check == 1) {
        steps.onStep(
            "waiting for the wallet",
            payment.id()
                + ": "
                + sentSoFar(payment)
                + "; reading it again for up to "
                + payments.settleWithin().toSeconds()
                + " s");
      }
      pause.sleep(gap);
      waited = waited.plus(gap);
      Read read = readPayment(state, payment.id());
      if (read.payment() == null) {
        return read;
      }
      state = read.state();
      payment = read.payment();
    }
    return new Read(state, payment);
  }

  private PaymentProgress progress(OutgoingPayment payment) {
    return PaymentProgress.of(payment, this::receivedAt);
  }

  /** What an incoming payment has received, from its public view; empty when it cannot be read. */
  private Optional<Amount> receivedAt(String incomingPayment) {
    try {
      return Optional.ofNullable(client.incomingPayment().getPublic(incomingPayment))
          .map(PublicIncomingPayment::receivedAmount);
    } catch (OpenPaymentsException e) {
      return Optional.empty();
    }
  }

  /** A state and the payment read with its token; no payment when the grant was revoked. */
  private record Read(ScheduleState state, OutgoingPayment payment) {}

  /** {@code GET} of an outgoing payment, rotating the token once if the wallet refuses it. */
  private Read readPayment(ScheduleState state, String url) {
    try {
      return new Read(state, retrying(() -> client.outgoingPayment().get(url, token(state))));
    } catch (ApiErrorException e) {
      if (e.status() != 401 && e.status() != 403) {
        throw e;
      }
      ScheduleState rotated = rotate(state);
      if (rotated.status() != ScheduleStatus.ACTIVE) {
        return new Read(rotated, null);
      }
      return new Read(rotated, retrying(() -> client.outgoingPayment().get(url, token(rotated))));
    }
  }

  private static String sentSoFar(OutgoingPayment payment) {
    return HumanUnits.format(payment.sentAmount())
        + " of "
        + HumanUnits.format(payment.debitAmount())
        + " sent";
  }

  private static String failure(OutgoingPayment payment) {
    return "failed: the wallet marked it failed with "
        + sentSoFar(payment)
        + " (Open Payments gives no reason; the wallet's own records say why)";
  }

  private static String describe(ScheduleState state, OutgoingPayment payment) {
    long index = state.work().index();
    OptionalLong count = Periods.of(state).count();
    return "payment "
        + Periods.number(index)
        + (count.isPresent() ? " of " + count.getAsLong() : "")
        + ": "
        + payment.id()
        + ", debit "
        + HumanUnits.format(payment.debitAmount())
        + ", receive "
        + HumanUnits.format(payment.receiveAmount());
  }

  /**
   * The period's payments in the wallet, in case an earlier run made one it could not record.
   *
   * @param live a payment of the period that did not fail (completed or in progress), if any
   * @param failedQuotes the quotes of the period's failed payments
   */
  private record Existing(Optional<OutgoingPayment> live, Set<String> failedQuotes) {}

  /**
   * The wallet's record of this period's payments, newest first, in case an earlier run made one.
   */
  private Existing findExisting(ScheduleState state, IntervalWindow window) {
    Set<String> failedQuotes = new HashSet<>();
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
        if (payment.createdAt().isBefore(window.start())) {
          return new Existing(Optional.empty(), failedQuotes);
        }
        if (belongsToPeriod(state, payment, window.index())) {
          if (!payment.failed()) {
            return new Existing(Optional.of(payment), failedQuotes);
          }
          if (payment.quoteId() != null) {
            failedQuotes.add(payment.quoteId());
          }
        }
      }
      if (!payments.pagination().hasNextPage() || payments.pagination().endCursor() == null) {
        break;
      }
      cursor = payments.pagination().endCursor();
    }
    return new Existing(Optional.empty(), failedQuotes);
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
    Amount limit = grantedLimit(rotated).orElse(rotated.amount());
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
              + Timestamps.format(window.start()));
    }
    return rotated;
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

  /**
   * A new quote for the period's incoming payment; a new incoming payment and quote when the wallet
   * refuses to quote the old one (it was completed or expired in the meantime). The caller looked
   * for the period's payments first, so a payment of this run never completed it unseen.
   */
  private ScheduleState requoteOrPrepare(ScheduleState state, IntervalWindow window) {
    try {
      return requote(state);
    } catch (ApiErrorException e) {
      if (e.status() != 400) {
        throw e;
      }
      steps.onStep(
          "receiver refused", e.getMessage() + "; creating a new incoming payment for the period");
      return prepare(state, window.index());
    }
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
            + (quote.expiresAt() == null
                ? ""
                : ", valid until " + Timestamps.format(quote.expiresAt())));
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

  /**
   * The amount limit the wallet granted on the schedule's side, as the current token's {@code
   * access} says (the wallet may grant less than asked, or lower it later): empty when it says none
   * in the schedule's asset.
   */
  private static Optional<Amount> grantedLimit(ScheduleState state) {
    List<AccessItem> access = state.grant().accessToken().access();
    if (access == null) {
      return Optional.empty();
    }
    return access.stream()
        .filter(item -> item.type() == AccessType.OUTGOING_PAYMENT && item.limits() != null)
        .map(
            item ->
                state.side() == AmountSide.DEBIT
                    ? item.limits().debitAmount()
                    : item.limits().receiveAmount())
        .filter(amount -> amount != null && amount.sameAsset(state.amount()))
        .findFirst();
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
    ScheduleState stamped = state.savedAt(clock.instant(), client.signingKeyId());
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
        if (e.status() == TOO_MANY_REQUESTS && attempt < retry.attempts()) {
          waitAsAsked(attempt, e);
          continue;
        }
        if (e.status() < 500 || attempt >= retry.attempts()) {
          throw e;
        }
        waitBeforeRetry(attempt, e);
      }
    }
  }

  /**
   * After a {@code 429}: waits as long as its {@code Retry-After} says (real time: the server
   * counts it by its clock, not the schedule's), or the policy's delay when it says nothing; gives
   * up on a wait longer than {@link #MAX_RETRY_AFTER}.
   */
  private void waitAsAsked(int attempt, ApiErrorException e) {
    Duration asked = e.retryAfter().orElse(retry.delayAfter(attempt));
    if (asked.compareTo(MAX_RETRY_AFTER) > 0) {
      throw e;
    }
    steps.onStep(
        "rate limited",
        e.getMessage() + "; trying again in " + asked.toMillis() + " ms, as Retry-After asks");
    Pause.SLEEP.sleep(asked);
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

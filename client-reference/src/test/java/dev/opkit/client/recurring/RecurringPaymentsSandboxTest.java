package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.Pagination;
import dev.opkit.client.SandboxFixture;
import dev.opkit.client.StepListener;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine against this project's sandbox: the guide's whole journey and its failure paths. */
class RecurringPaymentsSandboxTest {
  @RegisterExtension static final SandboxFixture SANDBOX = new SandboxFixture();

  private final InMemoryScheduleStore store = new InMemoryScheduleStore();
  private final List<String> steps = new ArrayList<>();
  private OpenPaymentsClient client;
  private String alice;
  private String carol;

  @BeforeEach
  void clientAndWallets() {
    client = SANDBOX.newClient();
    alice = SANDBOX.wallet("ase1", "alice");
    carol = SANDBOX.wallet("ase2", "carol");
  }

  private RecurringPayments engine(ScheduleStore scheduleStore) {
    return new RecurringPayments(
        client,
        scheduleStore,
        SANDBOX.sandbox().clock(),
        (step, detail) -> steps.add(step),
        SANDBOX.clockPause(),
        new RetryPolicy(2, Duration.ofMillis(10)));
  }

  private SchedulePlan monthly(int times) {
    String start = SANDBOX.sandbox().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    return SchedulePlan.recurring(
        alice, carol, "5.00", AmountSide.DEBIT, "R" + times + "/" + start + "/P1M");
  }

  private static InteractionHandler consent(HeadlessInteraction.Decision decision) {
    return new HeadlessInteraction("http://localhost:3344", decision, Duration.ofSeconds(10));
  }

  private ScheduleState start(int times) {
    return engine(store)
        .start(monthly(times), consent(HeadlessInteraction.Decision.ACCEPT), Map.of());
  }

  private ScheduleState run() {
    return engine(store).run(consent(HeadlessInteraction.Decision.ACCEPT));
  }

  private List<OutgoingPayment> alicePayments(ScheduleState state) {
    return client
        .outgoingPayment()
        .list(
            state.sender().resourceServer(),
            state.grant().accessToken().value(),
            alice,
            Pagination.first(50))
        .result();
  }

  @Test
  void guideWhenThreeMonthlyPeriodsThenThreePaymentsAndCompleted() {
    long before = SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact();

    ScheduleState first = start(3);
    assertThat(first.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(first.paidCount()).isEqualTo(1);

    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    ScheduleState second = run();
    assertThat(second.paidCount()).isEqualTo(2);
    assertThat(second.grant().accessToken().value())
        .isNotEqualTo(first.grant().accessToken().value());

    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    ScheduleState third = run();

    assertThat(third.status()).isEqualTo(ScheduleStatus.COMPLETED);
    assertThat(third.payments()).hasSize(3).allSatisfy(p -> assertThat(p.paid()).isTrue());
    assertThat(before - SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(3 * 500);
    assertThat(steps)
        .containsSubsequence(
            "receiver wallet address",
            "sender wallet address",
            "incoming-payment grant",
            "incoming payment created",
            "quote grant",
            "quote created",
            "outgoing-payment grant requested",
            "consent given",
            "grant continued",
            "outgoing payment created",
            "access token rotated",
            "outgoing payment created",
            "access token rotated",
            "outgoing payment created",
            "schedule completed");
  }

  @Test
  void runWhenSamePeriodAgainThenNoSecondPayment() {
    ScheduleState started = start(3);

    ScheduleState again = run();

    assertThat(again.paidCount()).isEqualTo(1);
    assertThat(alicePayments(again)).hasSize(1);
    assertThat(started.nextDue()).isEqualTo(again.nextDue());
  }

  @Test
  void startWhenUserRejectsThenConsentRejectedAndNothingPaid() {
    long before = SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact();

    ScheduleState state =
        engine(store).start(monthly(3), consent(HeadlessInteraction.Decision.REJECT), Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.CONSENT_REJECTED);
    assertThat(state.grant()).isNull();
    assertThat(SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(before);
  }

  @Test
  void runWhenPeriodLimitSpentElsewhereThenLimitSpent() {
    ScheduleState started = start(3);
    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    // The same client app pays once more this period with the grant, outside the schedule.
    AccessToken rotated = client.token().rotate(started.grant().accessToken());
    store.save(
        started.withGrant(started.grant().rotated(rotated, SANDBOX.sandbox().clock().instant())));
    payOnceWith(started, rotated.value());

    ScheduleState state = run();

    assertThat(state.status()).isEqualTo(ScheduleStatus.LIMIT_SPENT);
    assertThat(state.statusDetail()).contains("limit of 5.00 USD is spent");
    assertThat(state.paidCount()).isEqualTo(1);
  }

  @Test
  void runWhenRestartedAfterPayingButBeforeSavingThenNotPaidTwice() {
    start(3);
    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    AtomicBoolean crashed = new AtomicBoolean();
    ScheduleStore crashing =
        new ScheduleStore() {
          @Override
          public Optional<ScheduleState> load() {
            return store.load();
          }

          @Override
          public void save(ScheduleState state) {
            if (state.paidCount() == 2 && crashed.compareAndSet(false, true)) {
              throw new StateFileException("the process died here");
            }
            store.save(state);
          }

          @Override
          public String describe() {
            return "crashing store";
          }
        };
    assertThatThrownBy(() -> engine(crashing).run(consent(HeadlessInteraction.Decision.ACCEPT)))
        .isInstanceOf(StateFileException.class);

    ScheduleState recovered = run();

    assertThat(recovered.paidCount()).isEqualTo(2);
    assertThat(alicePayments(recovered)).hasSize(2);
    assertThat(steps).contains("payment already made");
  }

  @Test
  void runWhenGrantRevokedThenRevoked() {
    ScheduleState started = start(3);
    client.grant().cancel(started.grant().continuation());
    SANDBOX.admin("ase1").advance(Period.ofMonths(1));

    ScheduleState state = run();

    assertThat(state.status()).isEqualTo(ScheduleStatus.REVOKED);
    assertThat(state.paidCount()).isEqualTo(1);
  }

  @Test
  void cancelWhenActiveThenGrantRevokedAtTheWallet() {
    ScheduleState started = start(3);

    ScheduleState cancelled = engine(store).cancel();

    assertThat(cancelled.status()).isEqualTo(ScheduleStatus.CANCELLED);
    assertThatThrownBy(() -> client.token().rotate(started.grant().accessToken()))
        .isInstanceOf(ApiErrorException.class);
  }

  @Test
  void payWhenSingleReceiveAmountThenReceiverGetsExactly() {
    long before = SANDBOX.admin("ase2").wallet("carol").balance().value().longValueExact();
    RecurringPayments engine =
        new RecurringPayments(
            client,
            new InMemoryScheduleStore(),
            SANDBOX.sandbox().clock(),
            StepListener.NONE,
            SANDBOX.clockPause(),
            RetryPolicy.DEFAULT);

    ScheduleState state =
        engine.start(
            SchedulePlan.once(alice, carol, "9.00", AmountSide.RECEIVE),
            consent(HeadlessInteraction.Decision.ACCEPT),
            Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.COMPLETED);
    assertThat(SANDBOX.admin("ase2").wallet("carol").balance().value().longValueExact() - before)
        .isEqualTo(900);
  }

  /** Someone else spends this period's limit with the grant's token: one more payment to carol. */
  private void payOnceWith(ScheduleState state, String outgoingToken) {
    WalletAddress receiver = state.receiver();
    WalletAddress sender = state.sender();
    String incomingToken =
        client
            .grant()
            .request(
                receiver.authServer(),
                AccessTokenRequest.of(
                    AccessItem.of(AccessType.INCOMING_PAYMENT, receiver.id(), AccessAction.CREATE)))
            .accessToken()
            .value();
    IncomingPayment incoming =
        client
            .incomingPayment()
            .create(
                receiver.resourceServer(),
                incomingToken,
                new CreateIncomingPaymentRequest(receiver.id(), null, null, null));
    String quoteToken =
        client
            .grant()
            .request(
                sender.authServer(),
                AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE)))
            .accessToken()
            .value();
    Quote quote =
        client
            .quote()
            .create(
                sender.resourceServer(),
                quoteToken,
                CreateQuoteRequest.fixedSend(
                    sender.id(), incoming.id(), Amount.of("500", "USD", 2)));
    client
        .outgoingPayment()
        .create(
            sender.resourceServer(),
            outgoingToken,
            new CreateOutgoingPaymentRequest.FromQuote(sender.id(), quote.id(), null));
  }
}

package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.Pagination;
import dev.opkit.client.Pause;
import dev.opkit.client.SandboxFixture;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.protocol.model.OutgoingPayment;
import java.math.BigInteger;
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

/**
 * What the engine records when the sandbox's wallet does not simply pay: a sender without the
 * money, payments made to fail through the admin API, payments that settle after a processing
 * delay. A period counts as paid only when its money moved, and then exactly once.
 */
class PaymentOutcomeSandboxTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX =
      new SandboxFixture(SandboxFixture.profileSwitches(Map.of("continueWait", "PT0S")));

  private static final PaymentPolicy QUICK =
      new PaymentPolicy(2, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(10));

  private final InMemoryScheduleStore store = new InMemoryScheduleStore();
  private final List<String> steps = new ArrayList<>();
  private OpenPaymentsClient client;
  private String alice;
  private String carol;
  private long aliceBefore;
  private long carolBefore;

  @BeforeEach
  void clientAndWallets() {
    client = SANDBOX.newClient();
    alice = SANDBOX.wallet("ase1", "alice");
    carol = SANDBOX.wallet("ase2", "carol");
    aliceBefore = SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact();
    carolBefore = SANDBOX.admin("ase2").wallet("carol").balance().value().longValueExact();
  }

  private RecurringPayments engine(ScheduleStore scheduleStore, PaymentPolicy policy) {
    // Real sleeps: the sandbox's processing delay runs in real time.
    return new RecurringPayments(
        client,
        scheduleStore,
        SANDBOX.sandbox().clock(),
        (step, detail) -> steps.add(step),
        Pause.SLEEP,
        new RetryPolicy(2, Duration.ofMillis(10)),
        policy);
  }

  private static InteractionHandler consent() {
    return new HeadlessInteraction(
        "http://localhost:3344", HeadlessInteraction.Decision.ACCEPT, Duration.ofSeconds(10));
  }

  private ScheduleState startMonthly(PaymentPolicy policy) {
    String start = SANDBOX.sandbox().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    return engine(store, policy)
        .start(
            SchedulePlan.recurring(alice, carol, "5.00", AmountSide.DEBIT, "R3/" + start + "/P1M"),
            consent(),
            Map.of());
  }

  private ScheduleState run(PaymentPolicy policy) {
    return engine(store, policy).run(consent());
  }

  private void failNext(int count) {
    SANDBOX.admin("ase1").failNextPayments("alice", count);
  }

  private void setAliceBalance(String value) {
    SANDBOX.admin("ase1").setBalance("alice", new BigInteger(value));
  }

  private void processingDelay(String duration) {
    SANDBOX.admin("ase1").setProcessingDelay(Duration.parse(duration));
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

  private long aliceSpent() {
    return aliceBefore - SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact();
  }

  private long carolGot() {
    return SANDBOX.admin("ase2").wallet("carol").balance().value().longValueExact() - carolBefore;
  }

  private static void assertBooksBalance() {
    assertThat(SANDBOX.admin("ase1").ledger().invariantHolds()).isTrue();
  }

  @Test
  void payWhenSenderLacksTheMoneyThenPaymentFailedNotPaidAndNothingMoved() {
    setAliceBalance("100");
    aliceBefore = 100;

    ScheduleState state =
        engine(new InMemoryScheduleStore(), QUICK)
            .start(SchedulePlan.once(alice, carol, "5.00", AmountSide.DEBIT), consent(), Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.PAYMENT_FAILED);
    assertThat(state.paidCount()).isZero();
    assertThat(state.statusDetail()).contains("failed").contains("0.00 USD of 5.00 USD sent");
    assertThat(state.payments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.outcome()).isEqualTo(PaymentRecord.Outcome.FAILED);
              assertThat(p.retryable()).isFalse();
              assertThat(p.debitAmount()).isNull();
            });
    assertThat(aliceSpent()).isZero();
    assertThat(carolGot()).isZero();
    assertBooksBalance();
  }

  @Test
  void startWhenWalletFailsThePaymentOnceThenPaidWithANewQuoteInTheSameRun() {
    failNext(1);

    ScheduleState state = startMonthly(QUICK);

    assertThat(state.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(state.statusDetail()).isNull();
    assertThat(state.paidCount()).isEqualTo(1);
    PaymentRecord paid = state.payment(0).orElseThrow();
    assertThat(paid.paid()).isTrue();
    assertThat(paid.attempts()).isEqualTo(2);
    List<OutgoingPayment> made = alicePayments(state);
    assertThat(made).hasSize(2);
    assertThat(made).filteredOn(OutgoingPayment::failed).hasSize(1);
    assertThat(made.get(0).quoteId()).isNotEqualTo(made.get(1).quoteId());
    assertThat(paid.outgoingPayment()).isEqualTo(made.get(0).id());
    assertThat(aliceSpent()).isEqualTo(500);
    assertThat(steps).containsSubsequence("payment failed", "paying again", "quote created");
    assertBooksBalance();
  }

  @Test
  void startWhenSenderLacksTheMoneyThenPeriodStaysDueAndALaterRunPaysItOnce() {
    setAliceBalance("100");

    ScheduleState failed = startMonthly(QUICK);

    assertThat(failed.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(failed.paidCount()).isZero();
    PaymentRecord record = failed.payment(0).orElseThrow();
    assertThat(record.outcome()).isEqualTo(PaymentRecord.Outcome.FAILED);
    assertThat(record.retryable()).isTrue();
    assertThat(record.attempts()).isEqualTo(2);
    assertThat(failed.nextDue()).isBeforeOrEqualTo(SANDBOX.sandbox().clock().instant());
    assertThat(failed.statusDetail()).contains("payment 1 failed").contains("the next run pays it");
    assertThat(SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(100);

    setAliceBalance("100000");
    aliceBefore = 100_000;
    ScheduleState paid = run(QUICK);

    assertThat(paid.paidCount()).isEqualTo(1);
    assertThat(paid.payment(0).orElseThrow().attempts()).isEqualTo(3);
    assertThat(paid.statusDetail()).isNull();
    assertThat(aliceSpent()).isEqualTo(500);
    assertThat(carolGot()).isEqualTo(445);
    assertThat(alicePayments(paid)).filteredOn(p -> !p.failed()).hasSize(1);
  }

  @Test
  void runWhenWindowPassesWithThePaymentFailingThenRecordedFailedAndNextPeriodPaid() {
    failNext(2);
    ScheduleState failed = startMonthly(QUICK);
    assertThat(failed.payment(0).orElseThrow().retryable()).isTrue();

    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    ScheduleState next = run(QUICK);

    PaymentRecord first = next.payment(0).orElseThrow();
    assertThat(first.outcome()).isEqualTo(PaymentRecord.Outcome.FAILED);
    assertThat(first.retryable()).isFalse();
    assertThat(first.detail())
        .contains("the wallet marked it failed with 0.00 USD of 5.00 USD sent")
        .contains("its period ended at");
    assertThat(next.payment(1).orElseThrow().paid()).isTrue();
    assertThat(next.paidCount()).isEqualTo(1);
    assertThat(aliceSpent()).isEqualTo(500);
    assertThat(steps).contains("period failed");
    assertBooksBalance();
  }

  @Test
  void startWhenPaymentSettlesAfterADelayThenCountedOnceItCompleted() {
    processingDelay("PT1S");

    ScheduleState state = startMonthly(QUICK);

    assertThat(state.paidCount()).isEqualTo(1);
    PaymentRecord paid = state.payment(0).orElseThrow();
    assertThat(paid.sentAmount()).isEqualTo(paid.debitAmount());
    assertThat(steps).containsSubsequence("waiting for the wallet", "payment completed");
    assertThat(aliceSpent()).isEqualTo(500);
    assertThat(carolGot()).isEqualTo(445);
  }

  /** Waits, in real time and for at most 20 s, until the wallet shows the payment settled. */
  private void awaitSettled(ScheduleState state, String payment) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      OutgoingPayment read =
          client.outgoingPayment().get(payment, state.grant().accessToken().value());
      if (read.failed() || read.sentAmount().equals(read.debitAmount())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(payment + " did not settle within 20 s");
  }

  @Test
  void startWhenPaymentStillInProgressThenPendingAndALaterRunCountsItWithoutPayingAgain()
      throws InterruptedException {
    processingDelay("PT3S");
    PaymentPolicy impatient =
        new PaymentPolicy(2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(100));

    ScheduleState started = startMonthly(impatient);

    assertThat(started.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(started.paidCount()).isZero();
    assertThat(started.payment(0).orElseThrow().pending()).isTrue();
    assertThat(started.statusDetail()).contains("in progress");
    ScheduleState stillPending = run(impatient);
    assertThat(stillPending.payment(0).orElseThrow().pending()).isTrue();
    assertThat(alicePayments(stillPending)).hasSize(1);

    awaitSettled(stillPending, stillPending.payment(0).orElseThrow().outgoingPayment());
    ScheduleState settled = run(impatient);

    assertThat(settled.paidCount()).isEqualTo(1);
    assertThat(settled.payment(0).orElseThrow().paid()).isTrue();
    assertThat(alicePayments(settled)).hasSize(1);
    assertThat(aliceSpent()).isEqualTo(500);
    assertThat(steps).contains("payment checked");
  }

  @Test
  void runWhenPaymentInProgressThenFailsThenPaidAgainWithANewQuote() throws InterruptedException {
    processingDelay("PT3S");
    failNext(1);
    PaymentPolicy impatient =
        new PaymentPolicy(2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(100));
    ScheduleState started = startMonthly(impatient);
    assertThat(started.payment(0).orElseThrow().pending()).isTrue();
    awaitSettled(started, started.payment(0).orElseThrow().outgoingPayment());
    processingDelay("PT0S");

    ScheduleState state = run(QUICK);

    assertThat(state.paidCount()).isEqualTo(1);
    assertThat(state.payment(0).orElseThrow().attempts()).isEqualTo(2);
    assertThat(alicePayments(state)).hasSize(2).filteredOn(OutgoingPayment::failed).hasSize(1);
    assertThat(aliceSpent()).isEqualTo(500);
    assertBooksBalance();
  }

  @Test
  void runWhenAFailedPaymentOfThePeriodIsInTheWalletsListThenItDoesNotCountAsPaid() {
    failNext(1);
    // The process dies after the wallet failed the payment, before the failure was recorded.
    AtomicBoolean crashed = new AtomicBoolean();
    ScheduleStore crashing =
        new ScheduleStore() {
          @Override
          public Optional<ScheduleState> load() {
            return store.load();
          }

          @Override
          public void save(ScheduleState state) {
            if (state.payment(0).isPresent() && crashed.compareAndSet(false, true)) {
              throw new StateFileException("the process died here");
            }
            store.save(state);
          }

          @Override
          public String describe() {
            return "crashing store";
          }
        };
    String start = SANDBOX.sandbox().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    assertThatThrownBy(
            () ->
                engine(crashing, QUICK)
                    .start(
                        SchedulePlan.recurring(
                            alice, carol, "5.00", AmountSide.DEBIT, "R3/" + start + "/P1M"),
                        consent(),
                        Map.of()))
        .isInstanceOf(StateFileException.class);
    assertThat(store.load().orElseThrow().payments()).isEmpty();

    ScheduleState recovered = run(QUICK);

    assertThat(steps).doesNotContain("payment already made");
    assertThat(recovered.paidCount()).isEqualTo(1);
    assertThat(alicePayments(recovered)).hasSize(2).filteredOn(OutgoingPayment::failed).hasSize(1);
    assertThat(aliceSpent()).isEqualTo(500);
  }
}

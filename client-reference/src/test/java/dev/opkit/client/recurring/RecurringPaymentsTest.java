package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.FakeServer.Received;
import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.StepListener;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.protocol.gnap.HashEncoding;
import dev.opkit.protocol.json.Json;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecurringPaymentsTest {
  private final FakeWallets wallets = new FakeWallets();
  private final InMemoryScheduleStore store = new InMemoryScheduleStore();
  private final List<String> steps = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();
  private final RecurringPayments engine = engine(store);

  @AfterEach
  void close() {
    wallets.close();
  }

  private RecurringPayments engine(ScheduleStore scheduleStore) {
    return new RecurringPayments(
        wallets.client,
        scheduleStore,
        wallets.clock,
        (step, detail) -> steps.add(step),
        pauses::add,
        new RetryPolicy(3, Duration.ofMillis(100)));
  }

  private SchedulePlan monthly(int times, AmountSide side) {
    return SchedulePlan.recurring(
        wallets.url("/alice"),
        wallets.url("/bob"),
        "5.00",
        side,
        "R" + times + "/" + FakeWallets.START + "/P1M");
  }

  private ScheduleState start(int times) {
    return engine.start(
        monthly(times, AmountSide.DEBIT),
        wallets.approving(HashEncoding.STANDARD_PADDED),
        Map.of());
  }

  private List<Received> requests(String method, String path) {
    return wallets.server.received().stream()
        .filter(r -> r.method().equals(method) && r.url().equals(wallets.url(path)))
        .toList();
  }

  private static JsonNode json(String text) {
    return Json.mapper().valueToTree(Json.read(text, Map.class));
  }

  @Test
  void startWhenConsentApprovedThenFirstPaymentMadeAndStateSaved() {
    ScheduleState state = start(3);

    assertThat(state.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(state.payments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.index()).isZero();
              assertThat(p.paid()).isTrue();
            });
    assertThat(state.nextDue()).isEqualTo(FakeWallets.START.plus(Duration.ofDays(31)));
    assertThat(store.load()).contains(state);
    assertThat(wallets.outgoing)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.at("/metadata/opmSchedule").asText()).isEqualTo(state.id());
              assertThat(p.at("/metadata/opmPeriod").asInt()).isZero();
            });
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
            "outgoing payment created");
    assertThat(wallets.server.received())
        .filteredOn(r -> r.method().equals("POST"))
        .allSatisfy(r -> assertThat(r.verification().verified()).isTrue());
  }

  @Test
  void startWhenDebitSideThenDebitLimitWithIntervalAndFixedSendQuote() {
    start(3);

    JsonNode grant =
        requests("POST", "/auth").stream()
            .map(r -> json(r.body()))
            .filter(b -> b.at("/access_token/access/0/type").asText().equals("outgoing-payment"))
            .findFirst()
            .orElseThrow();
    assertThat(grant.at("/access_token/access/0/limits/debitAmount/value").asText())
        .isEqualTo("500");
    assertThat(grant.at("/access_token/access/0/limits/interval").asText())
        .isEqualTo("R3/" + FakeWallets.START + "/P1M");
    assertThat(grant.at("/access_token/access/0/identifier").asText())
        .isEqualTo(wallets.url("/alice"));
    assertThat(grant.at("/interact/finish/uri").asText()).isEqualTo("http://localhost:3344");
    assertThat(grant.at("/client").asText()).isEqualTo(wallets.url("/client"));
    assertThat(json(requests("POST", "/quotes").get(0).body()).at("/debitAmount/value").asText())
        .isEqualTo("500");
    assertThat(json(requests("POST", "/incoming-payments").get(0).body()).has("incomingAmount"))
        .isFalse();
  }

  @Test
  void startWhenReceiveSideThenIncomingAmountAndReceiveLimit() {
    engine.start(
        monthly(2, AmountSide.RECEIVE), wallets.approving(HashEncoding.STANDARD_PADDED), Map.of());

    JsonNode incoming = json(requests("POST", "/incoming-payments").get(0).body());
    assertThat(incoming.at("/incomingAmount/value").asText()).isEqualTo("500");
    assertThat(json(requests("POST", "/quotes").get(0).body()).has("debitAmount")).isFalse();
    assertThat(
            requests("POST", "/auth").stream()
                .map(r -> json(r.body()))
                .anyMatch(
                    b ->
                        b.at("/access_token/access/0/limits/receiveAmount/value")
                            .asText()
                            .equals("500")))
        .isTrue();
  }

  @Test
  void startWhenHashInRfcEncodingThenAccepted() {
    ScheduleState state =
        engine.start(
            monthly(3, AmountSide.DEBIT), wallets.approving(HashEncoding.URL_UNPADDED), Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.ACTIVE);
  }

  @Test
  void startWhenHashDoesNotMatchThenConsentFailedAndPendingGrantCancelled() {
    ScheduleState state =
        engine.start(
            monthly(3, AmountSide.DEBIT),
            FakeWallets.handler(i -> new InteractionResult.Approved("REF-1", "bm90IHRoZSBoYXNo")),
            Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.CONSENT_FAILED);
    assertThat(state.statusDetail()).contains("hash does not match");
    assertThat(requests("DELETE", "/continue/1")).hasSize(1);
    assertThat(requests("POST", "/continue/1")).isEmpty();
    assertThat(wallets.outgoing).isEmpty();
  }

  @Test
  void startWhenUserRejectsThenConsentRejectedWithoutPayment() {
    ScheduleState state =
        engine.start(
            monthly(3, AmountSide.DEBIT),
            FakeWallets.handler(i -> new InteractionResult.Refused("grant_rejected", null)),
            Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.CONSENT_REJECTED);
    assertThat(state.status().finished()).isTrue();
    assertThat(wallets.outgoing).isEmpty();
  }

  @Test
  void startWhenRedirectCarriesErrorThenConsentFailedWithResult() {
    ScheduleState state =
        engine.start(
            monthly(3, AmountSide.DEBIT),
            FakeWallets.handler(
                i -> new InteractionResult.Refused("invalid_interaction", "interaction expired")),
            Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.CONSENT_FAILED);
    assertThat(state.statusDetail()).contains("invalid_interaction: interaction expired");
  }

  @Test
  void startWhenConsentTimesOutThenConsentFailed() {
    ScheduleState state =
        engine.start(
            monthly(3, AmountSide.DEBIT),
            FakeWallets.handler(i -> new InteractionResult.TimedOut(120)),
            Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.CONSENT_FAILED);
    assertThat(state.statusDetail()).contains("120 s");
  }

  @Test
  void startWhenContinuationTooFastThenHonoursWaitAndRetries() {
    wallets.continueWait = 5;
    wallets.tooFastAnswers = 1;

    ScheduleState state = start(3);

    assertThat(state.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(requests("POST", "/continue/1")).hasSize(2);
  }

  @Test
  void startWhenStoreHoldsUnfinishedScheduleThenRefused() {
    start(3);

    assertThatThrownBy(() -> start(3))
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining("already holds schedule");
  }

  @Test
  void runWhenNextPeriodThenRotatesTokenAndPaysAgain() {
    ScheduleState first = start(3);
    String firstToken = first.grant().accessToken().value();
    wallets.clock.advance(Period.ofMonths(1));

    ScheduleState second = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(second.paidCount()).isEqualTo(2);
    assertThat(second.grant().accessToken().value()).isNotEqualTo(firstToken);
    assertThat(requests("POST", "/token/" + firstToken)).hasSize(1);
    assertThat(wallets.outgoing).hasSize(2);
    assertThat(wallets.outgoing.get(1).at("/metadata/opmPeriod").asInt()).isEqualTo(1);
    assertThat(steps).containsSubsequence("access token rotated", "outgoing payment created");
  }

  @Test
  void runWhenSamePeriodAgainThenNothingPaid() {
    start(3);

    ScheduleState again = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(again.paidCount()).isEqualTo(1);
    assertThat(wallets.outgoing).hasSize(1);
    assertThat(steps).contains("nothing due");
  }

  @Test
  void runWhenLastPeriodPaidThenCompleted() {
    start(2);
    wallets.clock.advance(Period.ofMonths(1));

    ScheduleState done = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(done.status()).isEqualTo(ScheduleStatus.COMPLETED);
    assertThat(done.paidCount()).isEqualTo(2);
    assertThat(done.nextDue()).isNull();
  }

  @Test
  void runWhenPeriodSkippedThenRecordedMissedAndCurrentPaid() {
    start(3);
    wallets.clock.advance(Period.ofMonths(2));

    ScheduleState state = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(state.payments())
        .extracting(PaymentRecord::outcome)
        .containsExactly(
            PaymentRecord.Outcome.PAID, PaymentRecord.Outcome.MISSED, PaymentRecord.Outcome.PAID);
    assertThat(wallets.outgoing).hasSize(2);
  }

  @Test
  void runWhenPaymentMadeButNotRecordedThenFoundInWalletAndNotPaidAgain() {
    start(3);
    wallets.clock.advance(Period.ofMonths(1));
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
              throw new StateFileException("disk full");
            }
            store.save(state);
          }

          @Override
          public String describe() {
            return "crashing";
          }
        };
    assertThatThrownBy(() -> engine(crashing).run(wallets.approving(HashEncoding.STANDARD_PADDED)))
        .isInstanceOf(StateFileException.class);
    assertThat(wallets.outgoing).hasSize(2);

    ScheduleState recovered = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(recovered.paidCount()).isEqualTo(2);
    assertThat(wallets.outgoing).hasSize(2);
    assertThat(steps).contains("payment already made");
  }

  @Test
  void runWhenGrantRevokedThenStopsRevoked() {
    start(3);
    wallets.revoked = true;
    wallets.clock.advance(Period.ofMonths(1));

    ScheduleState state = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(state.status()).isEqualTo(ScheduleStatus.REVOKED);
    assertThat(state.statusDetail()).contains("revoked");
    assertThat(wallets.outgoing).hasSize(1);
  }

  @Test
  void runWhenPeriodLimitSpentThenStopsLimitSpent() {
    start(3);
    wallets.clock.advance(Period.ofMonths(1));
    wallets.refuseNextPayment =
        Reply.json(403, "{\"error\":{\"code\":\"403\",\"description\":\"unauthorized\"}}");
    wallets.spentAmounts =
        "{\"spentDebitAmount\":{\"value\":\"500\",\"assetCode\":\"USD\",\"assetScale\":2},"
            + "\"spentReceiveAmount\":{\"value\":\"500\",\"assetCode\":\"USD\",\"assetScale\":2}}";

    ScheduleState state = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(state.status()).isEqualTo(ScheduleStatus.LIMIT_SPENT);
    assertThat(state.statusDetail()).contains("limit of 5.00 USD is spent");
  }

  @Test
  void runWhenWalletHasNoCurrentPeriodThenStopsGrantOver() {
    start(3);
    wallets.clock.advance(Period.ofMonths(1));
    wallets.refuseNextPayment =
        Reply.json(403, "{\"error\":{\"code\":\"403\",\"description\":\"unauthorized\"}}");

    ScheduleState state = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(state.status()).isEqualTo(ScheduleStatus.GRANT_OVER);
  }

  @Test
  void runWhenServerFailsOnceThenRetriedWithBackoffAndPaidOnce() {
    start(3);
    wallets.clock.advance(Period.ofMonths(1));
    wallets.refuseNextPayment =
        Reply.json(503, "{\"error\":{\"code\":\"503\",\"description\":\"busy\"}}");

    ScheduleState state = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(state.paidCount()).isEqualTo(2);
    assertThat(wallets.outgoing).hasSize(2);
    assertThat(pauses).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void runWhenOtherClientThenRefused() {
    start(3);
    OpenPaymentsClient other =
        OpenPaymentsClient.create(
            new ClientIdentity(wallets.url("/other"), wallets.key, FakeWallets.KEY_ID),
            ClientOptions.defaults());
    RecurringPayments otherEngine =
        new RecurringPayments(other, store, wallets.clock, StepListener.NONE);

    assertThatThrownBy(() -> otherEngine.run(wallets.approving(HashEncoding.STANDARD_PADDED)))
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining("belongs to the client wallet address " + wallets.url("/client"));
  }

  @Test
  void cancelWhenActiveThenGrantRevokedAndCancelled() {
    start(3);

    ScheduleState cancelled = engine.cancel();

    assertThat(cancelled.status()).isEqualTo(ScheduleStatus.CANCELLED);
    Received delete = requests("DELETE", "/continue/1").get(0);
    assertThat(delete.header("Authorization")).contains("GNAP CONT-1");
    assertThat(delete.verification().verified()).isTrue();
    assertThat(wallets.revoked).isTrue();
  }

  @Test
  void runWhenCancelledThenNothingHappens() {
    start(3);
    engine.cancel();
    wallets.clock.advance(Period.ofMonths(1));
    int before = wallets.server.received().size();

    ScheduleState state = engine.run(wallets.approving(HashEncoding.STANDARD_PADDED));

    assertThat(state.status()).isEqualTo(ScheduleStatus.CANCELLED);
    assertThat(wallets.server.received()).hasSize(before);
  }

  @Test
  void startWhenIntervalRunsBackwardsThenRefusedBeforeAnyRequest() {
    SchedulePlan plan =
        SchedulePlan.recurring(
            wallets.url("/alice"),
            wallets.url("/bob"),
            "5.00",
            AmountSide.DEBIT,
            "R3/P1M/2025-09-01T00:00:00Z");

    assertThatThrownBy(
            () -> engine.start(plan, wallets.approving(HashEncoding.STANDARD_PADDED), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs backwards");
    assertThat(wallets.server.received()).isEmpty();
  }

  @Test
  void startWhenAmountHasTooManyDecimalsThenRefusedNamingScale() {
    SchedulePlan plan =
        SchedulePlan.recurring(
            wallets.url("/alice"),
            wallets.url("/bob"),
            "5.001",
            AmountSide.DEBIT,
            "R3/" + FakeWallets.START + "/P1M");

    assertThatThrownBy(
            () -> engine.start(plan, wallets.approving(HashEncoding.STANDARD_PADDED), Map.of()))
        .hasMessageContaining("the asset has 2");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void startWhenSinglePaymentThenPaidAndCompleted() {
    ScheduleState state =
        engine.start(
            SchedulePlan.once(wallets.url("/alice"), wallets.url("/bob"), "5.00", AmountSide.DEBIT),
            wallets.approving(HashEncoding.STANDARD_PADDED),
            Map.of());

    assertThat(state.status()).isEqualTo(ScheduleStatus.COMPLETED);
    assertThat(state.paidCount()).isEqualTo(1);
    assertThat(
            requests("POST", "/auth").stream()
                .map(r -> json(r.body()))
                .filter(
                    b -> b.at("/access_token/access/0/type").asText().equals("outgoing-payment"))
                .findFirst()
                .orElseThrow()
                .at("/access_token/access/0/limits")
                .has("interval"))
        .isFalse();
  }
}

package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.SandboxFixture;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.sandbox.admin.ReportCard;
import dev.opkit.sandbox.admin.Scenario;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference engine under every named scenario of a misbehaving wallet (issue 18): three monthly
 * periods, and the sandbox's report card of what it did must be clean: no rule failed, and no
 * period paid twice.
 */
class ReferenceClientReportCardTest {
  @RegisterExtension static final SandboxFixture SANDBOX = new SandboxFixture();

  /** The rule a scenario puts to the test, where the engine must meet it (not pass it idly). */
  private static final Map<String, String> EXERCISED =
      Map.of(
          "unknown-fields", "ignored-unknown-fields",
          "expired-quote", "requoted-after-refused-quote",
          "receiver-completed", "requoted-after-refused-quote",
          "receiver-expired", "requoted-after-refused-quote",
          "key-rotation", "signed-with-current-key");

  static List<String> scenarios() {
    return SANDBOX.admin("ase1").scenarios().stream().map(Scenario::name).toList();
  }

  @Test
  void everyNamedScenarioIsCoveredHere() {
    assertThat(scenarios())
        .contains(
            "well-behaved",
            "slow-consent",
            "wrong-finish-hash",
            "rate-limited",
            "lost-response",
            "revoked",
            "month-3",
            "continuation-rotation",
            "reduced-limit",
            "interaction-expired",
            "rotation-refused",
            "expired-quote",
            "receiver-completed",
            "receiver-expired",
            "browser-redirect",
            "flaky-wallet",
            "key-rotation");
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void referenceEngineUnderScenarioGetsACleanReportCard(String scenario) {
    SANDBOX.admin("ase1").misbehaveAs(scenario);
    OpenPaymentsClient client = SANDBOX.newClientWithNextKey();
    String alice = SANDBOX.wallet("ase1", "alice");
    String carol = SANDBOX.wallet("ase2", "carol");
    InMemoryScheduleStore store = new InMemoryScheduleStore();
    RecurringPayments engine =
        new RecurringPayments(
            client,
            store,
            SANDBOX.sandbox().clock(),
            (step, detail) -> {},
            SANDBOX.clockPause(),
            new RetryPolicy(3, Duration.ofMillis(10)));
    String start = SANDBOX.sandbox().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    SchedulePlan plan =
        SchedulePlan.recurring(alice, carol, "5.00", AmountSide.DEBIT, "R3/" + start + "/P1M");
    HeadlessInteraction consent =
        new HeadlessInteraction(
            "http://localhost:3344", HeadlessInteraction.Decision.ACCEPT, Duration.ofSeconds(10));
    long before = SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact();

    ScheduleState state;
    try {
      state = engine.start(plan, consent, Map.of());
      for (int month = 2; month <= 3 && state.status() == ScheduleStatus.ACTIVE; month++) {
        SANDBOX.admin("ase1").advance(Period.ofMonths(1));
        state = engine.run(consent);
      }
    } catch (OpenPaymentsException | ScheduleException e) {
      // The engine may stop (a wrong finish hash, a refusal); the card says whether it should.
      state = null;
    }

    ReportCard card = SANDBOX.admin("ase1").report();
    assertThat(card.failedRules()).as(card.toString()).isEmpty();
    JsonNode payments = SANDBOX.admin("ase1").outgoingPayments("alice").path("result");
    Set<Integer> periods = new HashSet<>();
    for (JsonNode payment : payments) {
      if (!payment.path("failed").asBoolean()) {
        assertThat(periods.add(payment.path("metadata").path("opmPeriod").asInt()))
            .as("period %s paid twice under %s", payment.path("metadata"), scenario)
            .isTrue();
      }
    }
    assertThat(before - SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(500L * periods.size());
    String exercised = EXERCISED.get(scenario);
    if (exercised != null) {
      assertThat(card.verdict(exercised))
          .as("%s under %s", exercised, scenario)
          .isEqualTo("passed");
    }
    switch (scenario) {
      case "wrong-finish-hash", "no-interact-ref" ->
          assertThat(periods).as("no payment without a verified consent").isEmpty();
      case "interaction-expired" -> {
        assertThat(periods).as("no payment without consent").isEmpty();
        assertThat(state).isNotNull();
        assertThat(state.status()).isEqualTo(ScheduleStatus.CONSENT_FAILED);
        assertThat(state.statusDetail()).contains("interaction expired");
      }
      case "reduced-limit" -> {
        assertThat(periods).as("nothing paid above the granted limit").isEmpty();
        assertThat(state).isNotNull();
        assertThat(state.status()).isEqualTo(ScheduleStatus.LIMIT_REDUCED);
      }
      case "month-3" -> {
        assertThat(periods).as("two periods paid before the limit was halved").hasSize(2);
        assertThat(state).isNotNull();
        assertThat(state.status()).isEqualTo(ScheduleStatus.LIMIT_REDUCED);
      }
      case "rotation-refused" -> {
        assertThat(periods).hasSize(1);
        assertThat(state).isNotNull();
        assertThat(state.status()).isEqualTo(ScheduleStatus.REVOKED);
        assertThat(state.statusDetail()).contains("does not rotate");
      }
      case "revoked" -> {
        assertThat(periods).hasSize(1);
        assertThat(state).isNotNull();
        assertThat(state.status()).isEqualTo(ScheduleStatus.REVOKED);
      }
      default -> {
        assertThat(state).as("the schedule under %s", scenario).isNotNull();
        assertThat(state.status()).isEqualTo(ScheduleStatus.COMPLETED);
        assertThat(periods).hasSize(3);
      }
    }
  }
}

package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.SandboxFixture;
import dev.opkit.client.StepListener;
import dev.opkit.client.interaction.HeadlessInteraction;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine against a sandbox in the {@code strict} profile: base64url finish hashes, {@code R<n>}
 * as n windows, 401 for inactive tokens.
 */
class RecurringPaymentsStrictSandboxTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX = new SandboxFixture(config -> config.withProfile("strict"));

  @Test
  void guideWhenStrictProfileThenBothPeriodsPaidAndCompleted() {
    OpenPaymentsClient client = SANDBOX.newClient();
    InMemoryScheduleStore store = new InMemoryScheduleStore();
    RecurringPayments engine =
        new RecurringPayments(
            client,
            store,
            SANDBOX.sandbox().clock(),
            StepListener.NONE,
            SANDBOX.clockPause(),
            new RetryPolicy(2, Duration.ofMillis(10)));
    HeadlessInteraction consent =
        new HeadlessInteraction(
            "http://localhost:3344", HeadlessInteraction.Decision.ACCEPT, Duration.ofSeconds(10));
    String start = SANDBOX.sandbox().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();

    ScheduleState first =
        engine.start(
            SchedulePlan.recurring(
                SANDBOX.wallet("ase1", "alice"),
                SANDBOX.wallet("ase2", "carol"),
                "4.45",
                AmountSide.RECEIVE,
                "R2/" + start + "/P1M"),
            consent,
            Map.of());
    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    ScheduleState done = engine.run(consent);

    assertThat(first.status()).isEqualTo(ScheduleStatus.ACTIVE);
    assertThat(done.status()).isEqualTo(ScheduleStatus.COMPLETED);
    assertThat(done.payments())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.receiveAmount().value()).hasToString("445"));
  }
}

package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SandboxConfigFile;
import dev.opkit.sandbox.admin.SandboxAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's journey against an in-process sandbox with the benchmark's configuration. */
class GuideJourneyTest {
  private static final WarmUp.Outcome NO_WARM_UP =
      new WarmUp.Outcome(java.time.Duration.ZERO, WarmUp.Ending.FIXED);

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    SandboxConfig config = SandboxConfigFile.parse(SandboxLauncher.config(0, 0), "benchmark");
    sandbox = Sandbox.create(config.ephemeral()).start();
  }

  @AfterAll
  static void stop() {
    sandbox.stop();
  }

  @Test
  void runWhenRepeatedThenEveryStepAnsweredAndMoneyMoved() {
    Measurements measurements = new Measurements();
    GuideJourney journey =
        GuideJourney.open(
            SandboxAdmin.connect(sandbox.ase("ase1").adminUrl()),
            SandboxAdmin.connect(sandbox.ase("ase2").adminUrl()),
            0,
            measurements);

    journey.client().capture();
    journey.run();
    journey.run();

    LoadResult result = measurements.finish(NO_WARM_UP);
    assertThat(result.requests()).isEqualTo(2L * GuideJourney.REQUESTS);
    assertThat(result.signedRequests()).isEqualTo(2L * GuideJourney.SIGNED_REQUESTS);
    assertThat(journey.client().captured()).hasSize(2 * GuideJourney.SIGNED_REQUESTS);
    assertThat(sandbox.storedCounts().outgoingPayments()).isEqualTo(4);
    var ase2 = sandbox.sessions().defaultSession().at("ase2");
    assertThat(sandbox.wallets().find(ase2, "bench-payee-0"))
        .hasValueSatisfying(
            payee ->
                assertThat(sandbox.wallets().balances(ase2, payee).available())
                    .hasToString(Long.toString(4 * 1000)));
    assertThat(sandbox.ledger().invariantHolds()).isTrue();
  }
}

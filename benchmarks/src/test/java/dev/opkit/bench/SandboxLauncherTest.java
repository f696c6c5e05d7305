package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.AseConfig;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SandboxConfigFile;
import dev.opkit.mock.store.AutoConsent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxLauncherTest {
  @Test
  void configWhenReadBySandboxThenPortsAutoConsentAndNoContinueWait() {
    SandboxConfig config =
        SandboxConfigFile.parse(SandboxLauncher.config(41000, 41100), "benchmark config");

    assertThat(config.ases()).extracting(AseConfig::port).containsExactly(41000, 41100);
    assertThat(config.auth().autoConsent()).isEqualTo(AutoConsent.ACCEPT);
    for (AseConfig ase : config.ases()) {
      assertThat(config.profileOf(ase).continueWait()).isEqualTo(Duration.ZERO);
      assertThat(ase.wallets()).hasSize(1);
    }
  }
}

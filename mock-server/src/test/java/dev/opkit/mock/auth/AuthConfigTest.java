package dev.opkit.mock.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SandboxConfigFile;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.protocol.gnap.AccessType;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthConfigTest {
  @Test
  void parseWhenAuthSectionGivenThenEverySettingRead() {
    SandboxConfig config =
        SandboxConfigFile.parse(
            """
            eventLogCapacity: 100
            auth:
              autoConsent: accept
              interactionLifetime: PT2M
              signatureMaxAge: PT30S
              keyCacheLifetime: PT0S
              keyFetchTimeout: PT0.5S
              interactive: [outgoing-payment, quote]
              listAllInteractive: false
              walletInteractive:
                ase1/alice: [incoming-payment, outgoing-payment]
              journalSize: 10
            """,
            "test.yaml");

    AuthConfig auth = config.auth();
    assertThat(auth.autoConsent()).isEqualTo(AutoConsent.ACCEPT);
    assertThat(auth.interactionLifetime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(auth.signatureMaxAge()).isEqualTo(Duration.ofSeconds(30));
    assertThat(auth.keyCacheLifetime()).isZero();
    assertThat(auth.keyFetchTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(auth.interactive())
        .containsExactlyInAnyOrder(AccessType.OUTGOING_PAYMENT, AccessType.QUOTE);
    assertThat(auth.listAllInteractive()).isFalse();
    assertThat(auth.interactiveFor("ase1", "alice"))
        .isEqualTo(Set.of(AccessType.INCOMING_PAYMENT, AccessType.OUTGOING_PAYMENT));
    assertThat(auth.interactiveFor("ase1", "bob")).isEqualTo(auth.interactive());
    assertThat(auth.journalSize()).isEqualTo(10);
  }

  @Test
  void defaultsWhenNoAuthSectionThenOutgoingPaymentsNeedConsent() {
    AuthConfig auth = SandboxConfig.defaults().auth();

    assertThat(auth.autoConsent()).isEqualTo(AutoConsent.OFF);
    assertThat(auth.interactive()).containsExactly(AccessType.OUTGOING_PAYMENT);
    assertThat(auth.listAllInteractive()).isTrue();
    assertThat(auth.interactionLifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(auth.keyFetchTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void parseWhenBadValuesThenMessageNamesThem() {
    assertThatThrownBy(() -> SandboxConfigFile.parse(yaml("autoConsent: maybe"), "t.yaml"))
        .hasMessageContaining("autoConsent")
        .hasMessageContaining("off, accept or reject");
    assertThatThrownBy(
            () -> SandboxConfigFile.parse(yaml("walletInteractive:\n    alice: []"), "t.yaml"))
        .hasMessageContaining("ase/name");
    assertThatThrownBy(() -> SandboxConfigFile.parse(yaml("keyFetchTimeout: PT0S"), "t.yaml"))
        .hasMessageContaining("keyFetchTimeout must be positive");
  }

  private static String yaml(String authSetting) {
    return "eventLogCapacity: 100\nauth:\n  " + authSetting + "\n";
  }
}

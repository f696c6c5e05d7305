package dev.opkit.mock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SandboxTest {
  @Test
  void startWhenEphemeralThenTwoSandboxesRunSideBySideOnTheirOwnPorts() throws Exception {
    try (Sandbox first = Sandbox.create(SandboxConfig.defaults().ephemeral()).start();
        Sandbox second = Sandbox.create(SandboxConfig.defaults().ephemeral()).start()) {
      Ase ase = first.ase("ase1");
      assertThat(ase.publicBase()).isEqualTo("http://localhost:" + first.port(ase));
      assertThat(second.ase("ase1").publicBase()).isNotEqualTo(ase.publicBase());
      assertThat(get(ase.walletUrl("alice")))
          .contains("\"authServer\":\"" + ase.authServerUrl() + "\"");

      first.clock().advance(java.time.Duration.ofDays(3));

      assertThat(second.clock().instant()).isBefore(first.clock().instant());
    }
  }

  @Test
  void startWhenPublicUrlConfiguredThenDocumentsCarryIt() throws Exception {
    SandboxConfig config = SandboxConfig.defaults().ephemeral();
    config =
        config.withAses(
            java.util.List.of(
                config.ases().get(0).withPublicUrl("https://wallet.example/ase1"),
                config.ases().get(1)));
    try (Sandbox sandbox = Sandbox.create(config).start()) {
      Ase ase = sandbox.ase("ase1");

      assertThat(get("http://localhost:" + sandbox.port(ase) + "/alice"))
          .contains("\"id\":\"https://wallet.example/ase1/alice\"")
          .contains("\"resourceServer\":\"https://wallet.example/ase1\"");
    }
  }

  @Test
  void startWhenRunningAlreadyThenRefused() {
    try (Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start()) {
      assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void resetWhenMoneyMovedThenSeedBalancesAndABalancedBook() {
    try (Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start()) {
      var ase1 = sandbox.sessions().defaultSession().at("ase1");
      sandbox.wallets().setBalance(ase1, "alice", java.math.BigInteger.ONE);

      sandbox.reset();

      var fresh = sandbox.wallets().require(ase1, "alice");
      assertThat(sandbox.wallets().balances(ase1, fresh).available()).isEqualTo(100_000);
      assertThat(sandbox.ledger().invariantHolds()).isTrue();
    }
  }

  @Test
  void aseWhenUnknownNameThenRefused() {
    Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral());

    assertThatThrownBy(() -> sandbox.ase("ase9")).hasMessageContaining("no ASE 'ase9'");
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}

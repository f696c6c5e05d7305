package dev.opkit.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.UnauthenticatedClient;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.protocol.model.WalletAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxTargetTest {
  private static SandboxTarget target;

  @BeforeAll
  static void start() {
    target = SandboxTarget.inProcess();
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @Test
  void newWalletWhenMadeToOrderThenAssetAndBalanceAsAsked() {
    String url = target.newWallet(Role.RECEIVER, new WalletSpec("USD", "12.34"));

    WalletAddress wallet = UnauthenticatedClient.create().walletAddress().get(url);
    assertThat(wallet.assetCode()).isEqualTo("USD");
    assertThat(target.sandboxOf(url).walletAt(url).balance().value())
        .isEqualTo(BigInteger.valueOf(1234));
    assertThat(url).startsWith(target.providers().get(1) + "/receiver-");
  }

  @Test
  void newWalletWhenAnyThenSenderHoldsDollarsAtTheFirstProvider() {
    String url = target.newWallet(Role.SENDER, WalletSpec.ANY);

    assertThat(url).startsWith(target.providers().get(0) + "/sender-");
    assertThat(target.sandboxOf(url).walletAt(url).balance().value())
        .isEqualTo(BigInteger.valueOf(100_000));
  }

  @Test
  void newClientWhenCreatedThenItsWalletPublishesItsKey() {
    ClientIdentity client = target.newClient("Kit test");

    WalletAddress wallet =
        UnauthenticatedClient.create().walletAddress().get(client.walletAddress());
    assertThat(wallet.publicName()).isEqualTo("Kit test");
    assertThat(
            UnauthenticatedClient.create()
                .walletAddress()
                .getKeys(client.walletAddress())
                .find(client.keyId()))
        .hasValueSatisfying(jwk -> assertThat(jwk.x()).isEqualTo(client.keyPair().toJwk("k").x()));
  }

  @Test
  void waitingWhenAskedThenTheSandboxClockMovesInsteadOfSleeping() {
    Instant before = target.walletClock().instant();
    long started = System.nanoTime();

    target.waiting().sleep(Duration.ofSeconds(5));

    assertThat(Duration.between(before, target.walletClock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void runningWhenNothingAnswersThenSetupFailureSaysHowToStartOne() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String url = "http://localhost:" + port;

    assertThatThrownBy(() -> SandboxTarget.running(List.of(url), null))
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("no sandbox answers at " + url)
        .hasMessageContaining("./sandbox");
  }

  @Test
  void closeWhenRunningSandboxThenItsClockIsBackWhereItWas() {
    SandboxTarget running = SandboxTarget.running(target.providers(), null);
    Duration offsetBefore = Duration.between(Instant.now(), target.sandbox().now());

    running.sandbox().advance(Duration.ofDays(40));
    running.close();

    Duration offsetAfter = Duration.between(Instant.now(), target.sandbox().now());
    assertThat(offsetAfter.minus(offsetBefore).abs()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void forScenarioThenASessionOfItsOwnWithItsOwnClockDeletedOnClose() {
    Target first = target.forScenario(new ScenarioRef("a.feature", 3, "first"));
    Target second = target.forScenario(new ScenarioRef("a.feature", 9, "second"));
    String sender = first.newWallet(Role.SENDER, WalletSpec.ANY);
    String origin = target.providers().get(0);

    first.waiting().sleep(Duration.ofDays(3));

    assertThat(sender).startsWith(origin + "/").doesNotStartWith(origin + "/sender-");
    assertThat(first.sandboxOf(sender).walletAt(sender).balance().value())
        .isEqualTo(BigInteger.valueOf(100_000));
    assertThat(UnauthenticatedClient.create().walletAddress().get(sender).authServer())
        .startsWith(origin + "/auth/");
    assertThat(Duration.between(Instant.now(), first.walletClock().instant()))
        .isGreaterThan(Duration.ofDays(2));
    for (Target other : List.of(second, target)) {
      assertThat(Duration.between(Instant.now(), other.walletClock().instant()).abs())
          .isLessThan(Duration.ofMinutes(5));
    }
    assertThat(first.mustRunAlone(java.util.Set.of("@clock", "@timing"))).isFalse();

    first.close();
    second.close();

    assertThatThrownBy(() -> UnauthenticatedClient.create().walletAddress().get(sender))
        .hasMessageContaining("404");
    assertThatThrownBy(() -> first.sandbox().now()).hasMessageContaining("404");
  }
}

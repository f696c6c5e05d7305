package dev.opkit.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.PemKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallet target against this project's sandbox, standing in for real wallets. */
class WalletTargetTest {
  private static SandboxTarget sandbox;
  private static String sender;
  private static String receiver;
  private static Ed25519KeyPair key;
  private static String client;

  @TempDir Path dir;
  private final Map<String, String> properties = new HashMap<>();
  private final List<String> told = new ArrayList<>();

  @BeforeAll
  static void wallets() {
    sandbox = SandboxTarget.inProcess();
    sender = sandbox.newWallet(Role.SENDER, WalletSpec.ANY);
    receiver = sandbox.newWallet(Role.RECEIVER, WalletSpec.ANY);
    key = Ed25519KeyPair.generate();
    client = sandbox.sandbox().providers().get(0) + "/kit-client";
    sandbox.sandbox().createWallet(0, "kit-client", "Kit", "USD", 2, BigInteger.ZERO);
    sandbox.sandbox().addKey(client, key.toJwk("kit-key"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void settings() throws IOException {
    Path keyFile = dir.resolve("private.key");
    Files.writeString(keyFile, PemKeys.writePrivateKey(key));
    properties.put(KitSettings.TARGET, "wallet");
    properties.put(KitSettings.SENDER, sender);
    properties.put(KitSettings.RECEIVER, receiver);
    properties.put(KitSettings.CLIENT, client);
    properties.put(KitSettings.KEY_ID, "kit-key");
    properties.put(KitSettings.PRIVATE_KEY, keyFile.toString());
    properties.put(KitSettings.FINISH_URI, "http://localhost:" + freePort());
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private WalletTarget open() {
    return WalletTarget.open(KitSettings.load(properties, Map.of()), told::add);
  }

  @Test
  void openWhenAllChecksPassThenOffersTheConfiguredWalletsOnly() {
    WalletTarget target = open();

    assertThat(target.newWallet(Role.SENDER, WalletSpec.ANY)).isEqualTo(sender);
    assertThat(target.newWallet(Role.RECEIVER, WalletSpec.ANY)).isEqualTo(receiver);
    assertThat(target.newClient("any").walletAddress()).isEqualTo(client);
    assertThat(target.hasSandboxPowers()).isFalse();
    assertThat(target.runsScenariosAlone()).isTrue();
    assertThatThrownBy(() -> target.newWallet(Role.SENDER, new WalletSpec("EUR", null)))
        .isInstanceOf(SandboxPowersMissing.class)
        .hasMessageContaining("@sandbox");
    assertThatThrownBy(target::sandbox).isInstanceOf(SandboxPowersMissing.class);
  }

  @Test
  void openWhenSenderDoesNotExistThenOneClearMessageNamingTheSetting() {
    properties.put(KitSettings.SENDER, sender + "-missing");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageStartingWith("the wallet address " + sender + "-missing does not exist")
        .hasMessageContaining("404")
        .hasMessageContaining("opkit.wallet.sender (system property)");
  }

  @Test
  void openWhenKeyIdNotPublishedThenListsThePublishedOnes() {
    properties.put(KitSettings.KEY_ID, "other-key");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("the key id other-key")
        .hasMessageContaining("(kit-key)");
  }

  @Test
  void openWhenPrivateKeyDoesNotMatchThenSaysSo() throws IOException {
    Path other = dir.resolve("other.key");
    Files.writeString(other, PemKeys.writePrivateKey(Ed25519KeyPair.generate()));
    properties.put(KitSettings.PRIVATE_KEY, other.toString());

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("does not match the public key");
  }

  @Test
  void openWhenKeyFileIsNotAKeyThenSaysWhatItMustBe() throws IOException {
    Path notAKey = dir.resolve("notes.txt");
    Files.writeString(notAKey, "my key id is kit-key");
    properties.put(KitSettings.PRIVATE_KEY, notAKey.toString());

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("does not hold an Ed25519 private key");
  }

  @Test
  void openWhenFinishUriBreaksTheRuleThenNamesTheRuleAndTheSetting() {
    for (String uri : List.of("https://client.example/back", "http://localhost:3344/#x")) {
      properties.put(KitSettings.FINISH_URI, uri);

      assertThatThrownBy(this::open)
          .as(uri)
          .isInstanceOf(KitSetupException.class)
          .hasMessageContaining("loopback interface without a fragment")
          .hasMessageContaining("opkit.consent.finish-uri (system property)");
    }
  }

  @Test
  void openWhenSettingMissingThenNamesIt() {
    properties.remove(KitSettings.RECEIVER);

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("opkit.wallet.receiver is not set");
  }

  @Test
  void walletAddressUrlWhenPaymentPointerThenHttpsUrl() {
    assertThat(WalletTarget.walletAddressUrl("$ilp.interledger-test.dev/alice"))
        .isEqualTo("https://ilp.interledger-test.dev/alice");
    assertThat(WalletTarget.walletAddressUrl("https://ilp.interledger-test.dev/alice/"))
        .isEqualTo("https://ilp.interledger-test.dev/alice");
  }
}

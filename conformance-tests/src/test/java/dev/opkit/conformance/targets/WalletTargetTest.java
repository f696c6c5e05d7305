package dev.opkit.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.conformance.standin.StandInRafikiInteraction;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.PemKeys;
import dev.opkit.sandbox.admin.NewWallet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
    client =
        sandbox
            .sandbox()
            .createWallet(NewWallet.of("kit-client", "USD", 2, 0).withPublicName("Kit"))
            .id();
    sandbox.sandbox().addKey("kit-client", key.toJwk("kit-key"));
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

  private final List<WalletTarget> opened = new ArrayList<>();

  private WalletTarget open() {
    WalletTarget target = WalletTarget.open(KitSettings.load(properties, Map.of()), told::add);
    opened.add(target);
    return target;
  }

  @AfterEach
  void closeTargets() {
    opened.forEach(WalletTarget::close);
  }

  @Test
  void openWhenAllChecksPassThenOffersTheConfiguredWalletsOnly() {
    WalletTarget target = open();

    assertThat(target.newWallet(Role.SENDER, WalletSpec.ANY)).isEqualTo(sender);
    assertThat(target.newWallet(Role.RECEIVER, WalletSpec.ANY)).isEqualTo(receiver);
    assertThat(target.newClient("any").walletAddress()).isEqualTo(client);
    assertThat(target.powers()).isEmpty();
    assertThat(target.mustRunAlone(Set.of("@lists", "@consent"))).isTrue();
    assertThat(target.mustRunAlone(Set.of("@consent"))).isFalse();
    assertThatThrownBy(() -> target.newWallet(Role.SENDER, new WalletSpec("EUR", null)))
        .isInstanceOf(SandboxPowersMissing.class)
        .hasMessageContaining("@made-to-order");
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
  void openWhenFinishUriPortIsTakenThenNamesThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      properties.put(KitSettings.FINISH_URI, "http://localhost:" + taken.getLocalPort());

      assertThatThrownBy(this::open)
          .isInstanceOf(KitSetupException.class)
          .hasMessageContaining("another program may be using port " + taken.getLocalPort())
          .hasMessageContaining("opkit.consent.finish-uri");
    }
  }

  @Test
  void openWhenBothConsentCommandAndIdentityProviderThenAsksToChooseOne() {
    properties.put(KitSettings.CONSENT_COMMAND, "./consent.sh");
    properties.put(KitSettings.RAFIKI_IDP_URL, "http://localhost:3009");
    properties.put(KitSettings.RAFIKI_IDP_SECRET, "s");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("opkit.consent.command")
        .hasMessageContaining("opkit.consent.rafiki-idp-url")
        .hasMessageContaining("choose one way to consent");
  }

  @Test
  void openWhenIdentityProviderWithoutSecretThenNamesTheSecretSetting() {
    properties.put(KitSettings.RAFIKI_IDP_URL, "http://localhost:3009");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("opkit.consent.rafiki-idp-secret is not set")
        .hasMessageContaining("IDENTITY_SERVER_SECRET");
  }

  @Test
  void openWhenIdentityProviderUrlIsNotHttpThenSaysWhatItMustBe() {
    properties.put(KitSettings.RAFIKI_IDP_URL, "localhost:3009");
    properties.put(KitSettings.RAFIKI_IDP_SECRET, "s");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("must be the http(s) base URL of Rafiki's identity-provider API");
  }

  @Test
  void openWhenIdentityProviderDoesNotAnswerThenSaysWhereItShouldListen() throws IOException {
    properties.put(KitSettings.RAFIKI_IDP_URL, "http://localhost:" + freePort());
    properties.put(KitSettings.RAFIKI_IDP_SECRET, "not-in-messages");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("no answer from Rafiki's identity-provider API")
        .hasMessageContaining("INTERACTION_PORT, 3009 by default")
        .hasMessageNotContaining("not-in-messages");
  }

  @Test
  void openWhenIdentityProviderAnswersThenConsentsThroughItAndNothingListensOnTheFinishUri()
      throws IOException {
    try (StandInRafikiInteraction rafiki = StandInRafikiInteraction.start("s3cret")) {
      properties.put(KitSettings.RAFIKI_IDP_URL, rafiki.idpUrl());
      properties.put(KitSettings.RAFIKI_IDP_SECRET, "s3cret");

      WalletTarget target = open();

      assertThat(target.describe())
          .contains("consent by Rafiki's identity-provider API at " + rafiki.idpUrl())
          .doesNotContain("s3cret");
      URI finish = URI.create(properties.get(KitSettings.FINISH_URI));
      try (ServerSocket free = new ServerSocket(finish.getPort())) {
        assertThat(free.isBound()).isTrue();
      }
    }
  }

  @Test
  void openWhenParallelIsOutOfBoundsThenSaysTheBounds() {
    properties.put(KitSettings.WALLET_PARALLEL, "0");

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("opkit.wallet.parallel")
        .hasMessageContaining("must be a whole number from 1 to " + WalletTarget.MAX_PARALLEL);
  }

  @Test
  void openWhenParallelIsSetThenThatManyAtOnce() {
    properties.put(KitSettings.WALLET_PARALLEL, "2");

    try (WalletTarget two = open()) {
      assertThat(two.parallel()).isEqualTo(2);
    }
    properties.remove(KitSettings.WALLET_PARALLEL);
    assertThat(open().parallel()).isEqualTo(WalletTarget.DEFAULT_PARALLEL);
  }

  @Test
  void openWhenTheOtherAssetReceiverHoldsTheSendersAssetThenSaysSo() {
    properties.put(KitSettings.RECEIVER_OTHER_ASSET, sender);

    assertThatThrownBy(this::open)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("opkit.wallet.receiver-other-asset")
        .hasMessageContaining("holds USD, the sender's asset; it must hold another one");
  }

  @Test
  void newWalletWhenAnotherAssetIsNeededThenTheConfiguredReceiverInAnotherAsset() {
    String usdReceiver = sandbox.newWallet(Role.RECEIVER, new WalletSpec("USD", null));
    properties.put(KitSettings.RECEIVER, usdReceiver);

    try (WalletTarget withoutOther = open()) {
      assertThatThrownBy(
              () -> withoutOther.newWallet(Role.RECEIVER, WalletSpec.otherAssetThan("USD")))
          .isInstanceOf(NotOnThisTarget.class)
          .hasMessageContaining("set opkit.wallet.receiver-other-asset");
    }

    properties.put(KitSettings.RECEIVER_OTHER_ASSET, receiver);
    WalletTarget target = open();
    assertThat(target.newWallet(Role.RECEIVER, WalletSpec.otherAssetThan("USD")))
        .isEqualTo(receiver);
    assertThat(target.newWallet(Role.RECEIVER, WalletSpec.ANY)).isEqualTo(usdReceiver);
  }

  @Test
  void walletAddressUrlWhenPaymentPointerThenHttpsUrl() {
    assertThat(WalletTarget.walletAddressUrl("$ilp.interledger-test.dev/alice"))
        .isEqualTo("https://ilp.interledger-test.dev/alice");
    assertThat(WalletTarget.walletAddressUrl("https://ilp.interledger-test.dev/alice/"))
        .isEqualTo("https://ilp.interledger-test.dev/alice");
  }
}

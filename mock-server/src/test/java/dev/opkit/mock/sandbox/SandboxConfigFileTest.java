package dev.opkit.mock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.gnap.HashEncoding;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxConfigFileTest {
  @Test
  void bundledDefaultWhenReadThenEqualsTheBuiltInDefaults() {
    assertThat(SandboxConfigFile.bundledDefault()).isEqualTo(SandboxConfig.defaults());
  }

  @Test
  void readWhenJsonFileThenSettingsAndDefaultsForTheRest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sandbox.json");
    Files.writeString(
        file,
        """
        {"profile":"strict","quoteLifetime":"PT1M",
         "rates":[{"from":"USD","to":"GBP","rate":"0.79"}],
         "ases":[{"name":"bank","port":5000,"publicUrl":"https://bank.example/",
                  "profileOverrides":{"finishHashEncoding":"STANDARD_PADDED"},
                  "wallets":[{"name":"zoe","assetCode":"GBP","assetScale":2,"balance":"5"}]}]}
        """);

    SandboxConfig config = SandboxConfigFile.read(file);

    assertThat(config.quoteLifetime()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.rates().get(0).rate()).isEqualByComparingTo(new BigDecimal("0.79"));
    AseConfig bank = config.ases().get(0);
    assertThat(bank.publicUrl()).isEqualTo("https://bank.example");
    assertThat(config.profileOf(bank).name()).isEqualTo("strict");
    assertThat(config.profileOf(bank).finishHashEncoding()).isEqualTo(HashEncoding.STANDARD_PADDED);
    assertThat(bank.wallets().get(0).balance()).isEqualTo(5);
    assertThat(config.host()).isEqualTo(SandboxConfig.DEFAULT_HOST);
  }

  @Test
  void parseWhenTheReadmeExampleThenEveryFieldIsTaken() {
    SandboxConfig config =
        SandboxConfigFile.parse(
            """
            profile: strict
            quoteLifetime: PT10M
            fees: { basisPoints: 50, fixed: 25 }
            rates:
              - { from: USD, to: EUR, rate: 0.92 }
              - { from: USD, to: GBP, rate: 0.79 }
            admin: { secret: change-me }
            webhookUrl: http://localhost:8080/webhooks
            ases:
              - name: bank
                port: 4000
                publicUrl: https://bank.sandbox.example
                profileOverrides: { finishHashEncoding: STANDARD_PADDED }
                wallets:
                  - { name: alice, publicName: Alice, assetCode: USD, assetScale: 2, balance: 100000 }
                  - name: my-app
                    publicName: My app
                    assetCode: USD
                    assetScale: 2
                    keys: [{ kid: my-key, alg: EdDSA, kty: OKP, crv: Ed25519, x: 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo }]
              - name: shop
                port: 4100
                wallets:
                  - { name: till, assetCode: GBP, assetScale: 2 }
            """,
            "README");

    assertThat(config.fees()).isEqualTo(new FeeConfig(50, java.math.BigInteger.valueOf(25)));
    assertThat(config.rates()).hasSize(2);
    assertThat(config.admin().secret()).isEqualTo("change-me");
    assertThat(config.admin().isEnabled()).isTrue();
    assertThat(config.webhookUrl()).isEqualTo("http://localhost:8080/webhooks");
    assertThat(config.ases()).extracting(AseConfig::name).containsExactly("bank", "shop");
    assertThat(config.ases().get(1).wallets().get(0).balance()).isZero();
    assertThat(config.ases().get(0).wallets().get(1).keys())
        .extracting(Jwk::kid)
        .containsExactly("my-key");
  }

  @Test
  void parseWhenStorageBlockThenTheDatabaseOrTheDataDirectoryAndNeverBoth() {
    assertThat(SandboxConfigFile.parse("{}", "test").storage()).isEqualTo(StorageConfig.IN_MEMORY);
    assertThat(
            SandboxConfigFile.parse("storage: { dbUrl: jdbc:postgresql://db/sandbox }", "test")
                .storage())
        .isEqualTo(StorageConfig.database("jdbc:postgresql://db/sandbox"));
    assertThat(SandboxConfigFile.parse("storage: { dataDir: /var/lib/opkit }", "test").storage())
        .isEqualTo(StorageConfig.dataDirectory(Path.of("/var/lib/opkit")));
    assertThatThrownBy(
            () ->
                SandboxConfigFile.parse(
                    "storage: { dbUrl: jdbc:postgresql://db/s, dataDir: /tmp/s }", "test"))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> SandboxConfigFile.parse("storage: { dbUrl: postgres://db/s }", "test"))
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void parseWhenWebhookBlockThenSettingsAndTheSecretNeverInToString() {
    SandboxConfig config =
        SandboxConfigFile.parse(
            "webhookUrl: http://localhost:8080/h\n"
                + "webhook: { secret: s3cret, retryBackoff: PT1S, maxAttempts: 3 }",
            "t");

    assertThat(config.webhook().secret()).isEqualTo("s3cret");
    assertThat(config.webhook().waitAfter(1)).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(config.webhook().waitAfter(9)).isEqualTo(java.time.Duration.ofSeconds(6));
    assertThat(config.webhook().maxAttempts()).isEqualTo(3);
    assertThat(config.webhook().timeout()).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(config.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> SandboxConfigFile.parse("webhook: { maxAttempts: 0 }", "t"))
        .hasMessageContaining("webhook.maxAttempts must be from 1 to 100");
    assertThatThrownBy(() -> SandboxConfigFile.parse("webhookUrl: localhost:8080", "t"))
        .hasMessageContaining("absolute http or https URL");
  }

  @Test
  void parseWhenUnknownKeyThenRefusedNamingIt() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("quoteLifetme: PT1M", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quoteLifetme");
  }

  @Test
  void parseWhenAllowedHostsThenNormalisedAndAddedToTheSandboxNames() {
    SandboxConfig config =
        SandboxConfigFile.parse(
            "host: 0.0.0.0\nallowedHosts: [My-Laptop.local, '::1', 10.0.0.7]\n"
                + "ases: [{name: a, port: 1, publicUrl: 'https://Bank.example/a'}]",
            "test");

    assertThat(config.allowedHosts()).containsExactly("my-laptop.local", "[::1]", "10.0.0.7");
    assertThat(config.hostNames().names())
        .containsExactlyInAnyOrder(
            "localhost", "127.0.0.1", "[::1]", "bank.example", "my-laptop.local", "10.0.0.7");
  }

  @Test
  void parseWhenAllowedHostHasSchemeOrPortThenRefusedNamingTheForm() {
    for (String entry : List.of("http://my-laptop.local", "my-laptop.local:4000", "a/b", "")) {
      assertThatThrownBy(() -> SandboxConfigFile.parse("allowedHosts: ['" + entry + "']", "test"))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("allowedHosts")
          .hasMessageContaining("without scheme or port");
    }
  }

  @Test
  void parseWhenUnknownKeyThenNamesTheValidKeysWithoutJavaClasses() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("quoteLifetme: PT1M", "test"))
        .hasMessage(
            "config test at 'quoteLifetme': unknown key 'quoteLifetme'; the keys here are admin,"
                + " allowedHosts, ases, auth, eventLogCapacity, fees, host, misbehaviours,"
                + " processingDelay, profile, profileOverrides, quoteLifetime, rates, scenario,"
                + " storage, webhook, webhookUrl");
    assertThatThrownBy(() -> SandboxConfigFile.parse("ases: [{name: a, port: 1, prot: 2}]", "test"))
        .hasMessageStartingWith("config test at 'ases[0].prot': unknown key 'prot'; the keys here")
        .hasMessageContaining("port, profile")
        .hasMessageNotContaining("dev.opkit");
  }

  @Test
  void parseWhenDurationOrNumberUnreadableThenSaysTheExpectedFormWithoutJavaTypes() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("quoteLifetime: 5m", "test"))
        .hasMessage(
            "config test at 'quoteLifetime': expected an ISO 8601 duration such as PT5M (5"
                + " minutes), PT30S (30 seconds) or PT1H (an hour), got '5m'");
    assertThatThrownBy(() -> SandboxConfigFile.parse("ases: [{name: a, port: abc}]", "test"))
        .hasMessage("config test at 'ases[0].port': expected a whole number, got 'abc'");
  }

  @Test
  void parseWhenARequiredWalletFieldIsMissingThenSaysWhichWithoutJavaClasses() {
    assertThatThrownBy(
            () ->
                SandboxConfigFile.parse(
                    "ases: [{name: a, port: 1, wallets: [{name: zoe, assetCode: USD}]}]", "test"))
        .hasMessage("config test at 'ases[0].wallets[0]': wallet 'zoe' needs an assetScale");
  }

  @Test
  void parseWhenAnAssetCodeIsLowerCaseThenRefusedNamingTheUpperCaseForm() {
    assertThatThrownBy(
            () ->
                SandboxConfigFile.parse(
                    "ases: [{name: a, port: 1, wallets: [{name: zoe, assetCode: usd,"
                        + " assetScale: 2}]}]",
                    "test"))
        .hasMessageContaining("wallet 'zoe': asset code 'usd' must be upper-case")
        .hasMessageContaining("e.g. USD");
    assertThatThrownBy(
            () -> SandboxConfigFile.parse("rates: [{from: usd, to: EUR, rate: 0.9}]", "test"))
        .hasMessageContaining("asset code 'usd' must be upper-case");
  }

  @Test
  void parseWhenSeedWalletHasKeysThenTheStartedSandboxServesThem() throws Exception {
    Jwk key = Ed25519KeyPair.generate().toJwk("app-key");
    SandboxConfig config =
        SandboxConfigFile.parse(
            "ases: [{name: bank, port: 5000, wallets: [{name: app, assetCode: USD, assetScale: 2,"
                + " keys: ["
                + Json.write(key)
                + "]}]}]",
            "test");
    Sandbox sandbox = Sandbox.create(config.ephemeral()).start();
    try {
      HttpResponse<String> jwks =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(sandbox.ase("bank").resourceServerUrl() + "/app/jwks.json"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(jwks.statusCode()).as(jwks.body()).isEqualTo(200);
      assertThat(Json.mapper().readTree(jwks.body()).path("keys").get(0).path("x").asText())
          .isEqualTo(key.x());
    } finally {
      sandbox.stop();
    }
  }

  @Test
  void parseWhenSeedKeyIsBadThenRefusedNamingTheWallet() {
    assertThatThrownBy(
            () ->
                SandboxConfigFile.parse(
                    "ases: [{name: bank, port: 5000, wallets: [{name: app, assetCode: USD,"
                        + " assetScale: 2, keys: [{kid: k, alg: EdDSA, kty: OKP, crv: Ed25519,"
                        + " x: abc}]}]}]",
                    "test"))
        .hasMessageContaining("app")
        .hasMessageContaining("not an Open Payments key");
  }

  @Test
  void parseWhenReservedWalletNameThenRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                SandboxConfigFile.parse(
                    "ases: [{name: a, port: 1, wallets: [{name: quotes, assetCode: USD, assetScale: 2}]}]",
                    "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void parseWhenTwoAsesShareAPortThenRefused() {
    assertThatThrownBy(
            () ->
                SandboxConfigFile.parse(
                    "ases: [{name: a, port: 4000}, {name: b, port: 4000}]", "t"))
        .hasMessageContaining("port 4000");
  }

  @Test
  void parseWhenUnknownProfileOrSwitchThenRefused() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("profile: lenient", "t"))
        .hasMessageContaining("rafiki or strict");
    assertThatThrownBy(() -> SandboxConfigFile.parse("profileOverrides: {colour: red}", "t"))
        .hasMessageContaining("unknown profile switch 'colour'");
  }

  @Test
  void readWhenFileMissingThenSaysSo() {
    assertThatThrownBy(() -> SandboxConfigFile.read(Path.of("/nonexistent/sandbox.yaml")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void ephemeralWhenAskedThenFreePortsOnLoopbackWithTheSameSeed() {
    SandboxConfig ephemeral = SandboxConfig.defaults().ephemeral();

    assertThat(ephemeral.ases()).allSatisfy(a -> assertThat(a.port()).isZero());
    assertThat(ephemeral.host()).isEqualTo("127.0.0.1");
    assertThat(ephemeral.ases().get(0).wallets())
        .isEqualTo(SandboxConfig.defaults().ases().get(0).wallets());
  }
}

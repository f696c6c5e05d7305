package dev.opkit.mock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.gnap.HashEncoding;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  }

  @Test
  void parseWhenUnknownKeyThenRefusedNamingIt() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("quoteLifetme: PT1M", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quoteLifetme");
  }

  @Test
  void parseWhenUnknownKeyThenNamesTheValidKeysWithoutJavaClasses() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("quoteLifetme: PT1M", "test"))
        .hasMessage(
            "config test at 'quoteLifetme': unknown key 'quoteLifetme'; the keys here are admin,"
                + " ases, auth, eventLogCapacity, fees, host, processingDelay, profile,"
                + " profileOverrides, quoteLifetime, rates, webhookUrl");
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

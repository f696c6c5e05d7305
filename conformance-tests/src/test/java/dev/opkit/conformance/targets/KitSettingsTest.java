package dev.opkit.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitSettingsTest {
  @TempDir Path dir;

  private Path config(String text) throws IOException {
    Path file = dir.resolve("kit.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void targetWhenNothingSetThenSandbox() {
    assertThat(KitSettings.load(Map.of(), Map.of()).target()).isEqualTo(TargetKind.SANDBOX);
  }

  @Test
  void loadWhenSetEverywhereThenPropertyBeatsEnvironmentBeatsFile() throws IOException {
    Path file =
        config(
            "opkit.target=wallet\nopkit.wallet.sender=https://file.example/a\n"
                + "opkit.wallet.receiver=https://file.example/b\n");

    KitSettings settings =
        KitSettings.load(
            Map.of(KitSettings.CONFIG, file.toString(), KitSettings.TARGET, "url"),
            Map.of("OPKIT_TARGET", "sandbox", "OPKIT_WALLET_SENDER", "https://env.example/a"));

    assertThat(settings.target()).isEqualTo(TargetKind.URL);
    assertThat(settings.optional(KitSettings.SENDER)).contains("https://env.example/a");
    assertThat(settings.optional(KitSettings.RECEIVER)).contains("https://file.example/b");
    assertThat(settings.describe(KitSettings.RECEIVER)).contains("in " + file);
    assertThat(settings.describe(KitSettings.SENDER))
        .contains("environment variable OPKIT_WALLET_SENDER");
  }

  @Test
  void loadWhenUnknownKeyInFileThenRefusedNamingIt() throws IOException {
    Path file = config("opkit.wallet.sendr=https://typo.example/a\n");

    assertThatThrownBy(
            () -> KitSettings.load(Map.of(KitSettings.CONFIG, file.toString()), Map.of()))
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("unknown setting opkit.wallet.sendr");
  }

  @Test
  void loadWhenConfigFileMissingThenSaysWhichFile() {
    assertThatThrownBy(
            () ->
                KitSettings.load(
                    Map.of(KitSettings.CONFIG, dir.resolve("none.properties").toString()),
                    Map.of()))
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("cannot read the config file")
        .hasMessageContaining("none.properties");
  }

  @Test
  void requiredWhenMissingThenNamesPropertyAndEnvironmentVariable() {
    KitSettings settings = KitSettings.load(Map.of(), Map.of());

    assertThatThrownBy(() -> settings.required(KitSettings.KEY_ID, "the id of your key"))
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("opkit.wallet.key-id is not set; it is the id of your key")
        .hasMessageContaining("OPKIT_WALLET_KEY_ID");
  }

  @Test
  void targetWhenUnknownThenListsTheChoices() {
    KitSettings settings = KitSettings.load(Map.of(KitSettings.TARGET, "prod"), Map.of());

    assertThatThrownBy(settings::target)
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("sandbox, url, wallet")
        .hasMessageContaining("'prod'");
  }

  @Test
  void pathWhenFromConfigFileThenRelativeToIt() throws IOException {
    Path file = config("opkit.wallet.private-key=keys/private.key\n");

    KitSettings settings = KitSettings.load(Map.of(KitSettings.CONFIG, file.toString()), Map.of());

    assertThat(settings.path(KitSettings.PRIVATE_KEY, "the key"))
        .isEqualTo(dir.resolve("keys/private.key"));
  }

  @Test
  void pathWhenFromEnvironmentThenRelativeToWorkdir() {
    KitSettings settings =
        KitSettings.load(
            Map.of(KitSettings.WORKDIR, dir.toString()),
            Map.of("OPKIT_WALLET_PRIVATE_KEY", "private.key"));

    assertThat(settings.path(KitSettings.PRIVATE_KEY, "the key"))
        .isEqualTo(dir.resolve("private.key"));
  }

  @Test
  void directoryOfWhenFromConfigFileThenItsDirectoryElseTheWorkdir() throws IOException {
    Path file = config("opkit.consent.command=./consent.sh\n");
    Path workdir = Files.createDirectories(dir.resolve("elsewhere"));

    KitSettings fromFile =
        KitSettings.load(
            Map.of(KitSettings.CONFIG, file.toString(), KitSettings.WORKDIR, workdir.toString()),
            Map.of());
    KitSettings fromProperty =
        KitSettings.load(
            Map.of(
                KitSettings.CONSENT_COMMAND,
                "./consent.sh",
                KitSettings.WORKDIR,
                workdir.toString()),
            Map.of());

    assertThat(fromFile.directoryOf(KitSettings.CONSENT_COMMAND)).isEqualTo(file.getParent());
    assertThat(fromProperty.directoryOf(KitSettings.CONSENT_COMMAND)).isEqualTo(workdir);
  }

  @Test
  void listWhenCommaSeparatedThenTrimmed() {
    KitSettings settings =
        KitSettings.load(Map.of(KitSettings.SANDBOX_URLS, " http://a:1 , http://b:2 ,"), Map.of());

    assertThat(settings.list(KitSettings.SANDBOX_URLS, List.of()))
        .containsExactly("http://a:1", "http://b:2");
  }

  @Test
  void durationWhenNotIsoThenRefusedWithExample() {
    KitSettings settings =
        KitSettings.load(Map.of(KitSettings.CONSENT_TIMEOUT, "5 minutes"), Map.of());

    assertThat(
            KitSettings.load(Map.of(), Map.of())
                .duration(KitSettings.CONSENT_TIMEOUT, Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> settings.duration(KitSettings.CONSENT_TIMEOUT, Duration.ZERO))
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("such as PT5M");
  }

  @Test
  void flagWhenNeitherTrueNorFalseThenRefused() {
    KitSettings settings = KitSettings.load(Map.of(KitSettings.OPEN_BROWSER, "yes"), Map.of());

    assertThatThrownBy(() -> settings.flag(KitSettings.OPEN_BROWSER, true))
        .isInstanceOf(KitSetupException.class)
        .hasMessageContaining("true or false");
  }

  @Test
  void loadWhenTheDocumentedExampleConfigThenEveryKeyIsKnownAndTargetIsWallet() {
    Path example = Path.of("kit-wallet.example.properties").toAbsolutePath();

    KitSettings settings =
        KitSettings.load(Map.of(KitSettings.CONFIG, example.toString()), Map.of());

    assertThat(settings.target()).isEqualTo(TargetKind.WALLET);
    assertThat(settings.optional(KitSettings.SENDER))
        .contains("https://ilp.interledger-test.dev/alice");
    assertThat(settings.path(KitSettings.PRIVATE_KEY, "the key"))
        .isEqualTo(example.getParent().resolve("private.key"));
  }

  @Test
  void environmentNameWhenDottedAndDashedThenUnderscores() {
    assertThat(KitSettings.environmentName("opkit.consent.finish-uri"))
        .isEqualTo("OPKIT_CONSENT_FINISH_URI");
  }
}

package dev.opkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @Test
  void checkWhenDefaultConfigThenStartsAnswersAndExitsZero() {
    assertThat(new CommandLine(new Main()).execute("--check")).isZero();
  }

  @Test
  void checkWhenConfigFileAndFlagsThenApplied(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sandbox.yaml");
    Files.writeString(
        file,
        "ases: [{name: bank, port: 4000, wallets: [{name: zoe, assetCode: GBP, assetScale: 2}]}]");

    assertThat(
            new CommandLine(new Main())
                .execute("--config", file.toString(), "--profile", "strict", "--check"))
        .isZero();
  }

  @Test
  void checkWhenAllowedHostFlagThenAcceptedAndBadNameExitsTwo() {
    assertThat(
            new CommandLine(new Main())
                .execute("--allowed-host", "my-laptop.local,10.0.0.7", "--check"))
        .isZero();
    assertThat(new CommandLine(new Main()).execute("--allowed-host", "http://x", "--check"))
        .isEqualTo(2);
  }

  @Test
  void runWhenFlagNamesAnUnknownProviderThenExitTwo() {
    assertThat(new CommandLine(new Main()).execute("--port", "nope=5000", "--check")).isEqualTo(2);
  }

  @Test
  void runWhenConfigFileMissingOrProfileUnknownThenExitTwo() {
    assertThat(new CommandLine(new Main()).execute("--config", "/nonexistent.yaml")).isEqualTo(2);
    assertThat(new CommandLine(new Main()).execute("--profile", "lenient", "--check")).isEqualTo(2);
  }

  @Test
  void runWhenWebhookUrlIsNotHttpThenExitTwoAndWithSecretFlagThenStarts() {
    assertThat(
            new CommandLine(new Main())
                .execute("--webhook-url", "ftp://files.example/hooks", "--check"))
        .isEqualTo(2);
    assertThat(
            new CommandLine(new Main())
                .execute(
                    "--webhook-url",
                    "http://127.0.0.1:9/hooks",
                    "--webhook-secret",
                    "s3cret",
                    "--check"))
        .isZero();
  }
}

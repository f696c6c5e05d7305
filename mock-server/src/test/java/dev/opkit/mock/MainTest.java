package dev.opkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.PortInUseException;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void checkWhenConfigurationWorksThenItsOneRequestIsAnsweredWithSuccess() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.check(
            SandboxConfig.defaults().ephemeral(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("configuration OK (2 providers; GET /alice answered 200)");
  }

  @Test
  void runWhenAFlagValueIsNotAseEqualsValueThenOneClearMessage() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err, true));

    assertThat(cli.execute("--port", "5000", "--check")).isEqualTo(2);
    assertThat(cli.execute("--port", "ase1=abc", "--check")).isEqualTo(2);

    assertThat(err.toString())
        .contains("Invalid value for option '--port' (ASE=PORT): '5000' is not ASE=VALUE")
        .doesNotContain("option option");
  }

  @Test
  void runWhenADurationFlagIsNotIsoThenSaysTheFormWithoutJavaTypes() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err, true));

    assertThat(cli.execute("--processing-delay", "2s", "--check")).isEqualTo(2);

    assertThat(err.toString())
        .contains("'2s' is not an ISO 8601 duration; write it like PT2S")
        .doesNotContain("java.");
  }

  @Test
  void bannerWhenAPublicUrlIsSetThenAlsoShowsWhereTheProviderListens() {
    SandboxConfig config = SandboxConfig.defaults().ephemeral();
    config =
        config.withAses(
            List.of(
                config.ases().get(0).withPublicUrl("https://wallet.example"),
                config.ases().get(1)));
    try (Sandbox sandbox = Sandbox.create(config).start()) {
      ByteArrayOutputStream banner = new ByteArrayOutputStream();

      Main.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8), sandbox, 5);

      Ase ase1 = sandbox.ase("ase1");
      assertThat(banner.toString(StandardCharsets.UTF_8))
          .contains(
              "ase1  https://wallet.example  (profile rafiki; listening on 127.0.0.1:"
                  + sandbox.port(ase1)
                  + ")")
          .contains("ase2  " + sandbox.ase("ase2").publicBase() + "  (profile rafiki)");
    }
  }

  @Test
  void startWhenAPortIsTakenThenTheMessageNamesProviderAndPort() {
    try (Sandbox first = Sandbox.create(SandboxConfig.defaults().ephemeral()).start()) {
      int taken = first.port(first.ase("ase1"));
      SandboxConfig config = SandboxConfig.defaults().ephemeral();
      config = config.withAses(List.of(config.ases().get(0).withPort(taken), config.ases().get(1)));
      Sandbox second = Sandbox.create(config);

      assertThatThrownBy(second::start)
          .isInstanceOf(PortInUseException.class)
          .hasMessageStartingWith("ase1 cannot listen on 127.0.0.1:" + taken)
          .hasMessageContaining("already in use")
          .hasMessageContaining("--port ase1=PORT");
      second.stop();
    }
  }
}

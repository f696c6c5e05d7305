package dev.opkit.conformance.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.conformance.standin.StandInRafikiInteraction;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example {@code consent.sh} (section "Consent without a person"), run as the kit runs
 * an operator's consent command, against a stand-in of Rafiki's interaction routes and
 * identity-provider API: the example does what the README says it does.
 */
class ReadmeConsentScriptTest {
  private static final Pattern SCRIPT =
      Pattern.compile("```sh\n(#!/bin/sh\n# \\./consent\\.sh .*?)```", Pattern.DOTALL);
  private static final String README_IDP = "idp=https://auth-interaction.staging.wallet.example";
  private static final String SECRET = "readme-idp-secret";
  private static final ScenarioRef SCENARIO =
      new ScenarioRef("grants/outgoing-payment-grant.feature", 19, "The user accepts the grant");

  @TempDir Path dir;
  private FinishListener listener;
  private StandInRafikiInteraction rafiki;

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    listener = FinishListener.open("http://localhost:" + port);
    rafiki = StandInRafikiInteraction.start(SECRET);
  }

  @AfterEach
  void stop() {
    listener.close();
    rafiki.close();
  }

  /** The README's script, its identity provider pointed at the stand-in, beside a config file. */
  private void writeScript() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher script = SCRIPT.matcher(readme);
    assertThat(script.find()).as("the README shows consent.sh").isTrue();
    assertThat(script.group(1)).contains(README_IDP);
    Path file = dir.resolve("consent.sh");
    Files.writeString(file, script.group(1).replace(README_IDP, "idp=" + rafiki.idpUrl()));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  private static boolean curlRuns() {
    try {
      Process curl = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      curl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return curl.waitFor(10, TimeUnit.SECONDS) && curl.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private InteractionResult consent(Decision decision) throws IOException {
    assumeTrue(curlRuns(), "the README's consent.sh needs curl");
    writeScript();
    Consent consent =
        new CommandConsent(
            "IDP_SECRET=" + SECRET + " ./consent.sh",
            dir,
            listener.expect(),
            SCENARIO,
            Duration.ofSeconds(30));
    Interaction interaction = rafiki.newInteraction(consent.finishUri(), "client-nonce");
    InteractionResult result = consent.answer(interaction, decision);
    if (result instanceof InteractionResult.Approved approved) {
      assertThat(interaction.hashMatches(approved.interactRef(), approved.hash())).isTrue();
    }
    return result;
  }

  @Test
  void consentWhenAcceptThenApprovedThroughTheIdentityProvider() throws IOException {
    InteractionResult result = consent(Decision.ACCEPT);

    assertThat(result).isInstanceOf(InteractionResult.Approved.class);
    assertThat(rafiki.requests())
        .anyMatch(request -> request.startsWith("POST /grant/") && request.endsWith(" secret"));
  }

  @Test
  void consentWhenRejectThenTheWalletSaysGrantRejected() throws IOException {
    InteractionResult result = consent(Decision.REJECT);

    assertThat(result).isInstanceOf(InteractionResult.Refused.class);
    assertThat(((InteractionResult.Refused) result).rejectedByUser()).isTrue();
  }
}

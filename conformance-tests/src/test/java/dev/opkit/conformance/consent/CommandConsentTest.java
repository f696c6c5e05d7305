package dev.opkit.conformance.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.conformance.standin.OperatorConsentScript;
import dev.opkit.conformance.standin.StandInRafikiInteraction;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's consent command, run for real with {@code sh}. */
class CommandConsentTest {
  private static final ScenarioRef SCENARIO =
      new ScenarioRef("grants/outgoing-payment-grant.feature", 19, "The user accepts the grant");

  @TempDir Path dir;
  private FinishListener listener;

  @BeforeEach
  void listen() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    listener = FinishListener.open("http://localhost:" + port);
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  private static Interaction interaction(String redirect, String finishUri) {
    return new Interaction(redirect, finishUri, "client-nonce", "SERVERNONCE", "http://as.example");
  }

  @Test
  void answerWhenCommandPrintsTheFinishRedirectThenItsResultWithTheArgumentsAndEnvironment() {
    FinishListener.Expected finish = listener.expect();
    String command =
        "answer() { test $# -eq 3 && test \"$1\" = \"$OPKIT_CONSENT_URL\""
            + " && test \"$2\" = \"$OPKIT_CONSENT_DECISION\""
            + " && test \"$3\" = \"$OPKIT_CONSENT_FINISH_URI\""
            + " && test \"$OPKIT_SCENARIO\" = 'The user accepts the grant'"
            + " && printf 'opening %s\\n%s?result=%s\\n' \"$1\" \"$3\" \"$2\"; }; answer";
    Consent consent = new CommandConsent(command, dir, finish, SCENARIO, Duration.ofSeconds(10));

    InteractionResult result =
        consent.answer(
            interaction("http://as.example/interact/1/N", consent.finishUri()), Decision.REJECT);

    assertThat(result).isEqualTo(new InteractionResult.Refused("reject", null));
    assertThat(consent.finishUri()).matches("http://localhost:[0-9]+/opkit-[0-9a-f]{24}");
  }

  @Test
  void answerWhenCommandIsAScriptBesideTheConfigFileThenItRunsThereWithTheThreeArguments()
      throws IOException {
    Path script = dir.resolve("consent.sh");
    Files.writeString(
        script,
        "#!/bin/sh\n[ $# -eq 3 ] && [ -f kit-wallet.properties ] && echo \"$3?result=$2\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("kit-wallet.properties"), "opkit.consent.command=./consent.sh\n");
    FinishListener.Expected finish = listener.expect();
    Consent consent =
        new CommandConsent("./consent.sh", dir, finish, SCENARIO, Duration.ofSeconds(10));

    InteractionResult result =
        consent.answer(
            interaction("http://as.example/interact/1/N", consent.finishUri()), Decision.REJECT);

    assertThat(result).isEqualTo(new InteractionResult.Refused("reject", null));
  }

  @Test
  void answerWhenCommandDrivesTheIdentityProviderAndTheBrowserComesBackThenApproved() {
    try (StandInRafikiInteraction rafiki = StandInRafikiInteraction.start("s3cret")) {
      FinishListener.Expected finish = listener.expect();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String command =
          "'"
              + java
              + "' -cp '"
              + System.getProperty("java.class.path")
              + "' "
              + OperatorConsentScript.class.getName()
              + " "
              + rafiki.idpUrl()
              + " s3cret";
      Consent consent = new CommandConsent(command, dir, finish, SCENARIO, Duration.ofSeconds(30));
      Interaction interaction = rafiki.newInteraction(consent.finishUri(), "client-nonce");

      InteractionResult result = consent.answer(interaction, Decision.ACCEPT);

      assertThat(result).isInstanceOf(InteractionResult.Approved.class);
      InteractionResult.Approved approved = (InteractionResult.Approved) result;
      assertThat(interaction.hashMatches(approved.interactRef(), approved.hash())).isTrue();
    }
  }

  @Test
  void answerWhenCommandFailsThenFailureWithItsExitStatusAndOutput() {
    Consent consent =
        new CommandConsent(
            "echo 'the identity provider said no' >&2; exit 3",
            dir,
            listener.expect(),
            SCENARIO,
            Duration.ofSeconds(10));

    assertThatThrownBy(
            () ->
                consent.answer(
                    interaction("http://as.example/interact/1/N", consent.finishUri()),
                    Decision.ACCEPT))
        .isInstanceOf(ConsentFailure.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("the identity provider said no");
  }

  @Test
  void answerWhenCommandRunsPastTheTimeoutThenTimedOutAndStopped() {
    Consent consent =
        new CommandConsent(
            "sleep 30; true", dir, listener.expect(), SCENARIO, Duration.ofSeconds(1));
    long started = System.nanoTime();

    InteractionResult result =
        consent.answer(
            interaction("http://as.example/interact/1/N", consent.finishUri()), Decision.ACCEPT);

    assertThat(result).isInstanceOf(InteractionResult.TimedOut.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }
}

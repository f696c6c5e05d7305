package dev.opkit.conformance.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.standin.StandInRafikiInteraction;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consent through Rafiki's identity-provider API, against a stand-in of its interaction routes. */
class RafikiIdpConsentTest {
  private static final String SECRET = "replace-me-idp-secret";
  private static final String FINISH = "http://localhost:3344/opkit-test";

  private static StandInRafikiInteraction rafiki;

  @BeforeAll
  static void start() {
    rafiki = StandInRafikiInteraction.start(SECRET);
  }

  @AfterAll
  static void stop() {
    rafiki.close();
  }

  private static RafikiIdpConsent consent(String secret) {
    return new RafikiIdpConsent(rafiki.idpUrl(), secret, FINISH, Duration.ofSeconds(5));
  }

  @Test
  void answerWhenAcceptThenApprovedWithAHashThatProvesTheInteraction() {
    Interaction interaction = rafiki.newInteraction(FINISH, "client-nonce-1");

    InteractionResult result = consent(SECRET).answer(interaction, Decision.ACCEPT);

    assertThat(result).isInstanceOf(InteractionResult.Approved.class);
    InteractionResult.Approved approved = (InteractionResult.Approved) result;
    assertThat(interaction.hashMatches(approved.interactRef(), approved.hash())).isTrue();
    String id = interaction.redirect().split("/interact/")[1].split("\\?")[0];
    assertThat(rafiki.requests())
        .containsSubsequence(
            "GET /interact/" + id,
            "POST /grant/" + id + "/accept secret",
            "GET /interact/" + id + "/finish cookie");
  }

  @Test
  void answerWhenRejectThenTheWalletSaysGrantRejected() {
    Interaction interaction = rafiki.newInteraction(FINISH, "client-nonce-2");

    InteractionResult result = consent(SECRET).answer(interaction, Decision.REJECT);

    assertThat(result).isInstanceOf(InteractionResult.Refused.class);
    assertThat(((InteractionResult.Refused) result).rejectedByUser()).isTrue();
  }

  @Test
  void answerWhenSecretWrongThenFailureNamesTheSettingButNotTheSecret() {
    Interaction interaction = rafiki.newInteraction(FINISH, "client-nonce-3");

    assertThatThrownBy(() -> consent("wrong-secret").answer(interaction, Decision.ACCEPT))
        .isInstanceOf(ConsentFailure.class)
        .hasMessageContaining("refused the shared secret")
        .hasMessageContaining("opkit.consent.rafiki-idp-secret")
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void answerWhenTheSecretIsSentThenOnlyToTheIdentityProvider() {
    Interaction interaction = rafiki.newInteraction(FINISH, "client-nonce-4");

    consent(SECRET).answer(interaction, Decision.ACCEPT);

    assertThat(rafiki.requests())
        .filteredOn(request -> request.contains(" secret"))
        .allMatch(request -> request.startsWith("POST /grant/"));
  }
}

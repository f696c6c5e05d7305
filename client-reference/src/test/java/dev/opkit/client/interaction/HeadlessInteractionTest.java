package dev.opkit.client.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.FakeServer;
import dev.opkit.client.FakeServer.Reply;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeadlessInteractionTest {
  private final FakeServer server =
      new FakeServer(Ed25519KeyPair.generate().publicKey(), "k", Clock.systemUTC());

  @AfterEach
  void close() {
    server.close();
  }

  /** A page shaped like the sandbox's: a hidden per-page token and two buttons. */
  private static final String CONSENT_PAGE =
      """
      <!doctype html><html><body><h1>Grant access?</h1>
      <form method="post" action="/interact/1/N">
      <input type="hidden" name="consent_token" value="T+1&#x3D;">
      <button type="submit" name="decision" value="accept">Accept</button>
      <button type="submit" name="decision" value="reject">Reject</button>
      </form></body></html>""";

  private Interaction interaction() {
    return new Interaction(
        server.url("/interact/1/N"), "http://localhost:3344/back", "C", "S", server.url("/auth"));
  }

  private void consentPage() {
    server.route(
        request -> {
          if (request.method().equals("GET")) {
            return Optional.of(new Reply(200, CONSENT_PAGE, Map.of(), 0));
          }
          String location =
              request.body().equals("consent_token=T%2B1%3D&decision=accept")
                  ? "http://localhost:3344/back?hash=ab%2Bc%3D&interact_ref=REF"
                  : "http://localhost:3344/back?result=grant_rejected";
          return Optional.of(new Reply(303, "", Map.of("Location", location), 0));
        });
  }

  @Test
  void interactWhenAcceptedThenApprovedFromLocation() {
    consentPage();
    HeadlessInteraction handler =
        new HeadlessInteraction(
            "http://localhost:3344/back",
            HeadlessInteraction.Decision.ACCEPT,
            Duration.ofSeconds(5));

    InteractionResult result = handler.interact(interaction());

    assertThat(result).isEqualTo(new InteractionResult.Approved("REF", "ab+c="));
    assertThat(server.received())
        .extracting(FakeServer.Received::method)
        .containsExactly("GET", "POST");
    assertThat(server.last().header("Content-Type")).contains("application/x-www-form-urlencoded");
    assertThat(server.last().url()).isEqualTo(server.url("/interact/1/N"));
  }

  @Test
  void interactWhenPageHasNoPostFormThenConsentPageExceptionNamingThePage() {
    server.route(request -> Optional.of(new Reply(200, "<p>Log in first</p>", Map.of(), 0)));

    assertThatThrownBy(() -> HeadlessInteraction.accepting().interact(interaction()))
        .isInstanceOf(ConsentPageException.class)
        .hasMessageContaining("has no POST form")
        .hasMessageContaining("Log in first");
  }

  @Test
  void interactWhenRejectedThenRefusedByUser() {
    consentPage();
    HeadlessInteraction handler =
        new HeadlessInteraction(
            "http://localhost:3344/back",
            HeadlessInteraction.Decision.REJECT,
            Duration.ofSeconds(5));

    InteractionResult result = handler.interact(interaction());

    assertThat(result)
        .isInstanceOfSatisfying(
            InteractionResult.Refused.class, r -> assertThat(r.rejectedByUser()).isTrue());
    assertThat(server.last().body()).isEqualTo("consent_token=T%2B1%3D&decision=reject");
  }

  @Test
  void constructWhenFinishUriBreaksTheProtocolRuleThenRefused() {
    assertThatThrownBy(
            () ->
                new HeadlessInteraction(
                    "javascript:alert(1)",
                    HeadlessInteraction.Decision.ACCEPT,
                    Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 9635 §2.5.2")
        .hasMessageContaining("javascript");
  }

  @Test
  void interactWhenConsentPageMissingThenConsentPageExceptionWithStatus() {
    HeadlessInteraction handler = HeadlessInteraction.accepting();

    assertThatThrownBy(() -> handler.interact(interaction()))
        .isInstanceOf(ConsentPageException.class)
        .hasMessageContaining("answered 404 instead of 200");
  }
}

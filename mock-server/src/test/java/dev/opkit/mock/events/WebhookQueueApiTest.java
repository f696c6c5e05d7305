package dev.opkit.mock.events;

import static dev.opkit.mock.testing.TestGrants.CLIENT;
import static dev.opkit.mock.testing.TestGrants.incoming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.events.WebhookReceiver.Received;
import dev.opkit.mock.resource.access.TestResourceAccess;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery never holds up a request and stays bounded: a queue of at most 2 pending
 * deliveries here (the oldest dropped), no new attempt after a reset or a stop. Each test runs its
 * own sandbox and receiver.
 */
class WebhookQueueApiTest {
  private static final String SECRET = "whsec-queue-test";
  private static final Duration BACKOFF = Duration.ofMillis(200);

  private final WebhookReceiver receiver = new WebhookReceiver();
  private final TestResourceAccess access = new TestResourceAccess();
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.stop();
    }
    receiver.close();
  }

  @Test
  void deliverWhenQueueFullThenOldestDroppedAndShownSo() {
    // Retries a minute apart: every delivery stays pending for the whole test.
    start(c -> c.withWebhook(new WebhookConfig(null, null, Duration.ofMinutes(1), null, 2)));
    receiver.answerAfterScript(500);

    for (int i = 1; i <= 3; i++) {
      createIncomingPayment();
    }

    JsonNode events = adminEvents();
    assertThat(events.path(0).at("/webhook/state").asText()).isEqualTo("dropped");
    assertThat(events.path(1).at("/webhook/state").asText()).isEqualTo("pending");
    assertThat(events.path(2).at("/webhook/state").asText()).isEqualTo("pending");
  }

  @Test
  void webhookWhenStrictProfileThenBodyWithCreatedAtAndAseAndWithoutSecretUnsigned()
      throws Exception {
    start(c -> c.withProfile("strict"));

    createIncomingPayment();

    Received hook = receiver.awaitAtLeast(1).get(0);
    JsonNode body = Json.read(hook.body(), JsonNode.class);
    List<String> members = new ArrayList<>();
    body.fieldNames().forEachRemaining(members::add);
    assertThat(members).containsExactly("id", "type", "createdAt", "ase", "data");
    assertThat(body.path("ase").asText()).isEqualTo("ase1");
    assertThat(body.path("createdAt").asText())
        .isEqualTo(adminEvents().path(0).path("createdAt").asText());
    assertThat(hook.signature()).isNull();
  }

  @Test
  void webhookWhenReceiverHangsThenRequestsDoNotWaitForIt() throws Exception {
    // The receiver answers after 6 s and the sandbox would wait 10 s for it: a request that
    // waited for its webhook would take seconds.
    start(c -> c.withWebhook(new WebhookConfig(null, Duration.ofSeconds(10), BACKOFF, null, 2)));
    receiver.hangFor(Duration.ofSeconds(6));
    receiver.answer(WebhookReceiver.HANG, WebhookReceiver.HANG);
    createIncomingPayment();
    receiver.awaitAtLeast(1);

    long started = System.nanoTime();
    createIncomingPayment();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(millis).isLessThan(5000);
  }

  @Test
  void resetWhenRetriesPendingThenNoNewAttempt() throws Exception {
    start(this::signedFastRetries);
    receiver.answerAfterScript(500);
    createIncomingPayment();
    receiver.awaitAtLeast(2);

    given()
        .baseUri(base())
        .contentType("application/json")
        .post("/admin/reset")
        .then()
        .statusCode(204);
    long resetDone = System.currentTimeMillis();
    Thread.sleep(BACKOFF.multipliedBy(8).toMillis());

    assertNoAttemptStartedAfter(resetDone);
  }

  @Test
  void stopWhenRetriesPendingThenNoNewAttempt() throws Exception {
    start(this::signedFastRetries);
    receiver.answerAfterScript(500);
    createIncomingPayment();
    receiver.awaitAtLeast(2);

    sandbox.stop();
    long stopped = System.currentTimeMillis();
    sandbox = null;
    Thread.sleep(BACKOFF.multipliedBy(8).toMillis());

    assertNoAttemptStartedAfter(stopped);
  }

  private SandboxConfig signedFastRetries(SandboxConfig config) {
    return config.withWebhook(new WebhookConfig(SECRET, null, BACKOFF, null, 2));
  }

  /** An attempt in flight at the moment may still land; one signed later would be a retry. */
  private void assertNoAttemptStartedAfter(long millis) throws Exception {
    for (Received hook : receiver.received()) {
      assertThat(IndependentWebhookCheck.verify(hook.signature(), hook.body(), SECRET))
          .isLessThanOrEqualTo(millis);
    }
  }

  private void start(UnaryOperator<SandboxConfig> customise) {
    sandbox =
        Sandbox.create(
                customise.apply(
                    SandboxConfig.defaults()
                        .ephemeral()
                        .withWebhookUrl(receiver.url())
                        .withWebhook(new WebhookConfig(null, null, BACKOFF, null, 2))
                        // The access double checks no signatures and these requests carry none.
                        .withProfileOverrides(Map.of("missingSignatureStatus", 401))),
                access)
            .start();
  }

  private String base() {
    return sandbox.ase("ase1").publicBase();
  }

  private void createIncomingPayment() {
    given()
        .baseUri(base())
        .header("Authorization", "GNAP " + access.issue("g", CLIENT, incoming(AccessAction.CREATE)))
        .contentType("application/json")
        .body("{\"walletAddress\":\"" + sandbox.ase("ase1").walletUrl("alice") + "\"}")
        .post("/incoming-payments")
        .then()
        .statusCode(201);
  }

  private JsonNode adminEvents() {
    return Json.read(given().baseUri(base()).get("/admin/events").asString(), JsonNode.class)
        .path("result");
  }
}

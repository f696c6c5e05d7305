package dev.opkit.mock.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.events.WebhookReceiver.Received;
import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.protocol.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks in the {@code rafiki} profile, as Rafiki's backend sends them: {@code {id, type, data}}
 * signed with {@code Rafiki-Signature}, delivered only by a 200 answer, retried after min(n, 6) ×
 * the backoff (here 50 ms instead of Rafiki's 10 s), 10 attempts at most.
 */
class WebhookApiTest {
  private static final String SECRET = "whsec-sandbox-test";
  private static final Duration BACKOFF = Duration.ofMillis(50);
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(
          c ->
              c.withWebhookUrl(RECEIVER.url())
                  .withWebhook(
                      new WebhookConfig(SECRET, Duration.ofMillis(300), BACKOFF, null, null)));

  private final Payments payments = new Payments(SANDBOX);

  @BeforeEach
  void resetReceiver() {
    RECEIVER.reset();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void webhookWhenRafikiProfileThenIdTypeDataSignedWithRafikiSignature() throws Exception {
    long before = System.currentTimeMillis();
    String id = payments.incomingPayment("ase1", "alice", "100", "USD");

    Received hook = RECEIVER.awaitAtLeast(1).get(0);

    JsonNode body = Json.read(hook.body(), JsonNode.class);
    List<String> members = new ArrayList<>();
    body.fieldNames().forEachRemaining(members::add);
    assertThat(members).containsExactly("id", "type", "data");
    assertThat(body.path("type").asText()).isEqualTo("incoming_payment.created");
    assertThat(body.at("/data/id").asText()).isEqualTo(id);
    assertThat(hook.contentType()).isEqualTo("application/json");
    long signedAt = IndependentWebhookCheck.verify(hook.signature(), hook.body(), SECRET);
    assertThat(signedAt).isBetween(before, System.currentTimeMillis());
    assertThat(adminEvent(0).path("id").asText()).isEqualTo(body.path("id").asText());
  }

  @Test
  void webhookWhenAnsweredOtherThan200ThenRetriedOnTheScheduleUntil200() throws Exception {
    RECEIVER.answer(500, 204, 200);

    payments.incomingPayment("ase1", "alice", "100", "USD");

    List<Received> hooks = RECEIVER.awaitAtLeast(3);
    Thread.sleep(BACKOFF.multipliedBy(6).toMillis());
    assertThat(RECEIVER.received()).hasSize(3);
    assertThat(hooks).extracting(Received::body).containsOnly(hooks.get(0).body());
    for (Received hook : hooks) {
      IndependentWebhookCheck.verify(hook.signature(), hook.body(), SECRET);
    }
    // After failed attempt n the next waits min(n, 6) x the backoff: 50 ms, then 100 ms.
    assertThat(Duration.between(hooks.get(0).at(), hooks.get(1).at()))
        .isGreaterThanOrEqualTo(BACKOFF);
    assertThat(Duration.between(hooks.get(1).at(), hooks.get(2).at()))
        .isGreaterThanOrEqualTo(BACKOFF.multipliedBy(2));
    JsonNode delivery = adminEvent(0).path("webhook");
    assertThat(delivery.path("state").asText()).isEqualTo("delivered");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
    assertThat(delivery.path("lastStatus").asInt()).isEqualTo(200);
    assertThat(delivery.path("deliveredAt").asText()).isNotEmpty();
  }

  @Test
  void webhookWhenNever200ThenGivenUpAfterTenAttempts() throws Exception {
    RECEIVER.answerAfterScript(500);

    payments.incomingPayment("ase1", "alice", "100", "USD");

    RECEIVER.awaitAtLeast(10);
    Thread.sleep(BACKOFF.multipliedBy(12).toMillis());
    assertThat(RECEIVER.received()).hasSize(10);
    JsonNode delivery = adminEvent(0).path("webhook");
    assertThat(delivery.path("state").asText()).isEqualTo("failed");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(10);
    assertThat(delivery.path("lastStatus").asInt()).isEqualTo(500);
    assertThat(delivery.has("nextAttemptAt")).isFalse();
  }

  @Test
  void webhookWhenAttemptTimesOutThenCountedAndRetried() throws Exception {
    RECEIVER.hangFor(Duration.ofSeconds(1));
    RECEIVER.answer(WebhookReceiver.HANG);

    payments.incomingPayment("ase1", "alice", "100", "USD");

    RECEIVER.awaitAtLeast(2);
    JsonNode delivery = awaitState(0, "delivered");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
    assertThat(RECEIVER.received()).hasSize(2);
  }

  private JsonNode awaitState(int index, String state) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode delivery = adminEvent(index).path("webhook");
    while (!delivery.path("state").asText().equals(state)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      delivery = adminEvent(index).path("webhook");
    }
    return delivery;
  }

  private static JsonNode adminEvent(int index) {
    return Json.read(SANDBOX.at("ase1").get("/admin/events").asString(), JsonNode.class)
        .path("result")
        .path(index);
  }
}

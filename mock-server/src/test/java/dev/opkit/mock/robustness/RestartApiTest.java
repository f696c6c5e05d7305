package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.mock.events.WebhookConfig;
import dev.opkit.mock.events.WebhookReceiver;
import dev.opkit.protocol.json.Json;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sandbox on PostgreSQL stopped and started again on the same database finds everything: wallets,
 * keys, a consented grant and its token, payments and the books; a settlement in progress ends
 * after the restart, and webhooks that were still pending are sent by the new process.
 */
class RestartApiTest {
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @RegisterExtension
  static final AuthSandbox SANDBOX =
      AuthSandbox.restartable(
          c ->
              c.withWebhookUrl(RECEIVER.url())
                  .withWebhook(
                      new WebhookConfig(
                          null, Duration.ofMillis(500), Duration.ofSeconds(30), null, null)));

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void restartWhenStateIsInPostgresThenEverythingIsThereAndWorkInProgressResumes()
      throws Exception {
    RECEIVER.answerAfterScript(503);
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token =
        client.interactiveToken(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\"}]"
                .formatted(alice));
    Response paid = pay(client, wallets, token);
    assertThat(paid.<Boolean>path("failed")).isFalse();
    SANDBOX
        .admin("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"PT3S\"}")
        .post("/admin/processing")
        .then()
        .statusCode(200);
    Response inProgress = pay(client, wallets, token);
    assertThat(inProgress.<String>path("sentAmount.value")).isEqualTo("0");
    BigInteger aliceBefore = wallets.balance("ase1", "alice");
    BigInteger daveBefore = wallets.balance("ase2", "dave");
    String keys = SANDBOX.at("ase1").get("/shop/jwks.json").asString();
    String paidBefore = read(client, token, paid.path("id")).asString();
    List<String> eventIds = eventIds();
    assertThat(eventIds).isNotEmpty();

    // Every event's first attempt was answered 503; the retries are 30 s away.
    RECEIVER.awaitAtLeast(eventIds.size());
    RECEIVER.reset();

    SANDBOX.restart(0);

    assertThat(SANDBOX.at("ase1").get("/shop/jwks.json").asString()).isEqualTo(keys);
    assertThat(wallets.balance("ase1", "alice")).isEqualTo(aliceBefore);
    assertThat(read(client, token, paid.path("id")).asString()).isEqualTo(paidBefore);
    assertThat(pay(client, wallets, token).statusCode())
        .as("the consented grant's token")
        .isEqualTo(201);
    Instant deadline = Instant.now().plusSeconds(20);
    String sent = "0";
    while ("0".equals(sent) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      sent = read(client, token, inProgress.path("id")).path("sentAmount.value");
    }
    assertThat(sent).as("the settlement in progress at the restart").isNotEqualTo("0");
    assertThat(wallets.balance("ase2", "dave")).isGreaterThan(daveBefore);
    assertThat(SANDBOX.at("ase1").get("/admin/ledger").<Boolean>path("invariantHolds")).isTrue();
    List<String> delivered = new ArrayList<>();
    while (!delivered.containsAll(eventIds) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      delivered.clear();
      for (WebhookReceiver.Received received : RECEIVER.received()) {
        delivered.add(Json.read(received.body(), JsonNode.class).path("id").asText());
      }
    }
    assertThat(delivered).as("webhooks pending at the restart, sent again").containsAll(eventIds);
  }

  private static Response pay(TestClient client, Wallets wallets, TestClient.Token token) {
    String incoming = wallets.incomingPayment("ase2", "dave", "500", "USD");
    Response quote = wallets.quote("ase1", "alice", incoming);
    Response payment = wallets.pay("ase1", "alice", quote.path("id"), token.value());
    assertThat(payment.statusCode()).as(payment.asString()).isEqualTo(201);
    return payment;
  }

  private static Response read(TestClient client, TestClient.Token token, String url) {
    Response response =
        client.signedAnywhere().header("Authorization", "GNAP " + token.value()).get(url);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response;
  }

  private static List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    for (String ase : List.of("ase1", "ase2")) {
      Json.read(SANDBOX.at(ase).get("/admin/events?limit=1000").asString(), JsonNode.class)
          .path("result")
          .forEach(e -> ids.add(e.path("id").asText()));
    }
    return ids;
  }
}

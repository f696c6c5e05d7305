package dev.opkit.mock.resource.outgoing;

import static dev.opkit.mock.testing.TestGrants.outgoing;
import static dev.opkit.protocol.gnap.AccessAction.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.protocol.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events of an outgoing payment's life, at the moments Rafiki has them: created, funded (its
 * debit amount reserved), then completed or failed; a payment the wallet declines to fund is
 * cancelled. Each carries the grant it was made under as {@code grantId}.
 */
class OutgoingPaymentEventsApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final String TEN_DOLLARS =
      "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}";

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void eventsWhenPaymentSettlesThenCreatedFundedCompletedEachWithTheGrantId() {
    pay("grant-7").statusCode(201);

    List<JsonNode> events = outgoingEvents();

    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            "outgoing_payment.created", "outgoing_payment.funded", "outgoing_payment.completed");
    assertThat(events)
        .allSatisfy(e -> assertThat(e.at("/data/grantId").asText()).isEqualTo("grant-7"));
    assertThat(events.get(1).at("/data/debitAmount/value").asText()).isEqualTo("1000");
  }

  @Test
  void eventsWhenWalletCannotFundThenCancelledNotFunded() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"value\":\"500\"}")
        .post("/admin/wallet-addresses/alice/balance")
        .then()
        .statusCode(200);

    pay("grant-8").statusCode(201);

    List<JsonNode> events = outgoingEvents();
    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly("outgoing_payment.created", "outgoing_payment.cancelled");
    assertThat(events.get(1).at("/data/failed").asBoolean()).isTrue();
    assertThat(events.get(1).at("/data/failureReason").asText()).contains("insufficient balance");
    assertThat(events.get(1).at("/data/grantId").asText()).isEqualTo("grant-8");
  }

  @Test
  void eventsWhenSendingFailsAfterFundingThenFundedThenFailed() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"count\":1}")
        .post("/admin/wallet-addresses/alice/failures")
        .then()
        .statusCode(200);

    pay("grant-9").statusCode(201);

    assertThat(outgoingEvents())
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            "outgoing_payment.created", "outgoing_payment.funded", "outgoing_payment.failed");
  }

  @Test
  void eventsWhenProcessingDelayedThenFundedAtOnceAndCompletedLater() throws Exception {
    SANDBOX.sandbox().processing().setDelay(Duration.ofMillis(300));

    pay("grant-10").statusCode(201);

    assertThat(outgoingEvents())
        .extracting(e -> e.path("type").asText())
        .containsExactly("outgoing_payment.created", "outgoing_payment.funded");
    Instant deadline = Instant.now().plusSeconds(5);
    while (outgoingEvents().size() < 3 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(outgoingEvents())
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            "outgoing_payment.created", "outgoing_payment.funded", "outgoing_payment.completed");
  }

  private io.restassured.response.ValidatableResponse pay(String grantId) {
    String receiver = payments.incomingPayment("ase2", "dave", null, null);
    String quoteId = payments.quoteId("ase1", "alice", receiver, TEN_DOLLARS);
    return payments
        .payQuote(
            "ase1",
            "alice",
            quoteId,
            payments.token(grantId, outgoing(SANDBOX.wallet("ase1", "alice"), CREATE)))
        .then();
  }

  private List<JsonNode> outgoingEvents() {
    JsonNode page = Json.read(SANDBOX.at("ase1").get("/admin/events").asString(), JsonNode.class);
    List<JsonNode> events = new ArrayList<>();
    page.path("result")
        .forEach(
            e -> {
              if (e.path("type").asText().startsWith("outgoing_payment.")) {
                events.add(e);
              }
            });
    return events;
  }
}

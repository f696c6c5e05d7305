package dev.opkit.mock.resource.quote;

import static dev.opkit.mock.testing.TestGrants.CLIENT;
import static dev.opkit.mock.testing.TestGrants.OTHER_CLIENT;
import static dev.opkit.mock.testing.TestGrants.incoming;
import static dev.opkit.mock.testing.TestGrants.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.mock.testing.SpecCheck;
import dev.opkit.protocol.gnap.AccessAction;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuoteApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void createWhenNoAmountThenReceiverRemainderPlusFeeAcrossProvidersAndCurrencies() {
    String receiver = payments.incomingPayment("ase2", "carol", "900", "EUR");

    Response response = payments.quote("ase1", "alice", receiver, "");

    SpecCheck.resource(response, "create-quote")
        .then()
        .statusCode(201)
        .body("id", startsWith(SANDBOX.base("ase1") + "/quotes/"))
        .body("walletAddress", equalTo(SANDBOX.wallet("ase1", "alice")))
        .body("receiver", equalTo(receiver))
        .body("method", equalTo("ilp"))
        .body("receiveAmount.value", equalTo("900"))
        .body("receiveAmount.assetCode", equalTo("EUR"))
        // 9.00 EUR at 0.9 EUR per USD is 10.00 USD, plus the 1 % fee.
        .body("debitAmount.value", equalTo("1010"))
        .body("debitAmount.assetCode", equalTo("USD"));
  }

  @Test
  void createWhenFixedSendThenFeeComesOutAndReceiverGetsTheConvertedRest() {
    String receiver = payments.incomingPayment("ase2", "carol", null, null);

    payments
        .quote(
            "ase1",
            "alice",
            receiver,
            "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(201)
        .body("debitAmount.value", equalTo("1000"))
        // 10.00 USD = 9.90 sent + 0.10 fee; 9.90 USD at 0.9 is 8.91 EUR.
        .body("receiveAmount.value", equalTo("891"));
  }

  @Test
  void createWhenFixedReceiveInTheOtherDirectionThenRateUsedInverse() {
    String receiver = payments.incomingPayment("ase1", "alice", null, null);

    payments
        .quote(
            "ase2",
            "carol",
            receiver,
            "\"receiveAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(201)
        .body("receiveAmount.value", equalTo("1000"))
        // 10.00 USD costs 9.00 EUR, plus the 1 % fee.
        .body("debitAmount.value", equalTo("909"))
        .body("debitAmount.assetCode", equalTo("EUR"));
  }

  @Test
  void createWhenDebitDeliversNothingThen400WithTheSmallestDebitThatDoesAsRafiki() {
    String receiver = payments.incomingPayment("ase2", "carol", null, null);

    for (String tooSmall : List.of("1", "2")) {
      Response refused = payments.quote("ase1", "alice", receiver, debit(tooSmall));

      SpecCheck.resource(refused, "create-quote")
          .then()
          .statusCode(400)
          .body("error.code", equalTo("400"))
          .body("error.description", startsWith("non-positive receive amount"))
          // 2 cents cross and convert to 0.018 EUR, 1 cent; the 1 % fee on 2 cents is 1 cent.
          .body(
              "error.details.minSendAmount",
              equalTo(Map.of("value", "3", "assetCode", "USD", "assetScale", 2)));
    }
    payments
        .quote("ase1", "alice", receiver, debit("3"))
        .then()
        .statusCode(201)
        .body("receiveAmount.value", equalTo("1"));
  }

  @Test
  void createWhenBothAmountsThen400() {
    String receiver = payments.incomingPayment("ase2", "carol", "900", "EUR");

    payments
        .quote(
            "ase1",
            "alice",
            receiver,
            "\"debitAmount\":{\"value\":\"1\",\"assetCode\":\"USD\",\"assetScale\":2},"
                + "\"receiveAmount\":{\"value\":\"1\",\"assetCode\":\"EUR\",\"assetScale\":2}")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("400"));
  }

  @Test
  void createWhenDebitAmountInWrongAssetThen400() {
    String receiver = payments.incomingPayment("ase2", "carol", null, null);

    payments
        .quote(
            "ase1",
            "alice",
            receiver,
            "\"debitAmount\":{\"value\":\"100\",\"assetCode\":\"EUR\",\"assetScale\":2}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("debitAmount is in EUR"));
  }

  @Test
  void createWhenReceiverUnknownThen400() {
    payments
        .quote(
            "ase1",
            "alice",
            SANDBOX.base("ase2") + "/incoming-payments/7b7bb2a6-9bd5-4c35-9f6c-3bcd70dd21f8",
            "")
        .then()
        .statusCode(400)
        .body("error.description", containsString("not an incoming payment"));
    payments
        .quote("ase1", "alice", "https://elsewhere.example/incoming-payments/1", "")
        .then()
        .statusCode(400);
  }

  @Test
  void createWhenReceiverCompletedOrExpiredThen400() {
    String completed = payments.incomingPayment("ase2", "carol", "900", "EUR");
    String token = SANDBOX.access().issue("c", CLIENT, incoming(AccessAction.COMPLETE));
    SANDBOX
        .at("ase2")
        .header("Authorization", "GNAP " + token)
        .post(completed.substring(SANDBOX.base("ase2").length()) + "/complete")
        .then()
        .statusCode(200);

    payments
        .quote("ase1", "alice", completed, "")
        .then()
        .statusCode(400)
        .body("error.description", containsString("is completed"));

    // Expired with nothing received: deleted, as Rafiki deletes it, so no longer a receiver.
    String expiring = payments.incomingPayment("ase2", "carol", "900", "EUR");
    SANDBOX.sandbox().clock().advance(java.time.Period.ofDays(31));
    payments
        .quote("ase1", "alice", expiring, "")
        .then()
        .statusCode(400)
        .body("error.description", containsString("is not an incoming payment"));
  }

  @Test
  void createWhenReceiverWithoutAmountAndNoAmountGivenThen400() {
    String receiver = payments.incomingPayment("ase2", "carol", null, null);

    payments
        .quote("ase1", "alice", receiver, "")
        .then()
        .statusCode(400)
        .body("error.description", containsString("has no incomingAmount"));
  }

  @Test
  void createWhenMoreThanTheReceiverExpectsThen400() {
    String receiver = payments.incomingPayment("ase2", "carol", "900", "EUR");

    payments
        .quote(
            "ase1",
            "alice",
            receiver,
            "\"receiveAmount\":{\"value\":\"901\",\"assetCode\":\"EUR\",\"assetScale\":2}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("expects only 9.00 EUR more"));
  }

  @Test
  void createWhenMethodNotIlpThen400BySchema() {
    String receiver = payments.incomingPayment("ase2", "carol", "900", "EUR");
    String token = SANDBOX.access().issue("q", CLIENT, quote(AccessAction.CREATE));

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            "{\"walletAddress\":\"%s\",\"receiver\":\"%s\",\"method\":\"card\"}"
                .formatted(SANDBOX.wallet("ase1", "alice"), receiver))
        .post("/quotes")
        .then()
        .statusCode(400)
        .body("error.description", containsString("schema"));
  }

  @Test
  void createWhenLifetimeLongerThanReceiverThenExpiresWithTheReceiver() {
    String token = SANDBOX.access().issue("i", CLIENT, incoming(AccessAction.CREATE));
    Instant receiverExpiry = SANDBOX.sandbox().clock().instant().plusSeconds(60);
    String receiver =
        SANDBOX
            .at("ase2")
            .header("Authorization", "GNAP " + token)
            .contentType("application/json")
            .body(
                """
                {"walletAddress":"%s","expiresAt":"%s",\
                "incomingAmount":{"value":"900","assetCode":"EUR","assetScale":2}}"""
                    .formatted(SANDBOX.wallet("ase2", "carol"), receiverExpiry))
            .post("/incoming-payments")
            .path("id");

    String expiresAt = payments.quote("ase1", "alice", receiver, "").path("expiresAt");

    assertThat(Instant.parse(expiresAt)).isEqualTo(receiverExpiry.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void getWhenOwnQuoteThen200AndOtherClientWithReadThen404() {
    String receiver = payments.incomingPayment("ase2", "carol", "900", "EUR");
    String id = payments.quoteId("ase1", "alice", receiver, "");
    String path = id.substring(SANDBOX.base("ase1").length());

    Response own =
        SANDBOX
            .at("ase1")
            .header(
                "Authorization",
                "GNAP " + SANDBOX.access().issue("r", CLIENT, quote(AccessAction.READ)))
            .get(path);
    SpecCheck.resource(own, "get-quote").then().statusCode(200).body("id", equalTo(id));
    SANDBOX
        .at("ase1")
        .header(
            "Authorization",
            "GNAP " + SANDBOX.access().issue("o", OTHER_CLIENT, quote(AccessAction.READ)))
        .get(path)
        .then()
        .statusCode(404);
    SANDBOX
        .at("ase1")
        .header(
            "Authorization",
            "GNAP " + SANDBOX.access().issue("o", OTHER_CLIENT, quote(AccessAction.READ_ALL)))
        .get(path)
        .then()
        .statusCode(200);
  }

  @Test
  void getWhenUnknownThen401() {
    SANDBOX
        .at("ase1")
        .header(
            "Authorization",
            "GNAP " + SANDBOX.access().issue("r", CLIENT, quote(AccessAction.READ)))
        .get("/quotes/7b7bb2a6-9bd5-4c35-9f6c-3bcd70dd21f8")
        .then()
        .statusCode(401);
  }

  private static String debit(String value) {
    return "\"debitAmount\":{\"value\":\"%s\",\"assetCode\":\"USD\",\"assetScale\":2}"
        .formatted(value);
  }
}

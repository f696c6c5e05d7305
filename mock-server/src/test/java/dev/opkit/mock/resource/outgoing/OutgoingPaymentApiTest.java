package dev.opkit.mock.resource.outgoing;

import static dev.opkit.mock.testing.TestGrants.CLIENT;
import static dev.opkit.mock.testing.TestGrants.OTHER_CLIENT;
import static dev.opkit.mock.testing.TestGrants.incoming;
import static dev.opkit.mock.testing.TestGrants.outgoing;
import static dev.opkit.mock.testing.TestGrants.outgoingLimited;
import static dev.opkit.protocol.gnap.AccessAction.COMPLETE;
import static dev.opkit.protocol.gnap.AccessAction.CREATE;
import static dev.opkit.protocol.gnap.AccessAction.LIST;
import static dev.opkit.protocol.gnap.AccessAction.LIST_ALL;
import static dev.opkit.protocol.gnap.AccessAction.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.mock.testing.SpecCheck;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutgoingPaymentApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final Asset USD = new Asset("USD", 2);

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void createWhenTwoProvidersPayAcrossCurrenciesThenBalancesAddUpToTheCent() {
    String receiver = payments.incomingPayment("ase2", "carol", "900", "EUR");
    String quoteId = payments.quoteId("ase1", "alice", receiver, "");
    String token = payments.token("g1", outgoing(alice(), CREATE));

    Response response = payments.payQuote("ase1", "alice", quoteId, token);

    SpecCheck.resource(response, "create-outgoing-payment")
        .then()
        .statusCode(201)
        .body("id", equalTo(SANDBOX.base("ase1") + "/outgoing-payments/" + uuid(quoteId)))
        .body("quoteId", equalTo(quoteId))
        .body("receiver", equalTo(receiver))
        .body("failed", equalTo(false))
        .body("debitAmount.value", equalTo("1010"))
        .body("receiveAmount.value", equalTo("900"))
        .body("sentAmount.value", equalTo("1010"))
        .body("grantSpentDebitAmount.value", equalTo("0"))
        .body("grantSpentReceiveAmount.value", equalTo("0"));
    // 10.10 USD left alice: 10.00 crossed at 0.9 EUR per USD to 9.00 EUR, 0.10 was the fee.
    assertThat(payments.balance("ase1", "alice")).isEqualTo(big(100_000 - 1010));
    assertThat(payments.balance("ase2", "carol")).isEqualTo(big(100_000 + 900));
    Response ledger = SANDBOX.at("ase1").get("/admin/ledger");
    assertThat(ledger.<Boolean>path("invariantHolds")).isTrue();
    assertThat(ledger.<String>path("assets.find { it.assetCode == 'USD' }.fees")).isEqualTo("10");
    assertThat(ledger.<String>path("assets.find { it.assetCode == 'EUR' }.liquidity"))
        .isEqualTo("-900");
    SANDBOX
        .at("ase2")
        .get(receiver.substring(SANDBOX.base("ase2").length()))
        .then()
        .body("receivedAmount.value", equalTo("900"));
    assertThat(events("ase1"))
        .containsExactly(
            "outgoing_payment.created", "outgoing_payment.funded", "outgoing_payment.completed");
    assertThat(events("ase2"))
        .containsExactly("incoming_payment.created", "incoming_payment.completed");
  }

  @Test
  void createWhenIncomingPaymentAndDebitAmountThenPricedOnTheSpot() {
    String receiver = payments.incomingPayment("ase2", "dave", null, null);
    String token = payments.token("g1", outgoing(alice(), CREATE));

    Response response =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token)
            .contentType("application/json")
            .body(
                """
                {"walletAddress":"%s","incomingPayment":"%s",\
                "debitAmount":{"value":"1000","assetCode":"USD","assetScale":2},\
                "metadata":{"description":"rent"}}"""
                    .formatted(alice(), receiver))
            .post("/outgoing-payments");

    SpecCheck.resource(response, "create-outgoing-payment")
        .then()
        .statusCode(201)
        .body("quoteId", nullValue())
        .body("debitAmount.value", equalTo("1000"))
        .body("receiveAmount.value", equalTo("990"))
        .body("metadata.description", equalTo("rent"));
    assertThat(payments.balance("ase2", "dave")).isEqualTo(big(100_990));
  }

  @Test
  void createWhenQuoteUsedAlreadyThen400AndNothingMoves() {
    String quoteId = payments.quoteId("ase1", "alice", openReceiver(), tenDollars());
    String token = payments.token("g1", outgoing(alice(), CREATE));
    payments.payQuote("ase1", "alice", quoteId, token).then().statusCode(201);
    BigInteger before = payments.balance("ase1", "alice");

    payments
        .payQuote("ase1", "alice", quoteId, token)
        .then()
        .statusCode(400)
        .body("error.description", containsString("was used by an outgoing payment already"));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(before);
  }

  @Test
  void createWhenQuoteExpiredThen400() {
    String quoteId = payments.quoteId("ase1", "alice", openReceiver(), tenDollars());
    SANDBOX.sandbox().clock().advance(Duration.ofMinutes(6));

    payments
        .payQuote("ase1", "alice", quoteId, payments.token("g1", outgoing(alice(), CREATE)))
        .then()
        .statusCode(400)
        .body("error.description", containsString("expired at"));
  }

  @Test
  void createWhenQuoteOfAnotherWalletThen400() {
    String quoteId = payments.quoteId("ase1", "bob", openEuroReceiver(), euroTen());
    String token = payments.token("g1", outgoing(alice(), CREATE));

    payments
        .payQuote("ase1", "alice", quoteId, token)
        .then()
        .statusCode(400)
        .body("error.description", containsString("belongs to " + SANDBOX.wallet("ase1", "bob")));
  }

  @Test
  void createWhenQuoteUnknownThen404() {
    payments
        .payQuote(
            "ase1",
            "alice",
            SANDBOX.base("ase1") + "/quotes/7b7bb2a6-9bd5-4c35-9f6c-3bcd70dd21f8",
            payments.token("g1", outgoing(alice(), CREATE)))
        .then()
        .statusCode(404)
        .body("error.code", equalTo("404"));
  }

  @Test
  void createWhenReceiverCompletedSinceTheQuoteThen400() {
    String receiver = payments.incomingPayment("ase2", "dave", "990", "USD");
    String first = payments.quoteId("ase1", "alice", receiver, "");
    String second = payments.quoteId("ase1", "alice", receiver, "");
    String token = payments.token("g1", outgoing(alice(), CREATE));
    payments.payQuote("ase1", "alice", first, token).then().statusCode(201);

    payments
        .payQuote("ase1", "alice", second, token)
        .then()
        .statusCode(400)
        .body("error.description", containsString("is completed"));
  }

  @Test
  void createWhenBalanceTooLowThenFailedPaymentAndNoMoneyMoves() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"value\":\"500\"}")
        .post("/admin/wallet-addresses/alice/balance")
        .then()
        .statusCode(200);
    String quoteId = payments.quoteId("ase1", "alice", openReceiver(), tenDollars());

    Response response =
        payments.payQuote(
            "ase1", "alice", quoteId, payments.token("g1", outgoing(alice(), CREATE)));

    SpecCheck.resource(response, "create-outgoing-payment")
        .then()
        .statusCode(201)
        .body("failed", equalTo(true))
        .body("sentAmount.value", equalTo("0"));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(big(500));
    assertThat(payments.balance("ase2", "dave")).isEqualTo(big(100_000));
    assertThat(events("ase1"))
        .containsExactly("outgoing_payment.created", "outgoing_payment.cancelled");
    assertThat(SANDBOX.at("ase1").get("/admin/events").<String>path("result[1].data.failureReason"))
        .contains("insufficient balance");
  }

  @Test
  void createWhenFailureForcedThenFailedAndReservationReturned() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"count\":1}")
        .post("/admin/wallet-addresses/alice/failures")
        .then()
        .statusCode(200)
        .body("pendingFailures", equalTo(1));
    String token = payments.token("g1", outgoing(alice(), CREATE));

    payments
        .payQuote(
            "ase1", "alice", payments.quoteId("ase1", "alice", openReceiver(), tenDollars()), token)
        .then()
        .statusCode(201)
        .body("failed", equalTo(true));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(big(100_000));
    payments
        .payQuote(
            "ase1", "alice", payments.quoteId("ase1", "alice", openReceiver(), tenDollars()), token)
        .then()
        .statusCode(201)
        .body("failed", equalTo(false));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(big(99_000));
    assertThat(payments.invariantHolds()).isTrue();
  }

  @Test
  void createWhenProcessingDelayedThenSentAmountZeroFirstThenSettled() throws Exception {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        // Long enough that the checks below see the payment in progress on a loaded machine.
        .body("{\"delay\":\"PT3S\"}")
        .post("/admin/processing")
        .then()
        .statusCode(200)
        .body("delay", equalTo("PT3S"));
    String token = payments.token("g1", outgoing(alice(), CREATE, READ));

    String id =
        payments
            .payQuote(
                "ase1",
                "alice",
                payments.quoteId("ase1", "alice", openReceiver(), tenDollars()),
                token)
            .then()
            .statusCode(201)
            .body("sentAmount.value", equalTo("0"))
            .extract()
            .path("id");
    assertThat(payments.balance("ase1", "alice")).isEqualTo(big(99_000));
    assertThat(
            SANDBOX.at("ase1").get("/admin/wallet-addresses/alice").<String>path("reserved.value"))
        .isEqualTo("1000");

    Instant deadline = Instant.now().plusSeconds(15);
    String sent = "0";
    while (sent.equals("0") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      sent =
          SANDBOX
              .at("ase1")
              .header("Authorization", "GNAP " + token)
              .get(path(id))
              .path("sentAmount.value");
    }
    assertThat(sent).isEqualTo("1000");
    assertThat(payments.balance("ase2", "dave")).isEqualTo(big(100_990));
    assertThat(payments.invariantHolds()).isTrue();
  }

  @Test
  void getAndListWhenOwnPaymentsThenSpecShapedAndScopedToTheClient() {
    String token = payments.token("g1", outgoing(alice(), CREATE, READ, LIST));
    String id =
        payments
            .payQuote(
                "ase1",
                "alice",
                payments.quoteId("ase1", "alice", openReceiver(), tenDollars()),
                token)
            .path("id");

    Response got = SANDBOX.at("ase1").header("Authorization", "GNAP " + token).get(path(id));
    SpecCheck.resource(got, "get-outgoing-payment")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("grantSpentDebitAmount", nullValue());
    Response listed =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token)
            .get("/outgoing-payments?wallet-address=" + alice() + "&first=10");
    SpecCheck.resource(listed, "list-outgoing-payments")
        .then()
        .statusCode(200)
        .body("result.id", equalTo(List.of(id)));
    String other = SANDBOX.access().issue("g2", OTHER_CLIENT, outgoing(alice(), READ, LIST));
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + other)
        .get(path(id))
        .then()
        .statusCode(404);
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + other)
        .get("/outgoing-payments?wallet-address=" + alice())
        .then()
        .body("result", hasSize(0));
    String all = SANDBOX.access().issue("g3", OTHER_CLIENT, outgoing(alice(), LIST_ALL));
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + all)
        .get("/outgoing-payments?wallet-address=" + alice())
        .then()
        .body("result", hasSize(1));
  }

  @Test
  void createWhenLimitWouldBePassedThen403NamingLimitSpentAndNothingDebited() {
    String token = payments.token("g1", outgoingLimited(alice(), Amount.of(2500, USD), null));
    pay(token).then().statusCode(201).body("grantSpentDebitAmount.value", equalTo("0"));
    pay(token).then().statusCode(201).body("grantSpentDebitAmount.value", equalTo("1000"));
    BigInteger before = payments.balance("ase1", "alice");

    pay(token)
        .then()
        .statusCode(403)
        .body("error.code", equalTo("403"))
        .body("error.description", containsString("limit 25.00 USD, spent 20.00 USD"))
        .body("error.details.limit", equalTo("debitAmount"))
        .body("error.details.spentAmount.value", equalTo("2000"))
        .body("error.details.remainingAmount.value", equalTo("500"));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(before);
  }

  @Test
  void createWhenNextMonthThenTheIntervalLimitIsAvailableAgain() {
    String interval = "R2/" + SANDBOX.sandbox().clock().instant().minusSeconds(3600) + "/P1M";
    String token = payments.token("g1", outgoingLimited(alice(), Amount.of(1000, USD), interval));
    pay(token).then().statusCode(201);
    pay(token).then().statusCode(403).body("error.details.window.index", equalTo(0));

    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"advance\":\"P1M\"}")
        .post("/admin/clock")
        .then()
        .statusCode(200);

    pay(token).then().statusCode(201).body("grantSpentDebitAmount.value", equalTo("0"));
    grantSpent(token).then().body("spentDebitAmount.value", equalTo("1000"));
  }

  @Test
  void createWhenAfterTheLastRepetitionThenRefused() {
    String interval = "R1/" + SANDBOX.sandbox().clock().instant().minusSeconds(3600) + "/P1M";
    String token = payments.token("g1", outgoingLimited(alice(), Amount.of(5000, USD), interval));
    SANDBOX.sandbox().clock().advance(java.time.Period.ofMonths(1));
    // Rafiki counts R1 as two windows: the second month still pays.
    pay(token).then().statusCode(201);
    SANDBOX.sandbox().clock().advance(java.time.Period.ofMonths(1));

    pay(token)
        .then()
        .statusCode(403)
        .body("error.description", containsString("last window has ended"));
  }

  @Test
  void grantSpentWhenNothingSpentThenNullsAndAfterwardsTheWindowSums() {
    String interval = "R/" + SANDBOX.sandbox().clock().instant().minusSeconds(3600) + "/P1M";
    String token = payments.token("g1", outgoingLimited(alice(), Amount.of(5000, USD), interval));

    SpecCheck.resource(grantSpent(token), "get-outgoing-payment-grant")
        .then()
        .statusCode(200)
        .body("spentDebitAmount", nullValue())
        .body("spentReceiveAmount", nullValue());
    pay(token).then().statusCode(201);
    SpecCheck.resource(grantSpent(token), "get-outgoing-payment-grant")
        .then()
        .body("spentDebitAmount.value", equalTo("1000"))
        .body("spentReceiveAmount.value", equalTo("990"));
    SANDBOX.sandbox().clock().advance(java.time.Period.ofMonths(1));
    grantSpent(token)
        .then()
        .body("spentDebitAmount.value", equalTo("0"))
        .body("spentReceiveAmount.assetCode", equalTo("USD"));
  }

  @Test
  void grantSpentWhenTokenHasNoOutgoingCreateThen403() {
    grantSpent(payments.token("g1", outgoing(alice(), READ))).then().statusCode(403);
  }

  @Test
  void createWhenPaymentOfAnOlderWindowFailsThenOnlyThatWindowGetsItBack() throws Exception {
    String interval = "R/" + SANDBOX.sandbox().clock().instant().minusSeconds(3600) + "/P1M";
    String token = payments.token("g1", outgoingLimited(alice(), Amount.of(2000, USD), interval));
    // Long enough for the incoming payment to be completed before the payment settles, under load.
    SANDBOX.sandbox().processing().setDelay(Duration.ofSeconds(2));
    String doomed = openReceiver();
    payments
        .payQuote("ase1", "alice", payments.quoteId("ase1", "alice", doomed, tenDollars()), token)
        .then()
        .statusCode(201)
        .body("sentAmount.value", equalTo("0"));
    String completer = SANDBOX.access().issue("c", CLIENT, incoming(COMPLETE));
    SANDBOX
        .at("ase2")
        .header("Authorization", "GNAP " + completer)
        .post(doomed.substring(SANDBOX.base("ase2").length()) + "/complete")
        .then()
        .statusCode(200);
    SANDBOX.sandbox().clock().advance(java.time.Period.ofMonths(1));
    SANDBOX.sandbox().processing().setDelay(Duration.ZERO);
    pay(token).then().statusCode(201);

    Instant deadline = Instant.now().plusSeconds(10);
    while (!events("ase1").contains("outgoing_payment.failed")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }

    assertThat(events("ase1")).contains("outgoing_payment.failed");
    grantSpent(token).then().body("spentDebitAmount.value", equalTo("1000"));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(big(99_000));
    assertThat(payments.invariantHolds()).isTrue();
  }

  private Response pay(String token) {
    return payments.payQuote(
        "ase1", "alice", payments.quoteId("ase1", "alice", openReceiver(), tenDollars()), token);
  }

  private Response grantSpent(String token) {
    return SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get("/outgoing-payment-grant");
  }

  /** An incoming payment on dave (USD, the other provider) without incoming amount. */
  private String openReceiver() {
    return payments.incomingPayment("ase2", "dave", null, null);
  }

  private String openEuroReceiver() {
    return payments.incomingPayment("ase2", "carol", null, null);
  }

  /** A fixed-send debit of 10.00 USD: 9.90 arrives, 0.10 is the fee. */
  private static String tenDollars() {
    return "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}";
  }

  private static String euroTen() {
    return "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"EUR\",\"assetScale\":2}";
  }

  private List<String> events(String ase) {
    return SANDBOX.at(ase).get("/admin/events").path("result.type");
  }

  private static String alice() {
    return SANDBOX.wallet("ase1", "alice");
  }

  private static String path(String id) {
    return id.substring(SANDBOX.base("ase1").length());
  }

  private static String uuid(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }
}

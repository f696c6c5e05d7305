package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A payment the sandbox refuses changes nothing (PROTOCOL.md §6, README "Money"): when the receiver
 * cannot take the money (its wallet or its incoming payment would pass 2^64 - 1) or the grant's
 * spent amounts could not be counted, every balance, reservation, grant window, quote and stored
 * object is as before, through real tokens and signatures. A payment that fails only when it
 * settles after a processing delay ends failed with its reservation and window share returned.
 */
class AllOrNothingPaymentApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final List<String> ASES = List.of("ase1", "ase2");

  /** Long enough for the test to change the receiver or the balance first, even under load. */
  private static final String SETTLES_AFTER = "PT2S";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @ParameterizedTest(name = "{0} payment, processing delay {1}")
  @CsvSource({"quote,PT0S", "quote,PT0.3S", "incoming,PT0S", "incoming,PT0.3S"})
  void createWhenReceiverWalletWouldPassUint64ThenRefusedAndNothingChanges(
      String form, String delay) {
    Grant grant = limitedGrant();
    String receiver = openIncomingPayment();
    pay(form, grant, receiver, "1000").then().statusCode(201);
    processingDelay(delay);
    setBalance("ase2", "dave", MAX.subtract(BigInteger.valueOf(500)));
    String quote = form.equals("quote") ? quote(receiver, "1000") : null;
    Snapshot before = snapshot(grant);

    Response refused = quote != null ? payQuote(grant, quote) : payDirect(grant, receiver, "1000");

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.description"))
        .contains(SANDBOX.wallet("ase2", "dave"))
        .contains("2^64 - 1");
    assertThat(snapshot(grant)).isEqualTo(before);
    if (quote != null) {
      // The quote was not used: once the receiver can take the money it pays.
      setBalance("ase2", "dave", BigInteger.ZERO);
      Response paid = payQuote(grant, quote);
      assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
      assertThat(paid.<Boolean>path("failed")).isFalse();
    }
  }

  @Test
  void createWhenIncomingPaymentsReceivedAmountWouldPassUint64ThenRefusedAndNothingMoves() {
    String receiver = openIncomingPayment();
    Grant first = unlimitedGrant();
    setBalance("ase1", "alice", MAX);
    setBalance("ase2", "dave", BigInteger.ZERO);
    payDirect(first, receiver, MAX.toString()).then().statusCode(201);
    Grant second = limitedGrant();
    setBalance("ase1", "alice", MAX);
    setBalance("ase2", "dave", BigInteger.ZERO);
    Snapshot before = snapshot(second);

    Response refused = payDirect(second, receiver, MAX.toString());

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.description")).contains(receiver).contains("2^64 - 1");
    assertThat(snapshot(second)).isEqualTo(before);
    assertThat(balance("ase1", "alice")).isEqualTo(MAX);
  }

  @Test
  void createWhenGrantsSpentAmountsWouldPassUint64ThenRefusedAndNothingChanges() {
    Grant grant = unlimitedGrant();
    setBalance("ase1", "alice", MAX);
    setBalance("ase2", "dave", BigInteger.ZERO);
    payDirect(grant, openIncomingPayment(), MAX.toString()).then().statusCode(201);
    setBalance("ase1", "alice", MAX);
    setBalance("ase2", "dave", BigInteger.ZERO);
    String receiver = openIncomingPayment();
    Snapshot before = snapshot(grant);

    Response refused = payDirect(grant, receiver, "1000");

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
    assertThat(refused.<String>path("error.description")).contains("2^64 - 1");
    assertThat(snapshot(grant)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} payment")
  @CsvSource({"quote", "incoming"})
  void settleWhenReceiverCannotTakeItAfterTheDelayThenFailedAndEverythingReturned(String form)
      throws Exception {
    Grant grant = limitedGrant();
    String receiver = openIncomingPayment();
    pay(form, grant, receiver, "1000").then().statusCode(201);
    String quote = form.equals("quote") ? quote(receiver, "1000") : null;
    Snapshot before = snapshot(grant);
    String receivedBefore = received(receiver);
    processingDelay(SETTLES_AFTER);

    Response created = quote != null ? payQuote(grant, quote) : payDirect(grant, receiver, "1000");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(balance("ase1", "alice")).isEqualTo(before.balance("ase1", "alice") - 1000);
    setBalance("ase2", "dave", MAX.subtract(BigInteger.TEN));
    JsonPath settled = awaitFailed(grant, created.path("id"));

    assertThat(settled.getString("sentAmount.value")).isEqualTo("0");
    Snapshot after = snapshot(grant);
    assertThat(after.wallet("ase1", "alice")).isEqualTo(before.wallet("ase1", "alice"));
    assertThat(after.windows()).isEqualTo(before.windows());
    assertThat(after.grantSpent()).isEqualTo(before.grantSpent());
    assertThat(after.wallet("ase2", "dave")).isEqualTo(MAX.subtract(BigInteger.TEN) + "/0");
    assertThat(events("ase1"))
        .endsWith("outgoing_payment.created", "outgoing_payment.funded", "outgoing_payment.failed");
    assertThat(received(receiver)).isEqualTo(receivedBefore);
  }

  @Test
  void setBalanceWhenItAndTheReservationWouldPassUint64ThenRefusedSoAFailureCanReturnIt()
      throws Exception {
    Grant grant = limitedGrant();
    String receiver = openIncomingPayment();
    processingDelay(SETTLES_AFTER);
    Response created = payDirect(grant, receiver, "1000");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);

    Response tooMuch = balanceRequest("ase1", "alice", MAX);
    Response justFits = balanceRequest("ase1", "alice", MAX.subtract(BigInteger.valueOf(1000)));
    setBalance("ase2", "dave", MAX);
    awaitFailed(grant, created.path("id"));

    assertThat(tooMuch.statusCode()).as(tooMuch.asString()).isEqualTo(400);
    assertThat(tooMuch.<String>path("error.description"))
        .contains("reserved")
        .contains(MAX.subtract(BigInteger.valueOf(1000)).toString());
    assertThat(justFits.statusCode()).as(justFits.asString()).isEqualTo(200);
    assertThat(balance("ase1", "alice")).isEqualTo(MAX);
    assertThat(snapshot(grant).wallet("ase1", "alice")).isEqualTo(MAX + "/0");
  }

  @Test
  void preloadWhenReceiverCannotTakeTheMoneyThenRefusedAndNothingStored() {
    setBalance("ase2", "dave", MAX);
    Books before = Books.read(ASES, SANDBOX::adminClient);

    Response refused =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"wallet":"alice","incomingPayments":3,"outgoingPayments":2,"receiver":"%s"}""",
                    SANDBOX.wallet("ase2", "dave")))
            .post("/admin/preload");

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.description"))
        .contains(SANDBOX.wallet("ase2", "dave"))
        .contains("2^64 - 1");
    assertThat(Books.read(ASES, SANDBOX::adminClient)).isEqualTo(before);
  }

  /** Everything a refused payment must leave as it was. */
  private record Snapshot(Books books, String windows, String grantSpent, List<String> events) {
    String wallet(String ase, String name) {
      return books.wallets().get(SANDBOX.wallet(ase, name));
    }

    long balance(String ase, String name) {
      return Long.parseLong(wallet(ase, name).split("/")[0]);
    }
  }

  private Snapshot snapshot(Grant grant) {
    Response windows = SANDBOX.admin("ase1").get("/admin/grants/" + grant.id());
    assertThat(windows.statusCode()).as(windows.asString()).isEqualTo(200);
    Response spent =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + grant.token())
            .get("/outgoing-payment-grant");
    assertThat(spent.statusCode()).as(spent.asString()).isEqualTo(200);
    List<String> events = new ArrayList<>(events("ase1"));
    events.addAll(events("ase2"));
    return new Snapshot(
        Books.read(ASES, SANDBOX::adminClient),
        String.valueOf(windows.jsonPath().getList("windows")),
        spent.asString(),
        events);
  }

  private record Grant(String id, String token) {}

  /** Outgoing payments from alice, at most 2^64 - 1 debited per month. */
  private Grant limitedGrant() {
    Instant now = SANDBOX.sandbox().clock().instant();
    return grant(
        """
        ,"limits":{"debitAmount":{"value":"%s","assetCode":"USD","assetScale":2},\
        "interval":"R/%s/P1M"}"""
            .formatted(MAX, now.minusSeconds(3600)));
  }

  /** Outgoing payments from alice without amount limit, counted per month. */
  private Grant unlimitedGrant() {
    Instant now = SANDBOX.sandbox().clock().instant();
    return grant(",\"limits\":{\"interval\":\"R/%s/P1M\"}".formatted(now.minusSeconds(3600)));
  }

  private Grant grant(String limits) {
    List<String> known = outgoingGrantIds();
    TestClient.Token token =
        client.interactiveToken(
            "ase1",
            Bodies.json(
                "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],"
                    + "\"identifier\":\"%s\"%s}]",
                SANDBOX.wallet("ase1", "alice"), limits));
    List<String> ids = outgoingGrantIds();
    ids.removeAll(known);
    assertThat(ids).hasSize(1);
    return new Grant(ids.get(0), token.value());
  }

  private static List<String> outgoingGrantIds() {
    return new ArrayList<>(
        SANDBOX
            .admin("ase1")
            .get("/admin/grants")
            .jsonPath()
            .<String>getList("result.findAll { it.access[0].type == 'outgoing-payment' }.id"));
  }

  private String incomingToken() {
    return client
        .token("ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]")
        .value();
  }

  /** An incoming payment on dave (ase2, USD) without incoming amount. */
  private String openIncomingPayment() {
    Response created =
        client
            .signed("ase2")
            .header("Authorization", "GNAP " + incomingToken())
            .contentType("application/json")
            .body(Bodies.json("{\"walletAddress\":\"%s\"}", SANDBOX.wallet("ase2", "dave")))
            .post("/incoming-payments");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.path("id");
  }

  private String received(String incomingPayment) {
    Response read =
        client
            .signedAnywhere()
            .header("Authorization", "GNAP " + incomingToken())
            .get(incomingPayment);
    assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
    return read.path("receivedAmount.value");
  }

  private String quote(String receiver, String debit) {
    TestClient.Token token =
        client.token("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\"]}]");
    Response quote =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"walletAddress":"%s","receiver":"%s","method":"ilp",
                     "debitAmount":{"value":"%s","assetCode":"USD","assetScale":2}}""",
                    SANDBOX.wallet("ase1", "alice"), receiver, debit))
            .post("/quotes");
    assertThat(quote.statusCode()).as(quote.asString()).isEqualTo(201);
    return quote.path("id");
  }

  private Response pay(String form, Grant grant, String receiver, String debit) {
    return form.equals("quote")
        ? payQuote(grant, quote(receiver, debit))
        : payDirect(grant, receiver, debit);
  }

  private Response payQuote(Grant grant, String quote) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + grant.token())
        .contentType("application/json")
        .body(
            Bodies.json(
                "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}",
                SANDBOX.wallet("ase1", "alice"), quote))
        .post("/outgoing-payments");
  }

  private Response payDirect(Grant grant, String receiver, String debit) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + grant.token())
        .contentType("application/json")
        .body(
            Bodies.json(
                """
                {"walletAddress":"%s","incomingPayment":"%s",
                 "debitAmount":{"value":"%s","assetCode":"USD","assetScale":2}}""",
                SANDBOX.wallet("ase1", "alice"), receiver, debit))
        .post("/outgoing-payments");
  }

  private JsonPath awaitFailed(Grant grant, String payment) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (true) {
      JsonPath read =
          client
              .signedAnywhere()
              .header("Authorization", "GNAP " + grant.token())
              .get(payment)
              .jsonPath();
      if (read.getBoolean("failed")) {
        return read;
      }
      assertThat(Instant.now()).as("payment %s still processing", payment).isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private void processingDelay(String delay) {
    SANDBOX
        .admin("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"" + delay + "\"}")
        .post("/admin/processing")
        .then()
        .statusCode(200);
  }

  private static Response balanceRequest(String ase, String wallet, BigInteger value) {
    return SANDBOX
        .admin(ase)
        .contentType("application/json")
        .body("{\"value\":\"" + value + "\"}")
        .post("/admin/wallet-addresses/" + wallet + "/balance");
  }

  private static void setBalance(String ase, String wallet, BigInteger value) {
    Response response = balanceRequest(ase, wallet, value);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
  }

  private static BigInteger balance(String ase, String wallet) {
    return new BigInteger(
        SANDBOX.admin(ase).get("/admin/wallet-addresses/" + wallet).<String>path("balance.value"));
  }

  private static List<String> events(String ase) {
    return SANDBOX.admin(ase).get("/admin/events?limit=1000").path("result.type");
  }
}

package dev.opkit.mock.resource.incoming;

import static dev.opkit.mock.testing.TestGrants.CLIENT;
import static dev.opkit.mock.testing.TestGrants.OTHER_CLIENT;
import static dev.opkit.mock.testing.TestGrants.incoming;
import static dev.opkit.protocol.gnap.AccessAction.COMPLETE;
import static dev.opkit.protocol.gnap.AccessAction.CREATE;
import static dev.opkit.protocol.gnap.AccessAction.LIST;
import static dev.opkit.protocol.gnap.AccessAction.LIST_ALL;
import static dev.opkit.protocol.gnap.AccessAction.READ;
import static dev.opkit.protocol.gnap.AccessAction.READ_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.mock.testing.SpecCheck;
import dev.opkit.mock.testing.TestGrants;
import dev.opkit.protocol.gnap.AccessAction;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IncomingPaymentApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void createWhenValidThenPendingPaymentOnTheOwningOriginWithIlpMethod() {
    Response response = createFor(token(CLIENT, CREATE), "2500");

    SpecCheck.resource(response, "create-incoming-payment")
        .then()
        .statusCode(201)
        .body("id", startsWith(SANDBOX.base("ase1") + "/incoming-payments/"))
        .body("walletAddress", equalTo(alice()))
        .body("incomingAmount.value", equalTo("2500"))
        .body("receivedAmount.value", equalTo("0"))
        .body("completed", equalTo(false))
        .body("metadata.externalRef", equalTo("INV-1"))
        .body("methods", hasSize(1))
        .body("methods[0].type", equalTo("ilp"))
        .body("methods[0].ilpAddress", startsWith("test.opkit.ase1.alice."));
    assertThat(SANDBOX.access().requests().get(0).message().targetUri())
        .isEqualTo(SANDBOX.base("ase1") + "/incoming-payments");
  }

  @Test
  void createWhenNoTokenThen401() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"walletAddress\":\"" + alice() + "\"}")
        .post("/incoming-payments")
        .then()
        .statusCode(401)
        .body("error.code", equalTo("401"));
  }

  @Test
  void createWhenTokenLacksCreateThen403() {
    createFor(token(CLIENT, READ), "100").then().statusCode(403);
  }

  @Test
  void createWhenWalletOfAnotherProviderThen400() {
    create(token(CLIENT, CREATE), "{\"walletAddress\":\"" + SANDBOX.wallet("ase2", "carol") + "\"}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("not a wallet address of this resource server"));
  }

  @Test
  void createWhenAmountInWrongAssetThen400() {
    create(
            token(CLIENT, CREATE),
            """
            {"walletAddress":"%s","incomingAmount":{"value":"1","assetCode":"EUR","assetScale":2}}"""
                .formatted(alice()))
        .then()
        .statusCode(400)
        .body("error.description", containsString("must be in USD scale 2"));
  }

  @Test
  void createWhenAmountZeroThen400() {
    createFor(token(CLIENT, CREATE), "0")
        .then()
        .statusCode(400)
        .body("error.description", containsString("greater than zero"));
  }

  @Test
  void createWhenExpiresAtPastOrTooFarThen400() {
    String token = token(CLIENT, CREATE);
    Instant now = SANDBOX.sandbox().clock().instant();
    create(token, expiring(now.minusSeconds(1)))
        .then()
        .statusCode(400)
        .body("error.description", containsString("not in the future"));
    create(token, expiring(now.plusSeconds(31L * 86_400)))
        .then()
        .statusCode(400)
        .body("error.description", containsString("more than 30 days"));
  }

  @Test
  void getWhenTokenReadsOwnPaymentThenFullViewWithMethods() {
    String token = token(CLIENT, CREATE, READ);
    String id = createFor(token, "100").path("id");

    Response response = SANDBOX.at("ase1").header("Authorization", "GNAP " + token).get(path(id));

    SpecCheck.resource(response, "get-incoming-payment")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("methods", hasSize(1));
  }

  @Test
  void getWhenNoTokenThenPublicView() {
    String id = createFor(token(CLIENT, CREATE), "100").path("id");

    Response response = SANDBOX.at("ase1").get(path(id));

    SpecCheck.resource(response, "get-incoming-payment")
        .then()
        .statusCode(200)
        .body("receivedAmount.value", equalTo("0"))
        .body("authServer", equalTo(SANDBOX.base("ase1") + "/auth"))
        .body("id", nullValue());
  }

  @Test
  void getWhenOtherClientWithReadThen404AndWithReadAllThen200() {
    String id = createFor(token(CLIENT, CREATE), "100").path("id");

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token(OTHER_CLIENT, READ))
        .get(path(id))
        .then()
        .statusCode(404);
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token(OTHER_CLIENT, READ_ALL))
        .get(path(id))
        .then()
        .statusCode(200);
  }

  @Test
  void getWhenUnknownIdThen401AsRafiki() {
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token(CLIENT, READ))
        .get("/incoming-payments/7b7bb2a6-9bd5-4c35-9f6c-3bcd70dd21f8")
        .then()
        .statusCode(401)
        .body("error.code", equalTo("401"));
    SANDBOX.at("ase1").get("/incoming-payments/not-a-uuid").then().statusCode(401);
  }

  @Test
  void getWhenPaymentBelongsToAnotherProviderThenUnknownThere() {
    String id = createFor(token(CLIENT, CREATE), "100").path("id");

    SANDBOX.at("ase2").get("/incoming-payments/" + uuid(id)).then().statusCode(401);
  }

  @Test
  void listWhenPagedThenNewestFirstWithCursors() {
    String token = token(CLIENT, CREATE, LIST);
    List<String> ids =
        List.of(
            createFor(token, "1").path("id"),
            createFor(token, "2").path("id"),
            createFor(token, "3").path("id"));

    Response first = list(token, "first=2");

    SpecCheck.resource(first, "list-incoming-payments")
        .then()
        .statusCode(200)
        .body("result.id", equalTo(List.of(ids.get(2), ids.get(1))))
        .body("result[0].methods", nullValue())
        .body("pagination.hasNextPage", equalTo(true))
        .body("pagination.hasPreviousPage", equalTo(false))
        .body("pagination.startCursor", equalTo(uuid(ids.get(2))))
        .body("pagination.endCursor", equalTo(uuid(ids.get(1))));
    list(token, "cursor=" + uuid(ids.get(1)))
        .then()
        .body("result.id", equalTo(List.of(ids.get(0))))
        .body("pagination.hasNextPage", equalTo(false))
        .body("pagination.hasPreviousPage", equalTo(true));
    list(token, "last=5&cursor=" + uuid(ids.get(0)))
        .then()
        .body("result.id", equalTo(List.of(ids.get(2), ids.get(1))))
        .body("pagination.hasPreviousPage", equalTo(false));
  }

  @Test
  void listWhenListOnlyThenOwnPaymentsAndListAllThenAll() {
    createFor(token(CLIENT, CREATE), "1");
    createFor(token(OTHER_CLIENT, CREATE), "2");

    list(token(CLIENT, LIST), "")
        .then()
        .body("result", hasSize(1))
        .body("result[0].incomingAmount.value", equalTo("1"));
    list(token(CLIENT, LIST_ALL), "").then().body("result", hasSize(2));
  }

  @Test
  void listWhenBadPaginationOrNoWalletThen400() {
    String token = token(CLIENT, LIST);
    list(token, "first=101").then().statusCode(400);
    list(token, "first=1&last=1").then().statusCode(400);
    list(token, "cursor=7b7bb2a6-9bd5-4c35-9f6c-3bcd70dd21f8")
        .then()
        .statusCode(400)
        .body("error.description", containsString("not an incoming payment of this list"));
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get("/incoming-payments")
        .then()
        .statusCode(400)
        .body("error.description", containsString("wallet-address"));
  }

  @Test
  void completeWhenPendingThenCompletedAndThenWrongState() {
    String token = token(CLIENT, CREATE, COMPLETE);
    String id = createFor(token, "100").path("id");

    Response completed =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token)
            .contentType("application/json")
            .post(path(id) + "/complete");

    SpecCheck.resource(completed, "complete-incoming-payment")
        .then()
        .statusCode(200)
        .body("completed", equalTo(true));
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .post(path(id) + "/complete")
        .then()
        .statusCode(409)
        .body("error.description", containsString("only a pending one"));
    assertThat(eventTypes())
        .containsExactly("incoming_payment.created", "incoming_payment.completed");
  }

  @Test
  void expiryWhenNothingReceivedThenDeletedAsRafiki() {
    String token = token(CLIENT, CREATE, READ, LIST, COMPLETE);
    Instant now = SANDBOX.sandbox().clock().instant();
    String id = create(token, expiring(now.plusSeconds(600))).path("id");
    String kept = createFor(token, "100").path("id");

    advanceClock("PT11M");

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get(path(id))
        .then()
        .statusCode(401)
        .body("error.code", equalTo("401"));
    SANDBOX.at("ase1").get(path(id)).then().statusCode(401);
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .post(path(id) + "/complete")
        .then()
        .statusCode(401);
    list(token, "").then().statusCode(200).body("result.id", equalTo(List.of(kept)));
    payments
        .quote("ase2", "dave", id, "")
        .then()
        .statusCode(400)
        .body("error.description", containsString("not an incoming payment"));
    assertThat(eventTypes())
        .containsExactly("incoming_payment.created", "incoming_payment.created");
    assertThat(SANDBOX.sandbox().storedCounts().incomingPayments()).isEqualTo(1);
  }

  @Test
  void expiryWhenNotSweptYetThenAlreadyUnknownAsRafiki() {
    String token = token(CLIENT, CREATE, READ, LIST);
    Instant now = SANDBOX.sandbox().clock().instant();
    String id = create(token, expiring(now.plusSeconds(600))).path("id");

    // Moving the clock without the admin API runs no sweep: reads still see the expiry.
    SANDBOX.sandbox().clock().advance(java.time.Duration.ofMinutes(11));

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get(path(id))
        .then()
        .statusCode(401);
    list(token, "").then().statusCode(200).body("result", hasSize(0));
  }

  @Test
  void expiryWhenSomethingReceivedThenExpiredEventAndStillReadable() {
    String token = token(CLIENT, CREATE, READ, LIST);
    Instant now = SANDBOX.sandbox().clock().instant();
    String id =
        create(
                token,
                """
                {"walletAddress":"%s","expiresAt":"%s",                "incomingAmount":{"value":"2500","assetCode":"USD","assetScale":2}}"""
                    .formatted(alice(), now.plusSeconds(600)))
            .path("id");
    String dave = SANDBOX.wallet("ase2", "dave");
    payments
        .payQuote(
            "ase2",
            "dave",
            payments.quoteId(
                "ase2",
                "dave",
                id,
                "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}"),
            payments.token("g1", TestGrants.outgoing(dave, CREATE)))
        .then()
        .statusCode(201);

    advanceClock("PT11M");

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get(path(id))
        .then()
        .statusCode(200)
        .body("receivedAmount.value", equalTo("990"))
        .body("completed", equalTo(false))
        .body("methods", hasSize(0));
    list(token, "").then().body("result.id", equalTo(List.of(id)));
    assertThat(eventTypes())
        .containsExactly("incoming_payment.created", "incoming_payment.expired");
  }

  private String token(String client, AccessAction... actions) {
    return SANDBOX.access().issue("grant-" + client, client, incoming(actions));
  }

  private Response create(String token, String body) {
    return SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(body)
        .post("/incoming-payments");
  }

  private Response createFor(String token, String amount) {
    return create(
        token,
        """
        {"walletAddress":"%s","incomingAmount":{"value":"%s","assetCode":"USD","assetScale":2},\
        "metadata":{"externalRef":"INV-1"}}"""
            .formatted(alice(), amount));
  }

  private Response list(String token, String query) {
    return SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get(
            "/incoming-payments?wallet-address="
                + URLEncoder.encode(alice(), StandardCharsets.UTF_8)
                + (query.isEmpty() ? "" : "&" + query));
  }

  private String expiring(Instant at) {
    return "{\"walletAddress\":\"%s\",\"expiresAt\":\"%s\"}".formatted(alice(), at);
  }

  private void advanceClock(String duration) {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"advance\":\"" + duration + "\"}")
        .post("/admin/clock")
        .then()
        .statusCode(200);
  }

  private List<String> eventTypes() {
    return SANDBOX.at("ase1").get("/admin/events").path("result.type");
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
}

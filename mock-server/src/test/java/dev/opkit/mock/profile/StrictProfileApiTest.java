package dev.opkit.mock.profile;

import static dev.opkit.mock.testing.TestGrants.outgoingLimited;
import static dev.opkit.protocol.gnap.AccessAction.CREATE;
import static dev.opkit.protocol.gnap.AccessAction.LIST;
import static dev.opkit.protocol.gnap.AccessAction.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.mock.testing.TestGrants;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the resource server emits under the {@code strict} behaviour profile. */
class StrictProfileApiTest {
  @RegisterExtension
  static final SandboxExtension SANDBOX = new SandboxExtension(c -> c.withProfile("strict"));

  private static final String TEN_DOLLARS =
      "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}";

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void errorsWhenStrictThenNamedCodesAnd404ForUnknownResources() {
    SANDBOX
        .at("ase1")
        .get("/incoming-payments/7b7bb2a6-9bd5-4c35-9f6c-3bcd70dd21f8")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("not_found"));
    SANDBOX.at("ase1").get("/nobody").then().body("error.code", equalTo("not_found"));
  }

  @Test
  void grantSpentWhenStrictThenIncludesThePayment() {
    String token =
        payments.token(
            "g1",
            outgoingLimited(
                SANDBOX.wallet("ase1", "alice"), Amount.of(5000, new Asset("USD", 2)), null));
    String receiver = payments.incomingPayment("ase2", "dave", null, null);

    payments
        .payQuote("ase1", "alice", payments.quoteId("ase1", "alice", receiver, TEN_DOLLARS), token)
        .then()
        .statusCode(201)
        .body("grantSpentDebitAmount.value", equalTo("1000"))
        .body("grantSpentReceiveAmount.value", equalTo("990"));
  }

  @Test
  void intervalWhenStrictThenRnHasNWindows() {
    String interval = "R1/" + SANDBOX.sandbox().clock().instant().minusSeconds(60) + "/P1M";
    String token =
        payments.token(
            "g1",
            outgoingLimited(
                SANDBOX.wallet("ase1", "alice"), Amount.of(5000, new Asset("USD", 2)), interval));
    SANDBOX.sandbox().clock().advance(java.time.Period.ofMonths(1));
    String receiver = payments.incomingPayment("ase2", "dave", null, null);

    payments
        .payQuote("ase1", "alice", payments.quoteId("ase1", "alice", receiver, TEN_DOLLARS), token)
        .then()
        .statusCode(403)
        .body("error.code", equalTo("limit_exceeded"))
        .body("error.description", containsString("last window has ended"));
  }

  @Test
  void expiryWhenStrictThenPaymentThatReceivedNothingStaysReadableAsExpired() {
    String token =
        SANDBOX.access().issue("g1", TestGrants.CLIENT, TestGrants.incoming(CREATE, READ, LIST));
    String alice = SANDBOX.wallet("ase1", "alice");
    String id =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token)
            .contentType("application/json")
            .body(
                "{\"walletAddress\":\"%s\",\"expiresAt\":\"%s\"}"
                    .formatted(alice, SANDBOX.sandbox().clock().instant().plusSeconds(600)))
            .post("/incoming-payments")
            .path("id");

    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"advance\":\"PT11M\"}")
        .post("/admin/clock")
        .then()
        .statusCode(200);

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get(id.substring(SANDBOX.base("ase1").length()))
        .then()
        .statusCode(200)
        .body("completed", equalTo(false))
        .body("methods", hasSize(0));
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get(
            "/incoming-payments?wallet-address=" + URLEncoder.encode(alice, StandardCharsets.UTF_8))
        .then()
        .body("result.id", equalTo(List.of(id)));
    assertThat(SANDBOX.at("ase1").get("/admin/events").<List<String>>path("result.type"))
        .containsExactly("incoming_payment.created", "incoming_payment.expired");
  }

  @Test
  void quoteWhenStrictAndDebitDeliversNothingThenNamedCodeWithMinSendAmount() {
    String receiver = payments.incomingPayment("ase2", "carol", null, null);

    payments
        .quote(
            "ase1",
            "alice",
            receiver,
            "\"debitAmount\":{\"value\":\"2\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("invalid_amount"))
        .body("error.details.minSendAmount.value", equalTo("3"));
  }
}

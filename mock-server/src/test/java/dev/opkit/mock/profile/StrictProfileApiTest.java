package dev.opkit.mock.profile;

import static dev.opkit.mock.testing.TestGrants.outgoingLimited;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
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
}

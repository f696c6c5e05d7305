package dev.opkit.mock.testing;

import static dev.opkit.mock.testing.TestGrants.CLIENT;
import static dev.opkit.mock.testing.TestGrants.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.model.AccessItem;
import io.restassured.response.Response;
import java.math.BigInteger;

/**
 * The resource-server steps of a payment, through the API: incoming payment on the receiver's
 * provider, quote and outgoing payment on the sender's. Tokens come from the test auth double.
 */
public final class Payments {
  private final SandboxExtension sandbox;

  public Payments(SandboxExtension sandbox) {
    this.sandbox = sandbox;
  }

  /** Creates an incoming payment on a wallet; {@code value} null for none. Returns its URL. */
  public String incomingPayment(String ase, String wallet, String value, String assetCode) {
    String token = sandbox.access().issue("incoming-grant", CLIENT, incoming(AccessAction.CREATE));
    String amount =
        value == null
            ? ""
            : ",\"incomingAmount\":{\"value\":\"%s\",\"assetCode\":\"%s\",\"assetScale\":2}"
                .formatted(value, assetCode);
    Response response =
        sandbox
            .at(ase)
            .header("Authorization", "GNAP " + token)
            .contentType("application/json")
            .body("{\"walletAddress\":\"" + sandbox.wallet(ase, wallet) + "\"" + amount + "}")
            .post("/incoming-payments");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    return response.path("id");
  }

  /** Posts a quote request from a wallet; {@code amounts} is extra JSON members or empty. */
  public Response quote(String ase, String wallet, String receiver, String amounts) {
    String token =
        sandbox.access().issue("quote-grant", CLIENT, TestGrants.quote(AccessAction.CREATE));
    return sandbox
        .at(ase)
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            "{\"walletAddress\":\"%s\",\"receiver\":\"%s\",\"method\":\"ilp\"%s}"
                .formatted(
                    sandbox.wallet(ase, wallet), receiver, amounts.isEmpty() ? "" : "," + amounts))
        .post("/quotes");
  }

  /** A created quote's URL. */
  public String quoteId(String ase, String wallet, String receiver, String amounts) {
    Response response = quote(ase, wallet, receiver, amounts);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    return response.path("id");
  }

  /** Posts an outgoing payment from a quote with a token for {@code access}. */
  public Response payQuote(String ase, String wallet, String quoteId, String token) {
    return sandbox
        .at(ase)
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}"
                .formatted(sandbox.wallet(ase, wallet), quoteId))
        .post("/outgoing-payments");
  }

  /** A token of grant {@code grantId} for {@link TestGrants#CLIENT}. */
  public String token(String grantId, AccessItem... access) {
    return sandbox.access().issue(grantId, CLIENT, access);
  }

  /** The available balance of a wallet, from the admin API. */
  public BigInteger balance(String ase, String wallet) {
    return sandbox.admin(ase).wallet(wallet).balance().value();
  }

  /** Whether the books balance, from the admin API. */
  public boolean invariantHolds() {
    return sandbox.admin("ase1").ledger().invariantHolds();
  }
}

package dev.opkit.mock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.gnap.HashEncoding;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The auth server in the {@code strict} profile (PROTOCOL.md §10): base64url finish hash, 401 for
 * inactive tokens, expired tokens still rotate (RFC 9635 §6.1), {@code Rn} as n windows, named
 * error codes, the spec's 401 code for a continuation body without a reference, 401 for a token
 * without a signature.
 */
class StrictProfileApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX = new AuthSandbox(c -> c.withProfile("strict"));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"list\"]}]";

  private static final String OUTGOING =
      "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @Test
  void finishHashWhenStrictThenBase64UrlWithoutPadding() {
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));

    Map<String, String> finish = TestClient.finishParameters(client.decide(pending, "accept"));

    assertThat(finish.get("hash"))
        .isEqualTo(
            new FinishHash(
                    pending.clientNonce(),
                    pending.finish(),
                    finish.get("interact_ref"),
                    SANDBOX.authServer("ase1"))
                .encode(HashEncoding.URL_UNPADDED))
        .doesNotContain("=", "+", "/");
  }

  @Test
  void resourceServerWhenTokenRevokedThenUnauthorizedWithNamedCode() {
    TestClient.Token token = client.token("ase1", INCOMING);
    client.revoke(token);

    Response response = list(token.value());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_token");
    assertThat(response.header("WWW-Authenticate")).startsWith("GNAP as_uri=");
  }

  @Test
  void rotateWhenExpiredThenNewTokenWorks() {
    TestClient.Token token = client.token("ase1", INCOMING);
    SANDBOX.advance("PT10M");
    assertThat(list(token.value()).statusCode()).isEqualTo(401);

    Response response = client.rotate(token);

    assertThat(response.statusCode()).isEqualTo(200);
    String rotated = response.path("access_token.value");
    assertThat(list(rotated).statusCode()).isEqualTo(200);
  }

  @Test
  void intervalWhenStrictThenRnGivesNWindows() {
    DirectPayments payments = new DirectPayments(SANDBOX, client);
    Instant now = SANDBOX.sandbox().clock().instant();
    TestClient.Token token = payments.grant("100", "R1/" + now + "/PT5M");

    Response first = payments.pay(token.value(), "100");
    SANDBOX.advance("PT5M");
    Response second = payments.pay(token.value(), "100");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.<String>path("grantSpentDebitAmount.value")).isEqualTo("100");
    assertThat(second.statusCode()).isEqualTo(403);
    assertThat(second.<String>path("error.code")).isEqualTo("limit_exceeded");
    assertThat(second.<String>path("error.description")).contains("last window has ended");
  }

  @Test
  void continueWhenUserRejectedThenInvalidContinuationAsForAFinalizedGrant() {
    // RFC 9635 §5: no active grant to continue (a rejected grant is finalized, §1.5).
    TestClient.Pending pending = client.requestInteractive("ase1", OUTGOING.formatted(alice()));
    client.decide(pending, "reject");
    SANDBOX.advance("PT5S");

    Response response =
        SpecAssert.auth(
            client.continueWith(pending, UUID.randomUUID().toString()), "post-continue");

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_continuation");
    assertThat(response.<String>path("error.description")).contains("rejected");
  }

  @Test
  void continueWhenBodyHasNoInteractRefThenRequestDenied() {
    TestClient.Pending pending = client.requestInteractive("ase1", OUTGOING.formatted(alice()));
    SANDBOX.advance("PT5S");

    Response response =
        SpecAssert.auth(
            client
                .signedAnywhere()
                .header("Authorization", "GNAP " + pending.continueToken())
                .contentType("application/json")
                .body("{\"foo\":1}")
                .post(pending.continueUri()),
            "post-continue");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.code")).isEqualTo("request_denied");
    assertThat(response.<String>path("error.description"))
        .contains("missing interaction reference");
  }

  @Test
  void grantWhenPostedWithTrailingSlashThenIssued() {
    Response response =
        client
            .signedAnywhere()
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", INCOMING, client.url()))
            .post(SANDBOX.authServer("ase1") + "/");

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
  }

  @Test
  void resourceServerWhenTokenButNoSignatureThenUnauthorized() {
    TestClient.Token incoming = client.token("ase1", INCOMING);
    TestClient.Token outgoing = new DirectPayments(SANDBOX, client).grant("100", null);

    Response listed =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + incoming.value())
            .get("/incoming-payments?wallet-address=" + alice());
    Response grantSpent =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + outgoing.value())
            .get("/outgoing-payment-grant");

    assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(401);
    assertThat(listed.<String>path("error.code")).isEqualTo("invalid_client");
    assertThat(listed.<String>path("error.description")).contains("no Signature-Input");
    assertThat(grantSpent.statusCode()).as(grantSpent.asString()).isEqualTo(401);
    assertThat(grantSpent.<String>path("error.description")).contains("no Signature-Input");
  }

  private static String alice() {
    return SANDBOX.wallet("ase1", "alice");
  }

  private Response list(String token) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token)
        .get("/incoming-payments?wallet-address=" + SANDBOX.wallet("ase1", "alice"));
  }
}

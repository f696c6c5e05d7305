package dev.opkit.mock.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The resource-server steps of the guide for a {@link TestClient}: incoming payment, quote and
 * outgoing payment, each with a token from the sandbox's auth server.
 */
public final class Wallets {
  private final AuthSandbox sandbox;
  private final TestClient client;

  public Wallets(AuthSandbox sandbox, TestClient client) {
    this.sandbox = sandbox;
    this.client = client;
  }

  /** An incoming payment of {@code value} (scale 2) on a wallet; returns its URL. */
  public String incomingPayment(String ase, String wallet, String value, String assetCode) {
    TestClient.Token token =
        client.token(ase, "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]");
    Instant expires = sandbox.sandbox().clock().instant().plusSeconds(600);
    Response response =
        client
            .signed(ase)
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"walletAddress":"%s","expiresAt":"%s",
                     "incomingAmount":{"value":"%s","assetCode":"%s","assetScale":2}}""",
                    sandbox.wallet(ase, wallet), expires, value, assetCode))
            .post("/incoming-payments");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    return response.path("id");
  }

  /** A quote from a wallet to an incoming payment; returns the 201 response. */
  public Response quote(String ase, String wallet, String receiver) {
    TestClient.Token token =
        client.token(ase, "[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]");
    Response response =
        client
            .signed(ase)
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"walletAddress\":\"%s\",\"receiver\":\"%s\",\"method\":\"ilp\"}",
                    sandbox.wallet(ase, wallet), receiver))
            .post("/quotes");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    return response;
  }

  /** Posts an outgoing payment from a quote with a token. */
  public Response pay(String ase, String wallet, String quoteId, String token) {
    return client
        .signed(ase)
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            Bodies.json(
                "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}",
                sandbox.wallet(ase, wallet), quoteId))
        .post("/outgoing-payments");
  }

  /** The available balance of a wallet, from the admin API. */
  public BigInteger balance(String ase, String wallet) {
    return sandbox.adminClient(ase).wallet(wallet).balance().value();
  }
}

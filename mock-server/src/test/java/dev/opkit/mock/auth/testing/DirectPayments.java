package dev.opkit.mock.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/**
 * Outgoing payments from alice (ase1, USD) to an open incoming payment of dave (ase2, USD) in the
 * spec's second form (incoming payment + debit amount), under an interactive grant with limits.
 */
public final class DirectPayments {
  private final AuthSandbox sandbox;
  private final TestClient client;
  private String receiver;

  public DirectPayments(AuthSandbox sandbox, TestClient client) {
    this.sandbox = sandbox;
    this.client = client;
    newReceiver();
  }

  /** Opens a new incoming payment to pay into (one lives 30 days on the sandbox clock). */
  public void newReceiver() {
    TestClient.Token token =
        client.token("ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"]}]");
    Response created =
        client
            .signed("ase2")
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(Bodies.json("{\"walletAddress\":\"%s\"}", sandbox.wallet("ase2", "dave")))
            .post("/incoming-payments");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    receiver = created.path("id");
  }

  /** A token for outgoing payments from alice limited to {@code value} cents per interval. */
  public TestClient.Token grant(String value, String interval) {
    String limits =
        "{\"debitAmount\":{\"value\":\"%s\",\"assetCode\":\"USD\",\"assetScale\":2}%s}"
            .formatted(value, interval == null ? "" : ",\"interval\":\"" + interval + "\"");
    return client.interactiveToken(
        "ase1",
        "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\","
                .formatted(sandbox.wallet("ase1", "alice"))
            + "\"limits\":"
            + limits
            + "}]");
  }

  /** Pays {@code value} cents from alice to dave's incoming payment. */
  public Response pay(String token, String value) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            Bodies.json(
                """
                {"walletAddress":"%s","incomingPayment":"%s",
                 "debitAmount":{"value":"%s","assetCode":"USD","assetScale":2}}""",
                sandbox.wallet("ase1", "alice"), receiver, value))
        .post("/outgoing-payments");
  }
}

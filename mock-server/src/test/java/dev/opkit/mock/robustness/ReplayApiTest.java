package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.protocol.signature.RequestSigner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed request sent again byte for byte: where the protocol allows one resource (one outgoing
 * payment per quote, one continuation per interaction) the replay gets none; a signature whose
 * {@code created} lies far in the past is refused outright.
 */
class ReplayApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private Wallets wallets;
  private RequestSigner signer;

  @BeforeEach
  void client() {
    client = SANDBOX.client("replayer");
    wallets = new Wallets(SANDBOX, client);
    signer = new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC());
  }

  @Test
  void paymentWhenSameSignedRequestSentTwiceThenOnlyOnePaymentFromTheQuote() throws Exception {
    String alice = SANDBOX.wallet("ase1", "alice");
    String receiver = wallets.incomingPayment("ase2", "dave", "5000", "USD");
    String quote = wallets.quote("ase1", "alice", receiver).path("id");
    TestClient.Token token = client.interactiveToken("ase1", outgoing(alice));
    BigInteger before = wallets.balance("ase1", "alice");
    SignedExchange payment =
        SignedExchange.sign(
            signer,
            "POST",
            SANDBOX.base("ase1") + "/outgoing-payments",
            token.value(),
            Bodies.json("{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}", alice, quote));

    HttpResponse<String> first = payment.send();
    HttpResponse<String> replayed = payment.send();

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
    assertThat(replayed.body()).contains("was used by an outgoing payment already");
    assertThat(SANDBOX.sandbox().storedCounts().outgoingPayments()).isEqualTo(1);
    assertThat(before.subtract(wallets.balance("ase1", "alice")))
        .isEqualTo(new BigInteger(JsonPath.from(first.body()).getString("debitAmount.value")));
    assertThat(SANDBOX.sandbox().ledger().invariantHolds()).isTrue();
  }

  @Test
  void continueWhenSameSignedRequestSentTwiceThenOneAccessToken() throws Exception {
    TestClient.Pending pending =
        client.requestInteractive("ase1", outgoing(SANDBOX.wallet("ase1", "alice")));
    Response decision = client.decide(pending, "accept");
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    SignedExchange continuation =
        SignedExchange.sign(
            signer,
            "POST",
            pending.continueUri(),
            pending.continueToken(),
            Bodies.json(
                "{\"interact_ref\":\"%s\"}",
                TestClient.finishParameters(decision).get("interact_ref")));

    HttpResponse<String> first = continuation.send();
    HttpResponse<String> replayed = continuation.send();
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    HttpResponse<String> replayedAfterWait = continuation.send();

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
    assertThat(replayed.body()).contains("too_fast");
    assertThat(replayedAfterWait.statusCode()).as(replayedAfterWait.body()).isEqualTo(401);
    assertThat(replayedAfterWait.body()).contains("request_denied");
    List<String> tokens =
        SANDBOX
            .admin("ase1")
            .get("/admin/grants")
            .jsonPath()
            .getList("result[0].tokens.state", String.class);
    assertThat(tokens).containsExactly("live");
  }

  @Test
  void requestWhenCreatedFarInThePastThenRefusedAndNothingStored() throws Exception {
    TestClient.Token token =
        client.token("ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"]}]");
    for (Duration age : List.of(Duration.ofMinutes(6), Duration.ofHours(1), Duration.ofDays(400))) {
      RequestSigner old =
          new RequestSigner(
              client.keys(), client.keyId(), Clock.offset(Clock.systemUTC(), age.negated()));
      HttpResponse<String> grant =
          SignedExchange.sign(
                  old,
                  "POST",
                  SANDBOX.base("ase1") + "/auth",
                  null,
                  Bodies.json(
                      "{\"access_token\":{\"access\":[{\"type\":\"quote\",\"actions\":[\"create\"]}]},\"client\":\"%s\"}",
                      client.url()))
              .send();
      HttpResponse<String> payment =
          SignedExchange.sign(
                  old,
                  "POST",
                  SANDBOX.base("ase2") + "/incoming-payments",
                  token.value(),
                  Bodies.json("{\"walletAddress\":\"%s\"}", SANDBOX.wallet("ase2", "dave")))
              .send();

      assertThat(grant.statusCode()).as(age + " " + grant.body()).isEqualTo(401);
      assertThat(grant.body()).contains("s old");
      assertThat(payment.statusCode()).as(age + " " + payment.body()).isEqualTo(401);
    }
    assertThat(SANDBOX.sandbox().storedCounts().incomingPayments()).isZero();
    assertThat(SANDBOX.sandbox().storedCounts().grants()).isEqualTo(1);
  }

  private static String outgoing(String wallet) {
    return "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\",\"limits\":{\"debitAmount\":{\"value\":\"100000\",\"assetCode\":\"USD\",\"assetScale\":2}}}]"
        .formatted(wallet);
  }
}

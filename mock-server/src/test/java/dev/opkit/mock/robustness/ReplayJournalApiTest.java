package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.signature.RequestSigner;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed request that arrives again byte for byte, within its validity, is marked in the request
 * journal as a possible replay with when it was first seen; it is served as before (deployed
 * wallets accept replays, and a client signing without a nonce sends identical bytes for identical
 * requests within a second) unless the profile switch {@code refuseReplays} is on.
 */
class ReplayJournalApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  @RegisterExtension
  static final AuthSandbox REFUSING =
      new AuthSandbox(c -> c.withProfileOverrides(Map.of("refuseReplays", true)));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"]}]";

  @Test
  void incomingPaymentWhenSameSignedRequestSentAgainThenServedAndMarkedAsPossibleReplay()
      throws Exception {
    SignedExchange create = incomingPayment(SANDBOX);

    HttpResponse<String> first = create.send();
    HttpResponse<String> again = create.send();

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    JsonPath journal = SANDBOX.at("ase2").get("/admin/requests?limit=2").jsonPath();
    assertThat(journal.<Object>get("result[1].possibleReplay")).isNull();
    assertThat(journal.getLong("result[0].possibleReplay.firstSequence"))
        .isEqualTo(journal.getLong("result[1].sequence"));
    assertThat(journal.getString("result[0].possibleReplay.firstSeen"))
        .isEqualTo(journal.getString("result[1].at"));
    assertThat(journal.getString("result[0].possibleReplay.note"))
        .startsWith("possible replay")
        .contains("journal entry " + journal.getLong("result[1].sequence"));
    assertThat(journal.getString("result[0].outcome")).isEqualTo("verified");
  }

  @Test
  void grantWhenSameBodySignedAnewThenNotMarked() throws Exception {
    TestClient client = SANDBOX.client("careful");
    RequestSigner signer = new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC());
    String body =
        Bodies.json("{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", INCOMING, client.url());
    String grantEndpoint = SANDBOX.authServer("ase1");

    SignedExchange first = SignedExchange.sign(signer, "POST", grantEndpoint, null, body);
    assertThat(first.send().statusCode()).isEqualTo(200);
    // created has one-second resolution: a request signed within the same second is identical.
    long firstCreated = Clock.systemUTC().millis() / 1000;
    while (Clock.systemUTC().millis() / 1000 == firstCreated) {
      Thread.sleep(50);
    }
    SignedExchange second = SignedExchange.sign(signer, "POST", grantEndpoint, null, body);
    assertThat(second.send().statusCode()).isEqualTo(200);

    assertThat(second.headers().get("Signature")).isNotEqualTo(first.headers().get("Signature"));
    JsonPath journal = SANDBOX.at("ase1").get("/admin/requests?limit=2").jsonPath();
    assertThat(journal.getList("result.possibleReplay")).containsOnlyNulls().hasSize(2);
  }

  @Test
  void requestsWhenReplayedAndProfileRefusesReplaysThenUnauthorizedAndNothingMade()
      throws Exception {
    SignedExchange create = incomingPayment(REFUSING);
    TestClient client = REFUSING.client("grantee");
    SignedExchange grant =
        SignedExchange.sign(
            new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC()),
            "POST",
            REFUSING.authServer("ase1"),
            null,
            Bodies.json(
                "{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", INCOMING, client.url()));
    int grantsBefore = REFUSING.sandbox().storedCounts().grants();

    HttpResponse<String> created = create.send();
    HttpResponse<String> createReplayed = create.send();
    HttpResponse<String> granted = grant.send();
    HttpResponse<String> grantReplayed = grant.send();

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    for (HttpResponse<String> replayed : List.of(createReplayed, grantReplayed)) {
      assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(401);
      assertThat(JsonPath.from(replayed.body()).getString("error.description"))
          .contains("received before")
          .contains("refuseReplays");
    }
    // The resource server's code follows the profile ("401" in rafiki); the auth server's is named.
    assertThat(JsonPath.from(grantReplayed.body()).getString("error.code"))
        .isEqualTo("invalid_client");
    assertThat(REFUSING.sandbox().storedCounts().incomingPayments()).isEqualTo(1);
    assertThat(REFUSING.sandbox().storedCounts().grants()).isEqualTo(grantsBefore + 1);
    JsonPath journal = REFUSING.at("ase2").get("/admin/requests?limit=2").jsonPath();
    assertThat(journal.getString("result[0].outcome")).isEqualTo("refused");
    assertThat(journal.getString("result[0].reason")).isEqualTo("REPLAY");
    assertThat(journal.getLong("result[0].possibleReplay.firstSequence"))
        .isEqualTo(journal.getLong("result[1].sequence"));
  }

  /** A signed request creating an incoming payment on ase2, with a fresh client and token. */
  private static SignedExchange incomingPayment(AuthSandbox sandbox) {
    TestClient client = sandbox.client("replayer");
    TestClient.Token token = client.token("ase2", INCOMING);
    return SignedExchange.sign(
        new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC()),
        "POST",
        sandbox.base("ase2") + "/incoming-payments",
        token.value(),
        Bodies.json("{\"walletAddress\":\"%s\"}", sandbox.wallet("ase2", "dave")));
  }
}

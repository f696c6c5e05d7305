package dev.opkit.mock.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token management (RFC 9635 §6; PROTOCOL.md §4.4) in the default {@code rafiki} profile: rotation
 * kills the old value and manage URL at once and exactly one successor lives even under concurrent
 * rotations; revocation; expiry by the sandbox clock; expired tokens still rotate.
 */
class TokenApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\",\"list\"]}]";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @Test
  void rotateWhenLiveThenNewValueAndManageUrlAndOldOnesDead() {
    TestClient.Token token = client.token("ase1", INCOMING);

    Response rotation = SpecAssert.auth(client.rotate(token), "post-token");
    TestClient.Token rotated = TestClient.rotated(rotation);
    Response oldAgain = client.rotate(token);
    Response oldOnResourceServer = probe(token.value());
    Response newOnResourceServer = probe(rotated.value());

    assertThat(rotated.value()).isNotEqualTo(token.value()).hasSize(40);
    assertThat(rotated.manage()).isNotEqualTo(token.manage());
    assertThat(rotation.<Integer>path("access_token.expires_in")).isEqualTo(600);
    assertThat(rotation.<String>path("access_token.access[0].type")).isEqualTo("incoming-payment");
    assertThat(oldAgain.statusCode()).isEqualTo(401);
    assertThat(oldAgain.<String>path("error.code")).isEqualTo("invalid_client");
    assertThat(oldAgain.<String>path("error.description")).contains("was rotated");
    assertThat(oldOnResourceServer.statusCode()).isEqualTo(403);
    assertThat(oldOnResourceServer.<String>path("error.description")).contains("rotated");
    assertThat(newOnResourceServer.statusCode()).isEqualTo(200);
  }

  @Test
  void rotateAndRevokeWhenManageUrlHasTrailingSlashThenAnsweredAsWithout() {
    TestClient.Token token = client.token("ase1", INCOMING);

    Response rotation =
        SpecAssert.auth(
            client.rotate(new TestClient.Token(token.value(), token.manage() + "/")), "post-token");
    TestClient.Token rotated = TestClient.rotated(rotation);
    Response revoked = client.revoke(new TestClient.Token(rotated.value(), rotated.manage() + "/"));

    assertThat(rotated.value()).isNotEqualTo(token.value());
    assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(204);
    assertThat(probe(rotated.value()).statusCode()).isEqualTo(403);
  }

  @Test
  void rotateWhenTokenDoesNotMatchManageUrlThenInvalidClient() {
    TestClient.Token first = client.token("ase1", INCOMING);
    TestClient.Token second = client.token("ase1", INCOMING);

    Response response =
        SpecAssert.auth(
            client.rotate(new TestClient.Token(second.value(), first.manage())), "post-token");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("not the one managed");
  }

  @Test
  void rotateWhenManageUrlUnknownThenNotFoundInvalidRotation() {
    TestClient.Token token = client.token("ase1", INCOMING);
    String unknown = SANDBOX.authServer("ase1") + "/token/00000000-0000-4000-8000-000000000000";

    Response response =
        SpecAssert.auth(client.rotate(new TestClient.Token(token.value(), unknown)), "post-token");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_rotation");
  }

  @Test
  void rotateWhenUnsignedThenInvalidClient() {
    TestClient.Token token = client.token("ase1", INCOMING);

    Response response =
        SANDBOX
            .anywhere()
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .post(token.manage());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("no Signature-Input");
  }

  @Test
  void revokeWhenLiveThenNoContentAndTokenDeadEverywhere() {
    TestClient.Token token = client.token("ase1", INCOMING);

    Response revoked = client.revoke(token);
    Response again = client.revoke(token);
    Response rotation = client.rotate(token);

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.<String>path("error.code")).isEqualTo("invalid_client");
    assertThat(rotation.statusCode()).isEqualTo(401);
    assertThat(probe(token.value()).statusCode()).isEqualTo(403);
  }

  @Test
  void tokenWhenLifetimeOverOnSandboxClockThenInactiveButStillRotatesInRafikiProfile() {
    TestClient.Token token = client.token("ase1", INCOMING);
    SANDBOX.advance("PT10M");

    Response expired = probe(token.value());
    TestClient.Token rotated = TestClient.rotated(client.rotate(token));

    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.<String>path("error.description")).contains("expired");
    assertThat(expired.header("WWW-Authenticate"))
        .isEqualTo("GNAP as_uri=" + SANDBOX.authServer("ase1"));
    assertThat(probe(rotated.value()).statusCode()).isEqualTo(200);
  }

  @Test
  void rotateWhenManyAtOnceThenExactlyOneSucceedsAndOneTokenLives() throws Exception {
    TestClient.Token token = client.token("ase1", INCOMING);
    int attempts = 16;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<Future<Response>> results = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        Callable<Response> rotate = () -> client.rotate(token);
        results.add(pool.submit(rotate));
      }
      List<Response> responses = new ArrayList<>();
      for (Future<Response> result : results) {
        responses.add(result.get());
      }
      assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
      assertThat(responses).filteredOn(r -> r.statusCode() == 401).hasSize(attempts - 1);
    } finally {
      pool.shutdownNow();
    }
    List<String> states =
        SANDBOX
            .at("ase1")
            .get("/admin/grants")
            .jsonPath()
            .getList("result[0].tokens.state", String.class);
    assertThat(states).containsExactly("rotated", "live");
  }

  @Test
  void rotateWhenGrantHasSpentThenSpendingIsNotReset() {
    Wallets wallets = new Wallets(SANDBOX, client);
    String incoming = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    Response quote = wallets.quote("ase1", "alice", incoming);
    String debit = quote.path("debitAmount.value");
    TestClient.Token token =
        client.interactiveToken(
            "ase1",
            """
            [{"type":"outgoing-payment","actions":["create","read"],"identifier":"%s",
              "limits":{"debitAmount":{"value":"%s","assetCode":"USD","assetScale":2}}}]"""
                .formatted(SANDBOX.wallet("ase1", "alice"), debit));
    assertThat(wallets.pay("ase1", "alice", quote.path("id"), token.value()).statusCode())
        .isEqualTo(201);

    TestClient.Token rotated = TestClient.rotated(client.rotate(token));
    String secondIncoming = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    Response refused =
        wallets.pay(
            "ase1",
            "alice",
            wallets.quote("ase1", "alice", secondIncoming).path("id"),
            rotated.value());
    Response spent =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + rotated.value())
            .get("/outgoing-payment-grant");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(spent.<String>path("spentDebitAmount.value")).isEqualTo(debit);
  }

  /** A request that needs the token: list alice's incoming payments. */
  private Response probe(String token) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token)
        .get("/incoming-payments?wallet-address=" + SANDBOX.wallet("ase1", "alice"));
  }
}

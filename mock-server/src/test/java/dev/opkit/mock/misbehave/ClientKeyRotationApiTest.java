package dev.opkit.mock.misbehave;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code client-key-rotated} (issue 18): right after a payment, the key that signed it leaves the
 * client's own JWKS; a request signed with it gets what Rafiki answers for an unknown key, the
 * client's next key goes on working for the same grants, and the report card grades {@code
 * signed-with-current-key}.
 */
class ClientKeyRotationApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String PAYING =
      """
      [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
        "limits":{"debitAmount":{"value":"100000","assetCode":"USD","assetScale":2}}}]""";

  /** The client as it signs with its current key, and as it signs with its next one. */
  private record Rotating(TestClient current, TestClient next) {}

  private static Rotating clientWithNextKey(String name) {
    TestClient current = SANDBOX.client(name);
    Ed25519KeyPair nextKeys = Ed25519KeyPair.generate();
    TestClient next = TestClient.outside(SANDBOX, current.url(), nextKeys, "next-" + name);
    SANDBOX.adminClient("ase1").addKey(name, next.jwk());
    return new Rotating(current, next);
  }

  private static String quote(TestClient client) {
    Wallets wallets = new Wallets(SANDBOX, client);
    return wallets
        .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
        .path("id");
  }

  private static JsonPath report() {
    return SANDBOX.admin("ase1").accept("application/json").get("/admin/report").jsonPath();
  }

  private static String verdict(JsonPath report) {
    return report.getString("rules.find { it.id == 'signed-with-current-key' }.verdict");
  }

  @Test
  void theSigningKeyLeavesTheJwksAfterThePaymentAndTheNextKeyKeepsTheGrant() {
    Rotating client = clientWithNextKey("rotating");
    SANDBOX.misbehave(
        "ase1",
        "{\"kind\":\"client-key-rotated\",\"walletAddress\":\"" + client.current().url() + "\"}");
    TestClient.Token token =
        client
            .current()
            .interactiveToken("ase1", PAYING.formatted(SANDBOX.wallet("ase1", "alice")));
    Wallets oldKey = new Wallets(SANDBOX, client.current());
    Wallets nextKey = new Wallets(SANDBOX, client.next());

    Response first = oldKey.pay("ase1", "alice", quote(client.current()), token.value());
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);

    JsonPath jwks =
        SANDBOX
            .anywhere()
            .accept("application/json")
            .get(client.current().url() + "/jwks.json")
            .jsonPath();
    assertThat(jwks.getList("keys.kid", String.class)).containsExactly("next-rotating");

    // The old key is unknown now: 401 on the resource server (Rafiki's error shape, code "401"), as
    // Rafiki's
    // "could not find key in list of client keys", and no money moves.
    String quoteId = quote(client.next());
    BigInteger before = oldKey.balance("ase1", "alice");
    Response refused = oldKey.pay("ase1", "alice", quoteId, token.value());
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(401);
    assertThat(refused.<String>path("error.code")).isEqualTo("401");
    assertThat(refused.<String>path("error.description")).contains("keyid \"key-rotating\"");
    assertThat(oldKey.balance("ase1", "alice")).isEqualTo(before);

    // The auth server: 400 invalid_client, as Rafiki's "could not determine client".
    Response grant =
        client.current().grant("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\"]}]");
    assertThat(grant.statusCode()).as(grant.asString()).isEqualTo(400);
    assertThat(grant.<String>path("error.code")).isEqualTo("invalid_client");

    // The same grant and token, signed with the next key: served.
    Response retried = nextKey.pay("ase1", "alice", quoteId, token.value());
    assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(201);
    assertThat(oldKey.balance("ase1", "alice")).isLessThan(before);

    JsonPath report = report();
    // Two requests with the removed key after the rotation: one more than the rule allows.
    assertThat(verdict(report)).isEqualTo("failed");
    assertThat(
            report.getList(
                "rules.find { it.id == 'signed-with-current-key' }.evidence.note", String.class))
        .allMatch(note -> note.contains("key-rotating"));
  }

  @Test
  void aClientThatSwitchesAfterOneRefusalPasses() {
    Rotating client = clientWithNextKey("switching");
    SANDBOX.misbehave("ase1", "{\"kind\":\"client-key-rotated\"}");
    TestClient.Token token =
        client
            .current()
            .interactiveToken("ase1", PAYING.formatted(SANDBOX.wallet("ase1", "alice")));
    Wallets oldKey = new Wallets(SANDBOX, client.current());
    assertThat(oldKey.pay("ase1", "alice", quote(client.current()), token.value()).statusCode())
        .isEqualTo(201);
    assertThat(verdict(report())).isEqualTo("not exercised");

    String quoteId = quote(client.next());
    assertThat(oldKey.pay("ase1", "alice", quoteId, token.value()).statusCode()).isEqualTo(401);
    Response retried =
        new Wallets(SANDBOX, client.next()).pay("ase1", "alice", quoteId, token.value());
    assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(201);

    JsonPath report = report();
    assertThat(verdict(report)).isEqualTo("passed");
    assertThat(report.getList("rules.findAll { it.verdict == 'failed' }.id", String.class))
        .isEmpty();
  }

  @Test
  void theOnlyKeyIsRemovedAndTheCardSaysTheClientCouldNotSwitch() {
    TestClient lonely = SANDBOX.client("lonely");
    SANDBOX.misbehave("ase1", "{\"kind\":\"client-key-rotated\"}");
    TestClient.Token token =
        lonely.interactiveToken("ase1", PAYING.formatted(SANDBOX.wallet("ase1", "alice")));
    Wallets wallets = new Wallets(SANDBOX, lonely);
    assertThat(wallets.pay("ase1", "alice", quote(lonely), token.value()).statusCode())
        .isEqualTo(201);

    assertThat(
            SANDBOX
                .anywhere()
                .accept("application/json")
                .get(lonely.url() + "/jwks.json")
                .jsonPath()
                .getList("keys"))
        .isEmpty();
    JsonPath report = report();
    assertThat(verdict(report)).isEqualTo("not exercised");
    assertThat(report.getString("rules.find { it.id == 'signed-with-current-key' }.explanation"))
        .contains("only key")
        .contains("POST /admin/wallet-addresses/{name}/keys");
  }
}

package dev.opkit.mock.misbehave;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deliberately naive client (issue 18) against a misbehaving wallet: it continues at once instead
 * of waiting, never checks the finish hash, and pays again blindly after a lost answer. The report
 * card fails exactly those three rules and no other. Under {@code key-rotation} it goes on signing
 * with the key it has, though its key set lists only the next one: besides its usual {@code
 * honoured-wait}, it fails exactly {@code signed-with-current-key}.
 */
class NaiveClientReportCardTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  /** The naive client: what many first integrations do. */
  private static final class NaiveClient {
    private final TestClient client;
    private final Wallets wallets;

    NaiveClient(TestClient client) {
      this.client = client;
      this.wallets = new Wallets(SANDBOX, client);
    }

    /** Asks, accepts, and continues until it gets a token: no wait, no hash check. */
    TestClient.Token outgoingPaymentToken(String sender) {
      TestClient.Pending pending =
          client.requestInteractive(
              "ase1",
              """
              [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
                "limits":{"debitAmount":{"value":"100000","assetCode":"USD","assetScale":2}}}]"""
                  .formatted(sender));
      Response redirect = client.decide(pending, "accept");
      String ref = TestClient.finishParameters(redirect).get("interact_ref");
      Response continued = client.continueWith(pending, ref);
      if (continued.statusCode() != 200) {
        // too_fast: it tries again once the wallet's clock has moved on
        SANDBOX.advance("PT" + pending.waitSeconds() + "S");
        continued = client.continueWith(pending, ref);
      }
      assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
      return new TestClient.Token(
          continued.path("access_token.value"), continued.path("access_token.manage"));
    }

    /** Pays; when the answer does not come, it simply pays again. */
    void pay(String token) {
      try {
        wallets.pay("ase1", "alice", newQuote(), token);
      } catch (
          Exception lost) { // the answer was lost (an I/O exception REST Assured throws unchecked)
        wallets.pay("ase1", "alice", newQuote(), token);
      }
    }

    /** Pays a quote it made earlier, with the one key it knows. */
    Response pay(String quoteId, String token) {
      return wallets.pay("ase1", "alice", quoteId, token);
    }

    String newQuote() {
      return wallets
          .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
          .path("id");
    }
  }

  @Test
  void naiveClientFailsExactlyTheRulesItBreaks() {
    for (String misbehaviour :
        List.of(
            "{\"kind\":\"raised-wait\",\"wait\":\"PT60S\"}",
            "{\"kind\":\"wrong-finish-hash\"}",
            "{\"kind\":\"response-lost\",\"on\":\"create-outgoing-payment\"}")) {
      SANDBOX.misbehave("ase1", misbehaviour);
    }
    NaiveClient naive = new NaiveClient(SANDBOX.client("naive"));
    var before = new Wallets(SANDBOX, SANDBOX.client("auditor")).balance("ase1", "alice");

    TestClient.Token token = naive.outgoingPaymentToken(SANDBOX.wallet("ase1", "alice"));
    naive.pay(token.value());

    JsonPath report =
        SANDBOX.admin("ase1").accept("application/json").get("/admin/report").jsonPath();
    assertThat(report.getList("rules.findAll { it.verdict == 'failed' }.id", String.class))
        .containsExactlyInAnyOrder(
            "honoured-wait", "checked-finish-hash", "reconciled-after-lost-response");
    assertThat(report.getBoolean("mustBroken")).isTrue();
    assertThat(report.getString("rules.find { it.id == 'fresh-signatures' }.verdict"))
        .isEqualTo("passed");
    assertThat(report.getString("rules.find { it.id == 'covered-components' }.verdict"))
        .isEqualTo("passed");
    // The blind retry paid twice: the money the card warns about.
    assertThat(
            before.subtract(
                new Wallets(SANDBOX, SANDBOX.client("auditor2")).balance("ase1", "alice")))
        .isPositive();
  }

  @Test
  void naiveClientUnderKeyRotationFailsExactlySignedWithCurrentKey() {
    SANDBOX.adminClient("ase1").misbehaveAs("key-rotation");
    NaiveClient naive = new NaiveClient(SANDBOX.client("naive-rotated"));
    // Its operator lists a next key; the naive client never reads its own key set.
    SANDBOX
        .adminClient("ase1")
        .addKey("naive-rotated", Ed25519KeyPair.generate().toJwk("naive-rotated-next"));
    TestClient.Token token = naive.outgoingPaymentToken(SANDBOX.wallet("ase1", "alice"));
    String nextQuote = naive.newQuote();
    naive.pay(token.value());

    assertThat(naive.pay(nextQuote, token.value()).statusCode()).isEqualTo(401);
    assertThat(naive.pay(nextQuote, token.value()).statusCode()).isEqualTo(401);

    JsonPath report =
        SANDBOX.admin("ase1").accept("application/json").get("/admin/report").jsonPath();
    // honoured-wait: it continues at once, whatever the wallet's wait; the rotation adds only
    // signed-with-current-key.
    assertThat(report.getList("rules.findAll { it.verdict == 'failed' }.id", String.class))
        .containsExactlyInAnyOrder("honoured-wait", "signed-with-current-key");
  }
}

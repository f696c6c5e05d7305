package dev.opkit.mock.misbehave;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The grant and token side of the misbehaving wallet (issue 18), through real HTTP: continuation
 * tokens rotated, limits reduced at approval or after a payment, an interaction that expires,
 * rotation refused; and the rules the report card grades them with.
 */
class GrantMisbehaviourApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static void switchOn(String json) {
    SANDBOX.misbehave("ase1", json);
  }

  private static JsonPath report() {
    Response report = SANDBOX.admin("ase1").accept("application/json").get("/admin/report");
    assertThat(report.statusCode()).as(report.asString()).isEqualTo(200);
    return report.jsonPath();
  }

  private static String verdict(String rule) {
    return report().getString("rules.find { it.id == '" + rule + "' }.verdict");
  }

  private static String outgoingAccess(String sender, String debitLimit) {
    return """
        [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
          "limits":{"debitAmount":{"value":"%s","assetCode":"USD","assetScale":2}}}]"""
        .formatted(sender, debitLimit);
  }

  /** Request, accept, wait, continue: the continuation's answer. */
  private static Response continued(TestClient client, String access) {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    Response accepted = client.decide(pending, "accept");
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(303);
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    Response continued =
        client.continueWith(pending, TestClient.finishParameters(accepted).get("interact_ref"));
    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    return continued;
  }

  private static TestClient.Token token(Response continued) {
    return new TestClient.Token(
        continued.path("access_token.value"), continued.path("access_token.manage"));
  }

  private static String quote(Wallets wallets, String value) {
    return wallets
        .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", value, "EUR"))
        .path("id");
  }

  @Test
  void continuationTokenRotatedThenTheAnswerCarriesANewTokenAndTheOldOneIsDead() {
    switchOn("{\"kind\":\"continuation-token-rotated\",\"times\":5}");
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100000"));
    Response accepted = client.decide(pending, "accept");
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    Response continued =
        client.continueWith(pending, TestClient.finishParameters(accepted).get("interact_ref"));
    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    String fresh = continued.path("continue.access_token.value");
    assertThat(fresh).isNotBlank().isNotEqualTo(pending.continueToken());
    assertThat(continued.<String>path("continue.uri")).isEqualTo(pending.continueUri());
    assertThat(verdict("used-new-continuation-token")).isEqualTo("passed");

    Response stale = client.cancel(pending);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.<String>path("error.code")).isEqualTo("invalid_continuation");
    JsonPath report = report();
    assertThat(report.getString("rules.find { it.id == 'used-new-continuation-token' }.verdict"))
        .isEqualTo("failed");
    assertThat(report.getBoolean("mustBroken")).isTrue();

    Response cancelled =
        client
            .signedAnywhere()
            .header("Authorization", "GNAP " + fresh)
            .delete(pending.continueUri());
    assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(204);
  }

  @Test
  void withoutContinuationRotationTheContinuationTokenStaysAndTheRuleIsNotExercised() {
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100000"));
    Response accepted = client.decide(pending, "accept");
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    Response continued =
        client.continueWith(pending, TestClient.finishParameters(accepted).get("interact_ref"));
    assertThat(continued.<String>path("continue.access_token.value"))
        .isEqualTo(pending.continueToken());
    assertThat(verdict("used-new-continuation-token")).isEqualTo("not exercised");
  }

  @Test
  void reducedLimitThenTheIssuedAccessCarriesTheSmallerAmountAndHammeringFailsTheRule() {
    switchOn("{\"kind\":\"reduced-limit\",\"percent\":10}");
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    Response continued = continued(client, outgoingAccess(alice, "1000"));
    assertThat(continued.<String>path("access_token.access[0].limits.debitAmount.value"))
        .isEqualTo("100");
    assertThat(continued.<String>path("access_token.access[0].limits.debitAmount.assetCode"))
        .isEqualTo("USD");
    assertThat(continued.<String>path("access_token.access[0].identifier")).isEqualTo(alice);
    TestClient.Token token = token(continued);
    BigInteger before = wallets.balance("ase1", "alice");

    String quote = quote(wallets, "500");
    Response refused = wallets.pay("ase1", "alice", quote, token.value());
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
    assertThat(wallets.balance("ase1", "alice")).isEqualTo(before);
    assertThat(verdict("stopped-on-spent-limit")).isEqualTo("passed");

    wallets.pay("ase1", "alice", quote, token.value());
    assertThat(verdict("stopped-on-spent-limit")).isEqualTo("passed");
    wallets.pay("ase1", "alice", quote, token.value());
    assertThat(verdict("stopped-on-spent-limit")).isEqualTo("failed");
    assertThat(wallets.balance("ase1", "alice")).isEqualTo(before);
  }

  @Test
  void limitReducedAfterPaymentThenTheRotatedTokenShowsTheLowerLimitAndTheWalletHoldsIt() {
    switchOn("{\"kind\":\"limit-reduced-after-payment\",\"percent\":1}");
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    Response continued = continued(client, outgoingAccess(alice, "100000"));
    assertThat(continued.<String>path("access_token.access[0].limits.debitAmount.value"))
        .isEqualTo("100000");
    TestClient.Token token = token(continued);
    assertThat(wallets.pay("ase1", "alice", quote(wallets, "800"), token.value()).statusCode())
        .isEqualTo(201);

    Response rotation = client.rotate(token);
    TestClient.Token rotated = TestClient.rotated(rotation);
    assertThat(rotation.<String>path("access_token.access[0].limits.debitAmount.value"))
        .isEqualTo("1000");
    Response refused = wallets.pay("ase1", "alice", quote(wallets, "800"), rotated.value());
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].fired")).isEqualTo(1);
  }

  @Test
  void interactionExpiredThenTheUserIsSentBackWithoutAReferenceAndContinuingIsRefused() {
    switchOn("{\"kind\":\"interaction-expired\"}");
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100000"));
    Response page = client.consentPage(pending);
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(303);
    Map<String, String> back = TestClient.finishParameters(page);
    assertThat(back)
        .containsEntry("result", "invalid_interaction")
        .containsEntry("message", "interaction expired")
        .doesNotContainKeys("interact_ref", "hash");
    Response accepted = client.decide(pending, "accept");
    assertThat(TestClient.finishParameters(accepted)).doesNotContainKey("interact_ref");

    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    Response poll = client.poll(pending);
    assertThat(poll.statusCode()).isEqualTo(401);
    assertThat(poll.<String>path("error.code")).isEqualTo("request_denied");
    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].fired")).isEqualTo(1);
  }

  @Test
  void interactionExpiredForAPersonTheConsentPageSaysSo() {
    switchOn("{\"kind\":\"interaction-expired\"}");
    TestClient client = SANDBOX.client("shop");
    Response pending =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\","
                        + "\"interact\":{\"start\":[\"redirect\"]}}",
                    outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100"), client.url()))
            .post("/auth");
    assertThat(pending.statusCode()).as(pending.asString()).isEqualTo(200);
    Response page =
        SANDBOX.anywhere().accept("text/html").get(pending.<String>path("interact.redirect"));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.asString()).contains("interaction expired").doesNotContain("consent_token");
  }

  @Test
  void rotationRefusedThenAnExpiredTokenIsNotRotatedAndAClientThatStopsPassesTheRule() {
    switchOn("{\"kind\":\"token-expired-after-payment\"}");
    switchOn("{\"kind\":\"rotation-refused\"}");
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token = token(continued(client, outgoingAccess(alice, "100000")));
    assertThat(wallets.pay("ase1", "alice", quote(wallets, "500"), token.value()).statusCode())
        .isEqualTo(201);

    Response refused = client.rotate(token);
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.code")).isEqualTo("invalid_rotation");
    assertThat(refused.<String>path("error.description"))
        .contains("does not rotate the expired tokens of this grant");
    assertThat(verdict("rotated-expired-token")).isEqualTo("passed");

    wallets.pay("ase1", "alice", quote(wallets, "500"), token.value());
    assertThat(verdict("rotated-expired-token")).isEqualTo("failed");
  }

  @Test
  void rotationRefusedLeavesALiveTokenRotatable() {
    switchOn("{\"kind\":\"rotation-refused\"}");
    TestClient client = SANDBOX.client("shop");
    TestClient.Token token =
        token(continued(client, outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100000")));
    assertThat(client.rotate(token).statusCode()).isEqualTo(200);
    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].fired")).isZero();
  }

  @Test
  void afterARotationTheOldTokenOrManageUrlFailsTheManageUrlRule() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        token(continued(client, outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100000")));
    assertThat(verdict("used-new-manage-url")).isEqualTo("not exercised");
    TestClient.Token rotated = TestClient.rotated(client.rotate(token));
    assertThat(rotated.manage()).isNotEqualTo(token.manage());
    assertThat(wallets.pay("ase1", "alice", quote(wallets, "500"), rotated.value()).statusCode())
        .isEqualTo(201);
    assertThat(verdict("used-new-manage-url")).isEqualTo("passed");

    Response oldUrl = client.rotate(new TestClient.Token(rotated.value(), token.manage()));
    assertThat(oldUrl.statusCode()).isEqualTo(401);
    JsonPath report = report();
    assertThat(report.getString("rules.find { it.id == 'used-new-manage-url' }.verdict"))
        .isEqualTo("failed");
    assertThat(report.getBoolean("mustBroken")).isTrue();
  }

  @Test
  void usingTheOldTokenAfterARotationFailsTheManageUrlRule() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        token(continued(client, outgoingAccess(SANDBOX.wallet("ase1", "alice"), "100000")));
    TestClient.rotated(client.rotate(token));
    assertThat(wallets.pay("ase1", "alice", quote(wallets, "500"), token.value()).statusCode())
        .isIn(401, 403);
    assertThat(verdict("used-new-manage-url")).isEqualTo("failed");
  }

  @Test
  void badLimitReductionsAreRefusedWithJsonErrors() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "{\"kind\":\"reduced-limit\",\"percent\":0}", "'percent' is how much",
                "{\"kind\":\"reduced-limit\",\"percent\":100}", "from 1 to 99",
                "{\"kind\":\"reduced-limit\",\"percent\":\"half\"}", "percent",
                "{\"kind\":\"rotation-refused\",\"percent\":50}", "takes no parameter",
                "{\"kind\":\"continuation-token-rotated\",\"on\":\"post-continue\"}", "'on'")
            .entrySet()) {
      Response refused = SANDBOX.postMisbehaviour("ase1", bad.getKey());
      assertThat(refused.statusCode()).as(bad.getKey() + " " + refused.asString()).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/json");
      assertThat(refused.<String>path("error.description"))
          .as(bad.getKey())
          .contains(bad.getValue());
    }
  }
}

package dev.opkit.mock.misbehave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.protocol.gnap.FinishHash;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox as a misbehaving wallet (issue 18), through real HTTP: each misbehaviour switched on
 * with {@code POST /admin/misbehaviours} acts on the request, grant or payment it matches, and the
 * report card ({@code GET /admin/report}) grades what the client did next.
 */
class MisbehaviourApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static Response switchOn(String json) {
    return SANDBOX.postMisbehaviour("ase1", json);
  }

  private static JsonPath report() {
    Response report = SANDBOX.admin("ase1").accept("application/json").get("/admin/report");
    assertThat(report.statusCode()).as(report.asString()).isEqualTo(200);
    return report.jsonPath();
  }

  private static String verdict(JsonPath report, String rule) {
    return report.getString("rules.find { it.id == '" + rule + "' }.verdict");
  }

  private static String outgoingAccess(String sender) {
    return """
        [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
          "limits":{"debitAmount":{"value":"100000","assetCode":"USD","assetScale":2}}}]"""
        .formatted(sender);
  }

  @Test
  void rateLimitedWhenSwitchedOnThenTheNthRequestGets429AndAnEarlyRetryFailsTheRule() {
    Response on =
        switchOn(
            "{\"kind\":\"rate-limited\",\"on\":\"get-wallet-address\",\"nth\":2,"
                + "\"retryAfter\":\"PT30S\"}");
    assertThat(on.statusCode()).as(on.asString()).isEqualTo(201);
    assertThat(on.<String>path("id")).isNotBlank();
    String alice = SANDBOX.wallet("ase1", "alice");

    assertThat(SANDBOX.anywhere().accept("application/json").get(alice).statusCode())
        .isEqualTo(200);
    Response limited = SANDBOX.anywhere().accept("application/json").get(alice);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("30");
    assertThat(limited.<String>path("error.description")).contains("retry after 30 s");
    // Retried at once: the wallet answers, but the client did not wait.
    assertThat(SANDBOX.anywhere().accept("application/json").get(alice).statusCode())
        .isEqualTo(200);

    JsonPath report = report();
    assertThat(verdict(report, "respected-retry-after")).isEqualTo("failed");
    assertThat(report.getString("rules.find { it.id == 'respected-retry-after' }.evidence[0].path"))
        .isEqualTo("/alice");
  }

  @Test
  void rateLimitedWhenTheClientWaitsThenTheRulePasses() throws InterruptedException {
    switchOn("{\"kind\":\"rate-limited\",\"on\":\"get-wallet-address\",\"retryAfter\":\"PT1S\"}");
    String alice = SANDBOX.wallet("ase1", "alice");
    assertThat(SANDBOX.anywhere().accept("application/json").get(alice).statusCode())
        .isEqualTo(429);
    Thread.sleep(1100);
    assertThat(SANDBOX.anywhere().accept("application/json").get(alice).statusCode())
        .isEqualTo(200);

    assertThat(verdict(report(), "respected-retry-after")).isEqualTo("passed");
  }

  @Test
  void noMisbehaviourThenItsRulesAreNotExercised() {
    SANDBOX.anywhere().accept("application/json").get(SANDBOX.wallet("ase1", "alice"));
    JsonPath report = report();
    assertThat(verdict(report, "respected-retry-after")).isEqualTo("not exercised");
    assertThat(verdict(report, "checked-finish-hash")).isEqualTo("not exercised");
    assertThat(verdict(report, "reconciled-after-lost-response")).isEqualTo("not exercised");
    assertThat(report.getBoolean("mustBroken")).isFalse();
  }

  @Test
  void serverErrorWhenSwitchedOnThenTheNthRequestOfItsOperationFailsOnceOnly() {
    switchOn("{\"kind\":\"server-error\",\"on\":\"get-wallet-address-keys\",\"status\":502}");
    String jwks = SANDBOX.wallet("ase1", "alice") + "/jwks.json";
    assertThat(SANDBOX.anywhere().get(SANDBOX.wallet("ase1", "alice")).statusCode()).isEqualTo(200);
    Response failed = SANDBOX.anywhere().get(jwks);
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.<String>path("error.description")).contains("misbehaviour");
    assertThat(SANDBOX.anywhere().get(jwks).statusCode()).isEqualTo(200);

    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].fired")).isEqualTo(1);
    assertThat(list.<Boolean>path("result[0].spent")).isTrue();
  }

  @Test
  void slowAnswerWhenSwitchedOnThenTheAnswerComesAfterTheDelay() {
    switchOn("{\"kind\":\"slow-answer\",\"on\":\"get-wallet-address\",\"delay\":\"PT0.6S\"}");
    long start = System.nanoTime();
    Response slow = SANDBOX.anywhere().get(SANDBOX.wallet("ase1", "alice"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(millis).isGreaterThanOrEqualTo(600);
  }

  @Test
  void raisedWaitWhenSwitchedOnThenTheGrantWaitsLongerAndAnEarlyContinuationFailsTheRule() {
    switchOn("{\"kind\":\"raised-wait\",\"wait\":\"PT30S\"}");
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    assertThat(pending.waitSeconds()).isEqualTo(30);
    Response accepted = client.decide(pending, "accept");
    SANDBOX.advance("PT5S");
    Response early =
        client.continueWith(pending, TestClient.finishParameters(accepted).get("interact_ref"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.<String>path("error.code")).isEqualTo("too_fast");

    JsonPath report = report();
    assertThat(verdict(report, "honoured-wait")).isEqualTo("failed");
    assertThat(report.getBoolean("mustBroken")).isTrue();
  }

  @Test
  void pollingAGrantWithAFinishUriFailsTheWaitRule() {
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    assertThat(client.poll(pending).statusCode()).isEqualTo(401);

    assertThat(verdict(report(), "honoured-wait")).isEqualTo("failed");
  }

  @Test
  void wrongFinishHashWhenSwitchedOnThenTheHashDoesNotVerifyAndContinuingFailsTheRule() {
    switchOn("{\"kind\":\"wrong-finish-hash\"}");
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    Response accepted = client.decide(pending, "accept");
    Map<String, String> finish = TestClient.finishParameters(accepted);
    assertThat(
            new FinishHash(
                    pending.clientNonce(),
                    pending.finish(),
                    finish.get("interact_ref"),
                    SANDBOX.authServer("ase1"))
                .matches(finish.get("hash")))
        .isFalse();
    assertThat(verdict(report(), "checked-finish-hash")).isEqualTo("passed");

    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    assertThat(client.continueWith(pending, finish.get("interact_ref")).statusCode())
        .isEqualTo(200);
    JsonPath report = report();
    assertThat(verdict(report, "checked-finish-hash")).isEqualTo("failed");
    assertThat(report.getBoolean("mustBroken")).isTrue();
  }

  @Test
  void responseLostWhenSwitchedOnThenThePaymentIsStoredButTheConnectionClosesUnanswered() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token = client.interactiveToken("ase1", outgoingAccess(alice));
    switchOn("{\"kind\":\"response-lost\",\"on\":\"create-outgoing-payment\"}");
    String quote =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    var before = wallets.balance("ase1", "alice");

    assertThatThrownBy(() -> wallets.pay("ase1", "alice", quote, token.value()))
        .isInstanceOf(Exception.class);
    assertThat(wallets.balance("ase1", "alice")).isLessThan(before);

    // A blind retry: the quote is used, so it is refused, but the client paid without looking.
    String second =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    assertThat(wallets.pay("ase1", "alice", second, token.value()).statusCode()).isEqualTo(201);
    JsonPath report = report();
    assertThat(verdict(report, "reconciled-after-lost-response")).isEqualTo("failed");
    assertThat(report.getBoolean("mustBroken")).isTrue();
  }

  @Test
  void responseLostWhenTheClientListsItsPaymentsFirstThenTheRulePasses() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token = client.interactiveToken("ase1", outgoingAccess(alice));
    switchOn("{\"kind\":\"response-lost\",\"on\":\"create-outgoing-payment\"}");
    String quote =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    assertThatThrownBy(() -> wallets.pay("ase1", "alice", quote, token.value()))
        .isInstanceOf(Exception.class);

    Response listed =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .queryParam("wallet-address", alice)
            .get("/outgoing-payments");
    assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
    assertThat(listed.<String>path("result[0].quoteId")).isEqualTo(quote);

    assertThat(verdict(report(), "reconciled-after-lost-response")).isEqualTo("passed");
  }

  @Test
  void tokenRevokedAfterPaymentThenTheNextPaymentIsRefusedAndHammeringFailsTheRule() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token = client.interactiveToken("ase1", outgoingAccess(alice));
    switchOn("{\"kind\":\"token-revoked-after-payment\",\"walletAddress\":\"" + alice + "\"}");
    String first =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    assertThat(wallets.pay("ase1", "alice", first, token.value()).statusCode()).isEqualTo(201);

    String next =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    Response refused = wallets.pay("ase1", "alice", next, token.value());
    assertThat(refused.statusCode()).isIn(401, 403);
    assertThat(refused.<String>path("error.description")).contains("revoked");
    assertThat(verdict(report(), "stopped-after-revocation")).isEqualTo("passed");

    wallets.pay("ase1", "alice", next, token.value());
    wallets.pay("ase1", "alice", next, token.value());
    assertThat(verdict(report(), "stopped-after-revocation")).isEqualTo("failed");
  }

  @Test
  void aReplayedSignedRequestFailsTheFreshSignatureRule() {
    TestClient client = SANDBOX.client("shop");
    client.token("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]");
    assertThat(verdict(report(), "fresh-signatures")).isEqualTo("passed");
    assertThat(verdict(report(), "covered-components")).isEqualTo("passed");
  }

  @Test
  void badMisbehavioursAreRefusedWithJsonErrorsNamingTheProblem() {
    assertRefused("{\"kind\":\"teleport\"}", "unknown misbehaviour 'teleport'");
    assertRefused("{\"kind\":\"rate-limited\"}", "needs 'on'");
    assertRefused("{\"kind\":\"rate-limited\",\"on\":\"fly\"}", "names no operation");
    assertRefused(
        "{\"kind\":\"rate-limited\",\"on\":\"get-quote\",\"delay\":\"PT1S\"}",
        "takes retryAfter, not 'delay'");
    assertRefused("{\"kind\":\"server-error\",\"on\":\"get-quote\",\"status\":404}", "5xx");
    assertRefused("{\"kind\":\"slow-answer\",\"on\":\"get-quote\",\"delay\":\"PT5M\"}", "PT30S");
    assertRefused("{\"kind\":\"raised-wait\",\"wait\":\"PT5S\",\"colour\":1}", "unknown field");
    assertRefused("{\"kind\":\"raised-wait\",\"nth\":0,\"wait\":\"PT5S\"}", "'nth'");
    assertRefused("[1]", "JSON object");
    assertThat(SANDBOX.admin("ase1").get("/admin/misbehaviours").<Integer>path("result.size()"))
        .isZero();
  }

  private static void assertRefused(String body, String says) {
    Response refused = switchOn(body);
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.code")).isEqualTo("invalid_request");
    assertThat(refused.<String>path("error.description")).contains(says);
  }

  @Test
  void misbehavioursAreSwitchedOffOneByOneOrAll() {
    String id = switchOn("{\"kind\":\"raised-wait\",\"wait\":\"PT9S\"}").path("id");
    switchOn("{\"kind\":\"wrong-finish-hash\"}");
    assertThat(SANDBOX.admin("ase1").delete("/admin/misbehaviours/" + id).statusCode())
        .isEqualTo(204);
    assertThat(SANDBOX.admin("ase1").delete("/admin/misbehaviours/" + id).statusCode())
        .isEqualTo(404);
    assertThat(SANDBOX.admin("ase1").get("/admin/misbehaviours").<String>path("result[0].kind"))
        .isEqualTo("wrong-finish-hash");
    assertThat(SANDBOX.admin("ase1").delete("/admin/misbehaviours").statusCode()).isEqualTo(204);
    assertThat(SANDBOX.admin("ase1").get("/admin/misbehaviours").<Integer>path("result.size()"))
        .isZero();
  }

  @Test
  void aSessionMadeWithMisbehavioursHasThemAndKeepsThemApartFromOthers() {
    Response made =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body(
                "{\"name\":\"<b>month-3</b>\",\"misbehaviours\":[{\"kind\":\"server-error\","
                    + "\"on\":\"get-wallet-address\"}]}")
            .post("/admin/sessions");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    String session = made.path("id");
    String alice = made.path("providers[0].walletAddresses.alice");
    assertThat(SANDBOX.anywhere().get(alice).statusCode()).isEqualTo(503);
    assertThat(SANDBOX.anywhere().get(SANDBOX.wallet("ase1", "alice")).statusCode()).isEqualTo(200);

    Response html =
        SANDBOX.admin("ase1").accept("text/html").get("/admin/sessions/" + session + "/report");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.header("Content-Security-Policy")).startsWith("default-src 'none'");
    assertThat(html.asString()).contains("&lt;b&gt;month-3&lt;/b&gt;").doesNotContain("<b>month");

    Response bad =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body("{\"misbehaviours\":[{\"kind\":\"server-error\"}]}")
            .post("/admin/sessions");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.<String>path("error.description")).contains("misbehaviours[0]");
    SANDBOX.admin("ase1").delete("/admin/sessions/" + session);
  }

  @Test
  void tokenExpiredAfterPaymentThenTheClientMustRotateAndGoOnWithTheNewToken() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token = client.interactiveToken("ase1", outgoingAccess(alice));
    switchOn("{\"kind\":\"token-expired-after-payment\"}");
    String first =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    assertThat(wallets.pay("ase1", "alice", first, token.value()).statusCode()).isEqualTo(201);
    String next =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    Response expired = wallets.pay("ase1", "alice", next, token.value());
    assertThat(expired.statusCode()).isIn(401, 403);
    assertThat(expired.<String>path("error.description")).contains("expired");
    assertThat(verdict(report(), "rotated-expired-token")).isEqualTo("failed");

    TestClient.Token rotated = TestClient.rotated(client.rotate(token));
    assertThat(rotated.manage()).isNotEqualTo(token.manage());
    assertThat(wallets.pay("ase1", "alice", next, rotated.value()).statusCode()).isEqualTo(201);
    assertThat(verdict(report(), "rotated-expired-token")).isEqualTo("passed");
  }

  @Test
  void aSessionMadeFromANamedScenarioHasItsMisbehaviours() {
    Response made =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body("{\"scenario\":\"month-3\"}")
            .post("/admin/sessions");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    String session = made.path("id");
    Response list = SANDBOX.admin("ase1").get("/admin/sessions/" + session + "/misbehaviours");
    assertThat(list.<java.util.List<String>>path("result.kind"))
        .containsExactly(
            "token-expired-after-payment", "response-lost", "limit-reduced-after-payment");
    assertThat(
            SANDBOX
                .admin("ase1")
                .get("/admin/scenarios")
                .<java.util.List<String>>path("result.name"))
        .contains("well-behaved", "month-3", "lost-response");
    Response unknown =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body("{\"scenario\":\"month-4\"}")
            .post("/admin/sessions");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.<String>path("error.description")).contains("unknown scenario 'month-4'");
    SANDBOX.admin("ase1").delete("/admin/sessions/" + session);
  }

  @Test
  void extraFieldsWhenSwitchedOnThenTheDocumentCarriesFieldsTheClientNeverSaw() {
    switchOn("{\"kind\":\"extra-fields\",\"on\":\"get-wallet-address\",\"times\":2}");
    String alice = SANDBOX.wallet("ase1", "alice");
    Response document = SANDBOX.anywhere().accept("application/json").get(alice);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.<String>path("id")).isEqualTo(alice);
    assertThat(document.<String>path("cardService")).endsWith("/card-service");
    assertThat(document.<Integer>path("additionalProperties.nested.depth")).isEqualTo(2);
    assertThat(SANDBOX.anywhere().get(alice).<String>path("cardService")).isNotNull();
    assertThat(SANDBOX.anywhere().get(alice).<String>path("cardService")).isNull();
  }

  @Test
  void noInteractRefWhenSwitchedOnThenTheFinishRedirectHasAHashButNoReference() {
    switchOn("{\"kind\":\"no-interact-ref\"}");
    TestClient client = SANDBOX.client("shop");
    TestClient.Pending pending =
        client.requestInteractive("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    Response accepted = client.decide(pending, "accept");
    assertThat(accepted.statusCode()).isEqualTo(303);
    Map<String, String> finish = TestClient.finishParameters(accepted);
    assertThat(finish).containsKey("hash").doesNotContainKey("interact_ref");
    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].fired")).isEqualTo(1);
  }
}

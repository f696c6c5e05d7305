package dev.opkit.mock.misbehave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SandboxConfigFile;
import dev.opkit.sandbox.admin.AdminWallet;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment and document misbehaviours (issue 18), through real HTTP: quotes that expire early,
 * receivers that end between quote and payment, request misbehaviours narrowed to one wallet
 * address, the wallet address's redirect for browsers, and the rules that grade what the client did
 * next.
 */
class DocumentMisbehaviourApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static Response switchOn(String json) {
    return SANDBOX.postMisbehaviour("ase1", json);
  }

  private static void armed(String json) {
    Response on = switchOn(json);
    assertThat(on.statusCode()).as(on.asString()).isEqualTo(201);
  }

  private static JsonPath report() {
    Response report = SANDBOX.admin("ase1").accept("application/json").get("/admin/report");
    assertThat(report.statusCode()).as(report.asString()).isEqualTo(200);
    return report.jsonPath();
  }

  private static String verdict(String rule) {
    return report().getString("rules.find { it.id == '" + rule + "' }.verdict");
  }

  private static String outgoingAccess(String sender) {
    return """
        [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
          "limits":{"debitAmount":{"value":"100000","assetCode":"USD","assetScale":2}}}]"""
        .formatted(sender);
  }

  /** What a refusal must leave as it was: balances, reservations, the grant's window. */
  private record Money(AdminWallet alice, AdminWallet carol, String spent, int payments) {}

  private static Money money(TestClient client, TestClient.Token token) {
    Response spent =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/outgoing-payment-grant");
    Response listed =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .queryParam("wallet-address", SANDBOX.wallet("ase1", "alice"))
            .get("/outgoing-payments");
    assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
    return new Money(
        SANDBOX.adminClient("ase1").wallet("alice"),
        SANDBOX.adminClient("ase2").wallet("carol"),
        spent.statusCode() + " " + spent.asString(),
        listed.<List<?>>path("result").size());
  }

  @Test
  void quoteExpiresEarlyThenTheQuoteArrivesExpiredAndPayingItIsRefusedAndMovesNoMoney() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        client.interactiveToken("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    armed("{\"kind\":\"quote-expires-early\",\"lifetime\":\"PT0.4S\"}");
    String receiver = wallets.incomingPayment("ase2", "carol", "500", "EUR");

    Response quote = wallets.quote("ase1", "alice", receiver);
    Instant created = Instant.parse(quote.path("createdAt"));
    Instant expires = Instant.parse(quote.path("expiresAt"));
    assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofMillis(400));
    assertThat(SANDBOX.sandbox().clock().instant()).isAfterOrEqualTo(expires);
    Money before = money(client, token);

    Response refused = wallets.pay("ase1", "alice", quote.path("id"), token.value());
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.description")).contains("expired");
    assertThat(money(client, token)).isEqualTo(before);
    assertThat(verdict("requoted-after-refused-quote")).isEqualTo("passed");

    // Paying again with the same quote: refused again, and the rule fails.
    assertThat(wallets.pay("ase1", "alice", quote.path("id"), token.value()).statusCode())
        .isEqualTo(400);
    assertThat(verdict("requoted-after-refused-quote")).isEqualTo("failed");
    // The next quote has the configured lifetime again.
    Response next = wallets.quote("ase1", "alice", receiver);
    assertThat(Instant.parse(next.path("expiresAt"))).isAfter(Instant.now().plusSeconds(30));
  }

  @Test
  void quoteExpiresEarlyWhenTheClientQuotesAgainThenThePaymentGoesThroughAndTheRulePasses() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        client.interactiveToken("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    armed("{\"kind\":\"quote-expires-early\",\"lifetime\":\"PT0.1S\"}");
    String receiver = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    String expired = wallets.quote("ase1", "alice", receiver).path("id");
    assertThat(wallets.pay("ase1", "alice", expired, token.value()).statusCode()).isEqualTo(400);

    String fresh = wallets.quote("ase1", "alice", receiver).path("id");
    assertThat(wallets.pay("ase1", "alice", fresh, token.value()).statusCode()).isEqualTo(201);
    JsonPath report = report();
    assertThat(report.getString("rules.find { it.id == 'requoted-after-refused-quote' }.verdict"))
        .isEqualTo("passed");
    assertThat(
            report.getList(
                "rules.find { it.id == 'requoted-after-refused-quote' }.evidence.status",
                Integer.class))
        .containsExactly(400, 201);
  }

  @Test
  void receiverCompletedBetweenQuoteAndPaymentThenPayingIsRefusedAndMovesNoMoney() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        client.interactiveToken("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    armed("{\"kind\":\"receiver-completed\"}");
    String receiver = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    String quote = wallets.quote("ase1", "alice", receiver).path("id");
    Response incoming =
        client
            .signed("ase2")
            .header(
                "Authorization",
                "GNAP "
                    + client
                        .token("ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"read\"]}]")
                        .value())
            .get(receiver);
    assertThat(incoming.<Boolean>path("completed")).as(incoming.asString()).isTrue();
    Money before = money(client, token);

    Response refused = wallets.pay("ase1", "alice", quote, token.value());
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(money(client, token)).isEqualTo(before);
    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].fired")).isEqualTo(1);
  }

  @Test
  void receiverExpiredBetweenQuoteAndPaymentThenPayingIsRefusedAndMovesNoMoney() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        client.interactiveToken("ase1", outgoingAccess(SANDBOX.wallet("ase1", "alice")));
    armed(
        "{\"kind\":\"receiver-expired\",\"walletAddress\":\""
            + SANDBOX.wallet("ase1", "alice")
            + "\"}");
    String receiver = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    String quote = wallets.quote("ase1", "alice", receiver).path("id");
    Money before = money(client, token);

    Response refused = wallets.pay("ase1", "alice", quote, token.value());
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(money(client, token)).isEqualTo(before);
    // A new incoming payment and quote: paid.
    String again =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    assertThat(wallets.pay("ase1", "alice", again, token.value()).statusCode()).isEqualTo(201);
    assertThat(verdict("requoted-after-refused-quote")).isEqualTo("passed");
  }

  @Test
  void aRequestMisbehaviourNarrowedToAWalletAddressActsOnlyOnThatAddressAndItsResources() {
    String alice = SANDBOX.wallet("ase1", "alice");
    String bob = SANDBOX.wallet("ase1", "bob");
    armed(
        "{\"kind\":\"rate-limited\",\"on\":\"get-wallet-address\",\"walletAddress\":\""
            + bob
            + "\",\"times\":5}");
    assertThat(SANDBOX.anywhere().accept("application/json").get(alice).statusCode())
        .isEqualTo(200);
    assertThat(SANDBOX.anywhere().accept("application/json").get(bob).statusCode()).isEqualTo(429);

    armed("{\"kind\":\"server-error\",\"on\":\"create-quote\",\"walletAddress\":\"" + bob + "\"}");
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String receiver = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    assertThat(wallets.quote("ase1", "alice", receiver).statusCode()).isEqualTo(201);
    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[1].seen")).isZero();
    assertThat(list.<String>path("result[1].walletAddress")).isEqualTo(bob);

    Response refused =
        switchOn("{\"kind\":\"rate-limited\",\"on\":\"get-quote\",\"grant\":\"g1\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.<String>path("error.description"))
        .contains("narrow it with 'walletAddress'");
  }

  @Test
  void htmlRedirectSendsABrowserToAPageAndAJsonClientStillGetsTheDocument() {
    String alice = SANDBOX.wallet("ase1", "alice");
    armed("{\"kind\":\"html-redirect\",\"on\":\"get-wallet-address\",\"times\":3}");

    Response json = SANDBOX.anywhere().accept("application/json").get(alice);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.<String>path("id")).isEqualTo(alice);
    Response browser =
        SANDBOX
            .anywhere()
            .redirects()
            .follow(false)
            .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .get(alice);
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.header("Location")).isEqualTo(alice + "/page.html");
    Response page = SANDBOX.anywhere().accept("text/html").get(browser.header("Location"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
    assertThat(page.asString()).contains(alice);

    Response list = SANDBOX.admin("ase1").get("/admin/misbehaviours");
    assertThat(list.<Integer>path("result[0].seen")).isEqualTo(1);
    Response requests = SANDBOX.admin("ase1").accept("application/json").get("/admin/report");
    assertThat(requests.statusCode()).isEqualTo(200);
  }

  @Test
  void ignoredUnknownFieldsPassesWhenTheClientGoesOnAndFailsWhenItAsksAgainAndGoesNoFurther() {
    String alice = SANDBOX.wallet("ase1", "alice");
    armed("{\"kind\":\"extra-fields\",\"on\":\"get-wallet-address\"}");
    assertThat(verdict("ignored-unknown-fields")).isEqualTo("not exercised");
    assertThat(SANDBOX.anywhere().accept("application/json").get(alice).<String>path("cardService"))
        .isNotNull();
    SANDBOX.anywhere().accept("application/json").get(alice + "/jwks.json");
    assertThat(verdict("ignored-unknown-fields")).isEqualTo("passed");

    // Reading it once more before going on is no retry: a client need not cache documents.
    armed("{\"kind\":\"extra-fields\",\"on\":\"get-wallet-address\"}");
    SANDBOX.anywhere().accept("application/json").get(alice);
    SANDBOX.anywhere().accept("application/json").get(alice);
    SANDBOX.anywhere().accept("application/json").get(alice + "/jwks.json");
    assertThat(verdict("ignored-unknown-fields")).isEqualTo("passed");

    armed("{\"kind\":\"extra-fields\",\"on\":\"get-wallet-address\"}");
    SANDBOX.anywhere().accept("application/json").get(alice);
    SANDBOX.anywhere().accept("application/json").get(alice);
    assertThat(verdict("ignored-unknown-fields")).isEqualTo("failed");
  }

  @Test
  void aNaiveClientFailsExactlyTheQuoteAndDocumentRulesItBreaks() {
    armed("{\"kind\":\"quote-expires-early\",\"lifetime\":\"PT0.1S\"}");
    TestClient client = SANDBOX.client("naive");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token token = client.interactiveToken("ase1", outgoingAccess(alice));
    String quote =
        wallets
            .quote("ase1", "alice", wallets.incomingPayment("ase2", "carol", "500", "EUR"))
            .path("id");
    // Refused: it tries the same payment again.
    if (wallets.pay("ase1", "alice", quote, token.value()).statusCode() != 201) {
      wallets.pay("ase1", "alice", quote, token.value());
    }
    // Strict parsing: a document with a field it does not know looks broken, so it asks again,
    // and gives up when it is still "broken".
    armed("{\"kind\":\"extra-fields\",\"on\":\"get-wallet-address\",\"times\":2}");
    Response document = SANDBOX.anywhere().accept("application/json").get(alice);
    if (document.<String>path("cardService") != null) {
      SANDBOX.anywhere().accept("application/json").get(alice);
    }

    JsonPath report = report();
    assertThat(report.getList("rules.findAll { it.verdict == 'failed' }.id", String.class))
        .containsExactlyInAnyOrder("ignored-unknown-fields", "requoted-after-refused-quote");
    assertThat(report.getBoolean("mustBroken")).isFalse();
  }

  @Test
  void theConfigFileGivesTheDefaultSessionItsScenarioAndMisbehavioursAgainAfterAReset() {
    SandboxConfig config =
        SandboxConfigFile.parse(
                """
                scenario: browser-redirect
                misbehaviours:
                  - kind: rate-limited
                    on: get-wallet-address-keys
                    retryAfter: PT3S
                """,
                "test")
            .ephemeral();
    try (Sandbox sandbox = Sandbox.create(config).start()) {
      String alice = sandbox.sessions().defaultSession().at("ase1").walletUrl("alice");
      Response keys = RestAssured.given().get(alice + "/jwks.json");
      assertThat(keys.statusCode()).isEqualTo(429);
      assertThat(keys.header("Retry-After")).isEqualTo("3");
      Response browser =
          RestAssured.given().redirects().follow(false).accept("text/html").get(alice);
      assertThat(browser.statusCode()).isEqualTo(302);
      assertThat(RestAssured.given().get(alice + "/jwks.json").statusCode()).isEqualTo(200);

      sandbox.reset();
      assertThat(RestAssured.given().get(alice + "/jwks.json").statusCode()).isEqualTo(429);
    }
  }

  @Test
  void aConfigFileWithABadMisbehaviourOrScenarioIsRefusedAtStartNamingTheProblem() {
    assertThatThrownBy(() -> SandboxConfigFile.parse("scenario: month-4", "sandbox.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sandbox.yaml")
        .hasMessageContaining("unknown scenario 'month-4'");
    assertThatThrownBy(
            () -> SandboxConfigFile.parse("misbehaviours: [{kind: server-error}]", "sandbox.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("misbehaviours[0]")
        .hasMessageContaining("needs 'on'");
    assertThatThrownBy(
            () -> SandboxConfigFile.parse("misbehaviours: [{kind: teleport}]", "sandbox.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown misbehaviour 'teleport'");
  }

  @Test
  void badPaymentAndDocumentMisbehavioursAreRefusedWithJsonErrors() {
    assertRefused(
        "{\"kind\":\"rate-limited\",\"on\":\"get-quote\",\"lifetime\":\"PT1S\"}", "not 'lifetime'");
    assertRefused("{\"kind\":\"quote-expires-early\",\"lifetime\":\"PT1M\"}", "'lifetime'");
    assertRefused("{\"kind\":\"quote-expires-early\",\"lifetime\":\"soon\"}", "lifetime");
    assertRefused("{\"kind\":\"receiver-completed\",\"on\":\"create-quote\"}", "not 'on'");
    assertRefused("{\"kind\":\"html-redirect\"}", "needs 'on'");
  }

  private static void assertRefused(String body, String says) {
    Response refused = switchOn(body);
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<String>path("error.code")).isEqualTo("invalid_request");
    assertThat(refused.<String>path("error.description")).contains(says);
  }
}

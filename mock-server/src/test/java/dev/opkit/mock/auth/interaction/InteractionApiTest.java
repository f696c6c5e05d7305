package dev.opkit.mock.auth.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.gnap.FinishHash;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consent page and the way back to the client (RFC 9635 §4; PROTOCOL.md §4.2): accept and
 * reject through the HTML form, the finish hash, expired, finished and unknown interactions, and
 * auto-consent.
 */
class InteractionApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private String access;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    access =
        """
        [{"type":"outgoing-payment","actions":["create","read"],"identifier":"%s",
          "limits":{"debitAmount":{"value":"500","assetCode":"USD","assetScale":2},
                    "interval":"R12/2019-08-24T00:00:00Z/P1M"}}]"""
            .formatted(SANDBOX.wallet("ase1", "alice"));
  }

  @Test
  void consentPageWhenOpenedThenAccessibleAndSaysWhoAsksForWhat() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response page = client.consentPage(pending);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String html = page.asString();
    assertThat(html)
        .contains("<html lang=\"en\">", "<title>Allow App shop to use your wallet?")
        .contains("<h1>Allow App shop to use your wallet?</h1>", "<h2>")
        .contains(client.url(), SANDBOX.wallet("ase1", "alice"))
        .contains("Outgoing payments", "create them", "read the ones it created")
        .contains("up to 5.00 USD each month, 13 times, from 24 Aug 2019")
        .contains("name=\"decision\" value=\"accept\" class=\"accept\">Accept</button>")
        .contains("name=\"decision\" value=\"reject\" class=\"reject\">Reject</button>")
        .contains("method=\"post\" action=\"" + pending.redirect() + "\"")
        .contains(":focus-visible");
    assertThat(page.header("Content-Security-Policy")).doesNotContain("form-action");
  }

  @Test
  void consentPageWhenClientNameHasMarkupThenEscaped() {
    TestClient sneaky = TestClient.register(SANDBOX, "ase1", "sneaky", "<script>x</script>");

    String html = sneaky.consentPage(sneaky.requestInteractive("ase1", access)).asString();

    assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
  }

  @Test
  void acceptWhenFormPostedThenSeeOtherToFinishUriWithVerifiableHash() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response redirect = client.decide(pending, "accept");

    assertThat(redirect.statusCode()).isEqualTo(303);
    Map<String, String> finish = TestClient.finishParameters(redirect);
    assertThat(finish).containsKeys("session", "hash", "interact_ref");
    String expected =
        new FinishHash(
                pending.clientNonce(),
                pending.finish(),
                finish.get("interact_ref"),
                SANDBOX.authServer("ase1"))
            .encode(dev.opkit.protocol.gnap.HashEncoding.STANDARD_PADDED);
    assertThat(finish.get("hash")).isEqualTo(expected);
  }

  @Test
  void rejectWhenFormPostedThenSeeOtherWithGrantRejectedAndContinuationDenied() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response redirect = client.decide(pending, "reject");
    SANDBOX.advance("PT5S");
    Response continued = client.poll(pending);

    assertThat(redirect.statusCode()).isEqualTo(303);
    assertThat(TestClient.finishParameters(redirect))
        .containsEntry("result", "grant_rejected")
        .doesNotContainKeys("hash", "interact_ref");
    assertThat(continued.statusCode()).isEqualTo(401);
    assertThat(continued.<String>path("error.code")).isEqualTo("request_denied");
  }

  @Test
  void decisionWhenAlreadyDecidedThenSentBackWithInvalidInteraction() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    client.decide(pending, "accept");

    Response again = client.decide(pending, "reject");
    Response page = client.consentPage(pending);

    assertThat(TestClient.finishParameters(again))
        .containsEntry("result", "invalid_interaction")
        .containsEntry("message", "interaction already finished");
    assertThat(page.statusCode()).isEqualTo(303);
  }

  @Test
  void consentPageWhenInteractionExpiredThenSentBackWithMessage() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    SANDBOX.advance("PT10M");

    Response page = client.consentPage(pending);

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.header("Location"))
        .endsWith("&result=invalid_interaction&message=interaction+expired");
  }

  @Test
  void consentPageWhenGrantRevokedThenSentBackWithUnknownInteraction() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    assertThat(client.cancel(pending).statusCode()).isEqualTo(204);

    Response page = client.consentPage(pending);

    assertThat(TestClient.finishParameters(page))
        .containsEntry("result", "unknown_interaction")
        .containsEntry("message", "the grant was revoked");
  }

  @Test
  void consentPageWhenInteractionUnknownThenHtmlNotFound() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response unknownId =
        SANDBOX.at("ase1").get("/auth/interact/00000000-0000-0000-0000-000000000000/ABC");
    Response wrongNonce = SANDBOX.anywhere().get(pending.redirect() + "0");

    for (Response response : new Response[] {unknownId, wrongNonce}) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.contentType()).startsWith("text/html");
      assertThat(response.asString()).contains("<h1>Unknown request</h1>", "lang=\"en\"");
    }
  }

  @Test
  void decisionWhenNeitherAcceptNorRejectThenHtmlBadRequest() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response response = client.decide(pending, "maybe");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.asString()).contains("<h1>Choose Accept or Reject</h1>", "maybe");
    assertThat(client.consentPage(pending).statusCode()).isEqualTo(200);
  }

  @Test
  void autoConsentWhenAcceptThenPageRedirectsAtOnce() {
    SANDBOX.autoConsent("accept");
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response page = client.consentPage(pending);

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(TestClient.finishParameters(page)).containsKeys("hash", "interact_ref");
    assertThat(SANDBOX.at("ase2").get("/admin/auto-consent").<String>path("autoConsent"))
        .isEqualTo("accept");
  }

  @Test
  void autoConsentWhenRejectThenPageRejectsAtOnce() {
    SANDBOX.autoConsent("reject");
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    assertThat(TestClient.finishParameters(client.consentPage(pending)))
        .containsEntry("result", "grant_rejected");
  }

  @Test
  void autoConsentWhenModeUnknownThenBadRequestAndResetRestoresOff() {
    Response bad =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"autoConsent\":\"yes\"}")
            .post("/admin/auto-consent");
    SANDBOX.autoConsent("accept");
    SANDBOX.sandbox().reset();

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.<String>path("error.description")).contains("off, accept or reject");
    assertThat(SANDBOX.at("ase1").get("/admin/auto-consent").<String>path("autoConsent"))
        .isEqualTo("off");
  }

  @Test
  void acceptWhenClientGaveNoFinishUriThenPageSaysSoAndPollingIssuesToken() {
    Response requested =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                dev.opkit.mock.auth.testing.Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\","
                        + "\"interact\":{\"start\":[\"redirect\"]}}",
                    access, client.url()))
            .post("/auth");
    String redirect = requested.path("interact.redirect");

    Response page = client.decideAt(redirect, "accept");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.asString()).contains("Access granted", "You can close this window");
  }
}

package dev.opkit.mock.auth.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consent decision counts only when it comes from the page the auth server showed: a bare {@code
 * POST decision=accept} (from a page on another site, or from the client approving its own grant)
 * decides nothing, while the person's answer on the page, and headless consent that submits the
 * page's form, still work.
 */
class ConsentForgeryApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private TestClient.Pending pending;

  @BeforeEach
  void pendingGrant() {
    client = SANDBOX.client("shop");
    pending =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));
  }

  @Test
  void decisionWhenBareCrossSitePostWithoutPageVisitThen403AndGrantStillPending() {
    Response forged =
        form()
            .header("Origin", "https://attacker.example")
            .header("Sec-Fetch-Site", "cross-site")
            .body("decision=accept")
            .post(pending.redirect());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.contentType()).startsWith("text/html");
    assertThat(forged.asString())
        .contains("This answer did not come from the consent page")
        .contains("Origin: https://attacker.example")
        .contains("Nothing was decided");
    assertThat(forged.header("Location")).isNull();
    assertStillPending();
  }

  @Test
  void decisionWhenClientPostsWithoutThePageTokenThen403AndGrantStillPending() {
    Response withoutToken = form().body("decision=accept").post(pending.redirect());
    Response guessedToken =
        form().body("decision=accept&consent_token=AAAAAAAAAAAAAAAA").post(pending.redirect());

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.asString()).contains("did not carry the token");
    assertThat(guessedToken.statusCode()).isEqualTo(403);
    assertThat(guessedToken.asString()).contains("it carried another one");
    assertStillPending();
  }

  @Test
  void decisionWhenTokenOfAnotherInteractionThen403() {
    TestClient.Pending other =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));
    String otherToken = TestClient.consentToken(client.consentPage(other));

    Response answer =
        form().body("decision=accept&consent_token=" + otherToken).post(pending.redirect());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertStillPending();
  }

  @Test
  void decisionWhenPageTokenButForeignOriginOrSiteThen403() {
    String token = TestClient.consentToken(client.consentPage(pending));
    for (List<String> header :
        List.of(
            List.of("Origin", "null"),
            List.of("Origin", "http://localhost:3000"),
            List.of("Sec-Fetch-Site", "same-site"))) {
      Response answer =
          form()
              .header(header.get(0), header.get(1))
              .body("decision=accept&consent_token=" + token)
              .post(pending.redirect());

      assertThat(answer.statusCode()).as(header.toString()).isEqualTo(403);
    }
    assertStillPending();
  }

  @Test
  void decisionWhenBrowserSubmitsThePageFormThenSentBackWithInteractRef() {
    Response page = client.consentPage(pending);
    String token = TestClient.consentToken(page);

    Response answer =
        form()
            .header("Origin", SANDBOX.base("ase1"))
            .header("Sec-Fetch-Site", "same-origin")
            .body("decision=accept&consent_token=" + token)
            .post(pending.redirect());

    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(pending.redirect()).doesNotContain(token);
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
    assertThat(TestClient.finishParameters(answer)).containsKeys("hash", "interact_ref");
    assertThat(SANDBOX.admin("ase1").get("/admin/grants").then().extract().asString())
        .doesNotContain(token);
  }

  private static RequestSpecification form() {
    return SANDBOX.anywhere().contentType("application/x-www-form-urlencoded");
  }

  private static void assertStillPending() {
    assertThat(SANDBOX.admin("ase1").get("/admin/grants").<String>path("result[0].state"))
        .isEqualTo("pending");
  }
}

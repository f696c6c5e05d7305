package dev.opkit.mock.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.sandbox.AdminConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The auth server's admin routes: grants with masked tokens, the grant and token events, and the
 * admin secret guarding them like every admin route.
 */
class AuthAdminApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(c -> c.withAdmin(new AdminConfig(true, "s3cret")));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @Test
  void grantsWhenListedThenNewestFirstWithMaskedTokensAndStates() {
    TestClient.Token first = client.token("ase1", INCOMING);
    client.rotate(first);
    client.token("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\"]}]");

    JsonPath grants = admin().get("/admin/grants").jsonPath();

    assertThat(grants.getList("result")).hasSize(2);
    assertThat(grants.getString("result[0].access[0].type")).isEqualTo("quote");
    assertThat(grants.getList("result[1].tokens.state")).containsExactly("rotated", "live");
    assertThat(grants.getString("result[1].state")).isEqualTo("finalized");
    assertThat(grants.getString("result[1].client")).isEqualTo(client.url());
    assertThat(grants.prettify()).doesNotContain(first.value());
    assertThat(admin().get("/admin/grants").asString()).doesNotContain(first.value());
  }

  @Test
  void grantWhenUnknownThenNotFound() {
    assertThat(admin().get("/admin/grants/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void eventsWhenGrantLivesThenEachStepPublished() {
    TestClient.Pending rejected =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));
    client.decide(rejected, "reject");
    TestClient.Token token = client.token("ase1", INCOMING);
    TestClient.Token rotated = TestClient.rotated(client.rotate(token));
    client.revoke(rotated);
    TestClient.Pending accepted =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));
    client.decide(accepted, "accept");
    client.cancel(accepted);

    List<String> types = admin().get("/admin/events?limit=50").jsonPath().getList("result.type");

    assertThat(types)
        .containsSubsequence(
            "grant.requested",
            "grant.rejected",
            "grant.requested",
            "grant.approved",
            "token.rotated",
            "token.revoked",
            "grant.requested",
            "grant.approved",
            "grant.revoked");
    String tokenEvents = admin().get("/admin/events?limit=50").asString();
    assertThat(tokenEvents).doesNotContain(token.value()).doesNotContain(rotated.value());
  }

  @Test
  void authAdminRoutesWhenNoSecretThenUnauthorized() {
    Response grants = SANDBOX.at("ase1").get("/admin/grants");
    Response journal = SANDBOX.at("ase1").get("/admin/requests");
    Response consent = SANDBOX.at("ase1").get("/admin/auto-consent");

    assertThat(List.of(grants.statusCode(), journal.statusCode(), consent.statusCode()))
        .containsOnly(401);
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return SANDBOX.admin("ase1");
  }
}

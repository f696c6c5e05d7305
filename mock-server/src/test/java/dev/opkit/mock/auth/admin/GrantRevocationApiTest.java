package dev.opkit.mock.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /admin/grants/{id}/revoke}: a person revokes a grant; its tokens stop working at
 * once, the client's continuation is refused, and the event is published once.
 */
class GrantRevocationApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private DirectPayments payments;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    payments = new DirectPayments(SANDBOX, client);
  }

  @Test
  void revokeWhenGrantIsLiveThenGrantAndTokensEndAndPaymentsRefused() {
    TestClient.Token token = payments.grant("500", null);
    assertThat(payments.pay(token.value(), "100").statusCode()).isEqualTo(201);
    String id = outgoingGrantId();

    Response revoked =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .post("/admin/grants/" + id + "/revoke");
    Response paid = payments.pay(token.value(), "100");
    Response rotated = client.rotate(token);

    assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(200);
    assertThat(revoked.<String>path("state")).isEqualTo("revoked");
    assertThat(revoked.jsonPath().getList("tokens.state", String.class)).containsOnly("revoked");
    assertThat(revoked.asString()).doesNotContain(token.value());
    assertThat(paid.statusCode()).isEqualTo(403);
    assertThat(rotated.statusCode()).isEqualTo(401);
    List<String> types =
        SANDBOX.admin("ase1").get("/admin/events?limit=1000").jsonPath().getList("result.type");
    assertThat(types).containsOnlyOnce("grant.revoked");
  }

  @Test
  void revokeWhenRevokedAlreadyThenConflictAndNothingPublished() {
    client.token("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\"]}]");
    String id = SANDBOX.admin("ase1").get("/admin/grants").path("result[0].id");
    SANDBOX.admin("ase1").contentType("application/json").post("/admin/grants/" + id + "/revoke");

    Response again =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .post("/admin/grants/" + id + "/revoke");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.<String>path("error.code")).isEqualTo("wrong_state");
    assertThat(again.<String>path("error.description")).contains("revoked already");
    List<String> types =
        SANDBOX.admin("ase1").get("/admin/events?limit=1000").jsonPath().getList("result.type");
    assertThat(types).containsOnlyOnce("grant.revoked");
  }

  @Test
  void revokeWhenGrantUnknownOrOfAnotherProviderThenNotFound() {
    client.token("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\"]}]");
    String id = SANDBOX.admin("ase1").get("/admin/grants").path("result[0].id");

    assertThat(
            SANDBOX
                .admin("ase1")
                .contentType("application/json")
                .post("/admin/grants/nope/revoke")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            SANDBOX
                .admin("ase2")
                .contentType("application/json")
                .post("/admin/grants/" + id + "/revoke")
                .statusCode())
        .isEqualTo(404);
    assertThat(SANDBOX.admin("ase1").get("/admin/grants/" + id).<String>path("state"))
        .isEqualTo("finalized");
  }

  private static String outgoingGrantId() {
    List<String> ids =
        SANDBOX
            .admin("ase1")
            .get("/admin/grants")
            .jsonPath()
            .getList("result.findAll { it.access[0].type == 'outgoing-payment' }.id");
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }
}

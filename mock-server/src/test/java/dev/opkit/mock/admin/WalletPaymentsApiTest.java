package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /admin/wallet-addresses/{name}/incoming-payments} and {@code .../outgoing-payments}:
 * every payment of a wallet whichever client made it, newest first, with state, amounts, failure
 * and the grant that paid.
 */
class WalletPaymentsApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private DirectPayments payments;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    payments = new DirectPayments(SANDBOX, client);
  }

  @Test
  void outgoingWhenPaidAndForcedToFailThenBothNewestFirstWithGrantAndFailure() {
    TestClient.Token token = payments.grant("1000", null);
    Response paid = payments.pay(token.value(), "200");
    SANDBOX
        .admin("ase1")
        .contentType("application/json")
        .body("{\"count\":1}")
        .post("/admin/wallet-addresses/alice/failures");
    Response failed = payments.pay(token.value(), "300");
    String grant =
        SANDBOX
            .admin("ase1")
            .get("/admin/grants")
            .jsonPath()
            .getString("result.find { it.access[0].type == 'outgoing-payment' }.id");

    JsonPath listed =
        SANDBOX.admin("ase1").get("/admin/wallet-addresses/alice/outgoing-payments").jsonPath();

    assertThat(listed.getList("result")).hasSize(2);
    assertThat(listed.getString("result[0].id")).isEqualTo(failed.path("id"));
    assertThat(listed.getBoolean("result[0].failed")).isTrue();
    assertThat(listed.getString("result[0].state")).isEqualTo("failed");
    assertThat(listed.getString("result[0].failureReason")).isNotBlank();
    assertThat(listed.getString("result[0].sentAmount.value")).isEqualTo("0");
    assertThat(listed.getString("result[1].id")).isEqualTo(paid.path("id"));
    assertThat(listed.getString("result[1].state")).isEqualTo("completed");
    assertThat(listed.getBoolean("result[1].failed")).isFalse();
    assertThat(listed.getString("result[1].debitAmount.value")).isEqualTo("200");
    assertThat(listed.getString("result[1].sentAmount.value")).isEqualTo("200");
    assertThat(listed.getString("result[1].grant")).isEqualTo(grant);
    assertThat(listed.getString("result[1].client")).isEqualTo(client.url());
    assertThat(listed.getBoolean("pagination.hasNextPage")).isFalse();
  }

  @Test
  void incomingWhenPaidIntoThenStateAndReceivedAmount() {
    TestClient.Token token = payments.grant("1000", null);
    Response paid = payments.pay(token.value(), "200");

    JsonPath listed =
        SANDBOX.admin("ase2").get("/admin/wallet-addresses/dave/incoming-payments").jsonPath();

    assertThat(listed.getList("result")).hasSize(1);
    assertThat(listed.getString("result[0].id")).isEqualTo(paid.path("receiver"));
    assertThat(listed.getString("result[0].state")).isEqualTo("pending");
    assertThat(listed.getString("result[0].receivedAmount.value"))
        .isEqualTo(paid.<String>path("receiveAmount.value"));
    assertThat(listed.getString("result[0].client")).isEqualTo(client.url());
    assertThat(listed.getString("result[0].expiresAt")).isNotBlank();
  }

  @Test
  void listWhenPagedThenByCursorAndBadPagesRefused() {
    TestClient.Token token = payments.grant("1000", null);
    for (int i = 0; i < 3; i++) {
      assertThat(payments.pay(token.value(), "10").statusCode()).isEqualTo(201);
    }
    String path = "/admin/wallet-addresses/alice/outgoing-payments";

    JsonPath first = SANDBOX.admin("ase1").get(path + "?first=2").jsonPath();
    JsonPath second =
        SANDBOX
            .admin("ase1")
            .get(path + "?first=2&cursor=" + first.getString("pagination.endCursor"))
            .jsonPath();

    assertThat(first.getList("result")).hasSize(2);
    assertThat(first.getBoolean("pagination.hasNextPage")).isTrue();
    assertThat(second.getList("result")).hasSize(1);
    assertThat(second.getBoolean("pagination.hasNextPage")).isFalse();
    assertThat(SANDBOX.admin("ase1").get(path + "?first=0").statusCode()).isEqualTo(400);
    assertThat(SANDBOX.admin("ase1").get(path + "?cursor=nope").statusCode()).isEqualTo(400);
    assertThat(
            SANDBOX
                .admin("ase1")
                .get("/admin/wallet-addresses/ghost/outgoing-payments")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            SANDBOX
                .admin("ase1")
                .get("/admin/wallet-addresses/dave/incoming-payments")
                .statusCode())
        .as("dave lives at ase2")
        .isEqualTo(404);
  }
}

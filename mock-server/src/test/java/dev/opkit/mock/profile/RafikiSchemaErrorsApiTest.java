package dev.opkit.mock.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code rafikiSchemaErrors} switch: requests that break their schema are answered as Rafiki's
 * request validator answers them, so that a client can test its handling of an error object without
 * a GNAP {@code code} (RFC 9635 §3.6 requires one).
 */
class RafikiSchemaErrorsApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(c -> c.withProfileOverrides(Map.of("rafikiSchemaErrors", true)));

  private static final String PREFIX = "Received error validating OpenAPI request: ";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @Test
  void grantWhenBodyBreaksSchemaThenDescriptionOnlyWithoutCode() {
    Response response = client.grant("ase1", "[{\"type\":\"refund\",\"actions\":[\"create\"]}]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.jsonPath().getMap("error")).containsOnlyKeys("description");
    assertThat(response.<String>path("error.description"))
        .startsWith(PREFIX + "body.access_token.access.0");
  }

  @Test
  void continueWhenBodyBreaksSchemaThenDescriptionOnlyWithoutCode() {
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));

    Response response =
        client
            .signedAnywhere()
            .header("Authorization", "GNAP " + pending.continueToken())
            .contentType("application/json")
            .body("{\"interact_ref\":5}")
            .post(pending.continueUri());

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
    assertThat(response.jsonPath().getMap("error")).containsOnlyKeys("description");
    assertThat(response.<String>path("error.description")).startsWith(PREFIX + "body.interact_ref");
  }

  @Test
  void resourceServerWhenBodyOrHeadersBreakTheOperationThenStatusAsCode() {
    TestClient.Token token =
        client.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"]}]");

    Response badBody =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"walletAddress\":\"%s\",\"incomingAmount\":\"fail\"}",
                    SANDBOX.wallet("ase1", "alice")))
            .post("/incoming-payments");
    Response unsigned =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/incoming-payments?wallet-address=" + SANDBOX.wallet("ase1", "alice"));

    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(badBody.jsonPath().getMap("error")).containsOnlyKeys("code", "description");
    assertThat(badBody.<String>path("error.code")).isEqualTo("400");
    assertThat(badBody.<String>path("error.description"))
        .startsWith(PREFIX + "body.incomingAmount");
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.<String>path("error.description"))
        .isEqualTo(PREFIX + "headers must have required property 'signature-input'");
  }

  @Test
  void grantWhenAcceptOrContentTypeRefusedThenValidatorsStatusAndDescriptionWithoutCode() {
    String body =
        Bodies.json(
            "{\"access_token\":{\"access\":[{\"type\":\"quote\",\"actions\":[\"create\"]}]},"
                + "\"client\":\"%s\"}",
            client.url());

    Response notAcceptable =
        client
            .signed("ase1")
            .accept("text/html")
            .contentType("application/json")
            .body(body)
            .post("/auth");
    Response unsupported = client.signed("ase1").contentType("text/plain").body(body).post("/auth");

    assertThat(notAcceptable.statusCode()).isEqualTo(406);
    assertThat(notAcceptable.jsonPath().getMap("error")).containsOnlyKeys("description");
    assertThat(notAcceptable.<String>path("error.description"))
        .isEqualTo(PREFIX + "Must accept application/json");
    assertThat(unsupported.statusCode()).isEqualTo(415);
    assertThat(unsupported.jsonPath().getMap("error")).containsOnlyKeys("description");
    assertThat(unsupported.<String>path("error.description"))
        .isEqualTo(PREFIX + "Unsupported Content-Type text/plain");
  }

  @Test
  void adminWhenMediaTypeRefusedThenItsOwnErrorsAsRafikiHasNoAdminApi() {
    Response response =
        SANDBOX.admin("ase1").contentType("text/plain").body("{}").post("/admin/clock");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.<String>path("error.code")).isEqualTo("unsupported_media_type");
    assertThat(response.<String>path("error.description")).doesNotStartWith(PREFIX);
  }

  @Test
  void grantWhenRefusedByARuleBeyondTheSchemaThenGnapCodeAsAlways() {
    Response response = client.grant("ase1", "[]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_request");
  }
}

package dev.opkit.mock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code rotateExpiredTokens} switch turned off: an expired token can no longer be rotated. */
class RotateExpiredSwitchApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(c -> c.withProfileOverrides(Map.of("rotateExpiredTokens", false)));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"list\"]}]";

  @Test
  void rotateWhenExpiredAndSwitchOffThenInvalidRotation() {
    TestClient client = SANDBOX.client("shop");
    TestClient.Token token = client.token("ase1", INCOMING);
    SANDBOX.advance("PT10M");

    Response response = client.rotate(token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_rotation");
    assertThat(response.<String>path("error.description")).contains("does not rotate expired");
  }

  @Test
  void rotateWhenNotExpiredAndSwitchOffThenRotates() {
    TestClient client = SANDBOX.client("shop");
    TestClient.Token token = client.token("ase1", INCOMING);

    assertThat(client.rotate(token).statusCode()).isEqualTo(200);
  }
}

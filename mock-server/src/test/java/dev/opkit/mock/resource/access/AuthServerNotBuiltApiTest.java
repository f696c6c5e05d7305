package dev.opkit.mock.resource.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;

/** Until the auth server exists, the production sandbox refuses every token and says why. */
class AuthServerNotBuiltApiTest {
  @Test
  void resourceServerWhenAnyTokenThen401SayingTheAuthServerIsNotBuilt() {
    try (Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start()) {
      Ase ase = sandbox.ase("ase1");

      given()
          .baseUri(ase.publicBase())
          .header("Authorization", "GNAP ANYTOKEN")
          .contentType("application/json")
          .body("{\"walletAddress\":\"" + ase.walletUrl("alice") + "\"}")
          .post("/incoming-payments")
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", equalTo("GNAP as_uri=" + ase.authServerUrl()))
          .body("error.description", containsString("not built yet"));
      given()
          .baseUri(ase.publicBase())
          .get("/outgoing-payment-grant")
          .then()
          .statusCode(401)
          .body("error.description", containsString("needs an access token"));
    }
  }
}

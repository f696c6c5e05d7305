package dev.opkit.mock.wallet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.mock.testing.SpecCheck;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WalletApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final String JWK =
      """
      {"jwk":{"kid":"key-1","alg":"EdDSA","kty":"OKP","crv":"Ed25519",\
      "x":"ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ"}}""";

  @Test
  void getWhenKnownWalletThenDocumentWithThisOriginsServers() {
    Response response = SANDBOX.at("ase1").accept("application/json").get("/alice");

    SpecCheck.wallet(response, "get-wallet-address")
        .then()
        .statusCode(200)
        .body("id", equalTo(SANDBOX.wallet("ase1", "alice")))
        .body("publicName", equalTo("Alice"))
        .body("assetCode", equalTo("USD"))
        .body("assetScale", equalTo(2))
        .body("authServer", equalTo(SANDBOX.base("ase1") + "/auth"))
        .body("resourceServer", equalTo(SANDBOX.base("ase1")));
  }

  @Test
  void getWhenAnyAcceptOrNoneThenDocument() {
    SANDBOX.at("ase2").accept("*/*").get("/carol").then().statusCode(200);
    SANDBOX.at("ase2").get("/carol").then().statusCode(200).body("assetCode", equalTo("EUR"));
  }

  @Test
  void getWhenUnknownWalletThen404Json() {
    SANDBOX
        .at("ase1")
        .get("/nobody")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("error.description", containsString("no wallet address"));
    SANDBOX.at("ase1").get("/carol").then().statusCode(404);
    SANDBOX.at("ase1").get("/nobody/jwks.json").then().statusCode(404);
  }

  @Test
  void getWhenReservedNameThenNoRoute() {
    SANDBOX
        .at("ase1")
        .get("/quotes")
        .then()
        .statusCode(404)
        .body("error.description", containsString("not a route"));
  }

  @Test
  void didDocumentWhenKnownWalletThenTheOrdinaryUnknownPath404() {
    // Removed from the specs in 1.3.2; Rafiki never served it.
    SANDBOX
        .at("ase1")
        .get("/alice/did.json")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("error.code", equalTo("404"))
        .body(
            "error.description",
            equalTo("nothing here: GET /alice/did.json is not a route of this server"));
    SANDBOX
        .at("ase1")
        .get("/nobody/did.json")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("404"));
  }

  @Test
  void jwksWhenNoKeysThenEmptySetAndAfterRegistrationTheKey() {
    SpecCheck.wallet(SANDBOX.at("ase1").get("/alice/jwks.json"), "get-wallet-address-keys")
        .then()
        .statusCode(200)
        .body("keys", hasSize(0));

    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body(JWK)
        .post("/admin/wallet-addresses/alice/keys")
        .then()
        .statusCode(201);

    SpecCheck.wallet(SANDBOX.at("ase1").get("/alice/jwks.json"), "get-wallet-address-keys")
        .then()
        .body("keys", hasSize(1))
        .body("keys[0].kid", equalTo("key-1"))
        .body("keys[0].x", equalTo("ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ"));
  }
}

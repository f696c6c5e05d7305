package dev.opkit.mock.auth.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resource server's enforcement through the auth server (PROTOCOL.md §5, §7) in the {@code
 * rafiki} profile: no token, malformed, inactive and insufficient tokens, identifier matching,
 * client scoping of read/list against read-all/list-all, complete as its own action, and the
 * request signature.
 */
class ResourceAccessApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private String alice;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    alice = SANDBOX.wallet("ase1", "alice");
  }

  @Test
  void requestWhenNoTokenThenUnauthorizedWithGnapChallenge() {
    Response response = client.signed("ase1").get("/incoming-payments?wallet-address=" + alice);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.code")).isEqualTo("401");
    assertThat(response.<String>path("error.description")).contains("needs an access token");
    assertThat(response.header("WWW-Authenticate"))
        .isEqualTo("GNAP as_uri=" + SANDBOX.authServer("ase1"));
  }

  @Test
  void requestWhenAuthorizationNotGnapThenUnauthorized() {
    Response response =
        client
            .signed("ase1")
            .header("Authorization", "Bearer abc")
            .get("/incoming-payments?wallet-address=" + alice);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("exactly 'GNAP <token>'");
  }

  @Test
  void requestWhenTokenUnknownThenForbiddenInRafikiProfile() {
    Response response = list("NOT-A-TOKEN", alice);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.<String>path("error.description")).contains("is not one");
    assertThat(response.header("WWW-Authenticate")).startsWith("GNAP as_uri=");
  }

  @Test
  void requestWhenTokenOfAnotherProvidersAuthServerThenInactive() {
    TestClient.Token ase2Token =
        client.token("ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"list\"]}]");

    Response response = list(ase2Token.value(), alice);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.<String>path("error.description"))
        .contains("not one " + SANDBOX.authServer("ase1") + " issued");
  }

  @Test
  void requestWhenGrantLacksActionThenForbiddenNamingWhatItAllows() {
    TestClient.Token token =
        client.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"]}]");

    Response response = list(token.value(), alice);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.<String>path("error.description"))
        .contains("does not allow list on incoming-payment", "it allows incoming-payment [create]");
    assertThat(response.header("WWW-Authenticate")).startsWith("GNAP as_uri=");
  }

  @Test
  void requestWhenIdentifierIsAnotherWalletThenForbidden() {
    TestClient.Token token =
        client.token(
            "ase1",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"list\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "bob")));

    assertThat(list(token.value(), alice).statusCode()).isEqualTo(403);
    assertThat(list(token.value(), SANDBOX.wallet("ase1", "bob")).statusCode()).isEqualTo(200);
  }

  @Test
  void requestWhenTokenLiveButUnsignedThenBadRequestFromRequestValidation() {
    TestClient.Token token =
        client.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"list\"]}]");

    Response unsigned =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/incoming-payments?wallet-address=" + alice);
    Response noSignature =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token.value())
            .header("Signature-Input", "sig1=(\"@method\");keyid=\"key-shop\";created=1")
            .get("/incoming-payments?wallet-address=" + alice);
    Response noTokenEither = SANDBOX.at("ase1").get("/incoming-payments?wallet-address=" + alice);

    assertThat(unsigned.statusCode()).as(unsigned.asString()).isEqualTo(400);
    assertThat(unsigned.<String>path("error.code")).isEqualTo("400");
    assertThat(unsigned.<String>path("error.description"))
        .contains("no Signature-Input header", "list-incoming-payments requires");
    assertThat(unsigned.header("WWW-Authenticate")).isNull();
    assertThat(noSignature.statusCode()).isEqualTo(400);
    assertThat(noSignature.<String>path("error.description")).contains("no Signature header");
    // Rafiki validates the request before it looks for a token.
    assertThat(noTokenEither.statusCode()).isEqualTo(400);
  }

  @Test
  void readIncomingPaymentWhenTokenButUnsignedThenUnauthorizedAsTheSignatureIsOptionalThere() {
    String payment = createIncoming(client);
    TestClient.Token read =
        client.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"read\"]}]");

    Response response =
        SANDBOX.anywhere().header("Authorization", "GNAP " + read.value()).get(payment);

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("no Signature-Input");
  }

  @Test
  void outgoingPaymentGrantWhenBearerTokenAloneThenRefusedAndSignedThenAnswered() {
    TestClient.Token token = new DirectPayments(SANDBOX, client).grant("500", null);

    // Rafiki validates no request here: the token is looked at first, then the signature (401).
    Response bearerOnly =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/outgoing-payment-grant");
    Response unknownTokenUnsigned =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP 0123456789ABCDEF0123")
            .get("/outgoing-payment-grant");
    Response otherKey =
        SANDBOX
            .client("other")
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/outgoing-payment-grant");
    Response signed =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/outgoing-payment-grant");

    assertThat(bearerOnly.statusCode()).as(bearerOnly.asString()).isEqualTo(401);
    assertThat(bearerOnly.<String>path("error.code")).isEqualTo("401");
    assertThat(bearerOnly.<String>path("error.description")).contains("no Signature-Input");
    assertThat(bearerOnly.header("WWW-Authenticate")).isNull();
    assertThat(unknownTokenUnsigned.statusCode()).isEqualTo(403);
    assertThat(unknownTokenUnsigned.header("WWW-Authenticate")).startsWith("GNAP as_uri=");
    assertThat(otherKey.statusCode()).as(otherKey.asString()).isEqualTo(401);
    assertThat(signed.statusCode()).as(signed.asString()).isEqualTo(200);
  }

  @Test
  void challengeWhenTokenRefusedThenAsUriIsTheDocumentsAuthServerWhereAGrantSucceeds() {
    Response refused = client.signed("ase1").get("/incoming-payments?wallet-address=" + alice);
    String challenge = refused.header("WWW-Authenticate");
    String asUri = challenge.substring("GNAP as_uri=".length());

    Response granted =
        client
            .signedAnywhere()
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":[{\"type\":\"incoming-payment\","
                        + "\"actions\":[\"list\"]}]},\"client\":\"%s\"}",
                    client.url()))
            .post(asUri);

    assertThat(challenge).startsWith("GNAP as_uri=");
    assertThat(asUri).isEqualTo(SANDBOX.at("ase1").get("/alice").<String>path("authServer"));
    assertThat(granted.statusCode()).as(granted.asString()).isEqualTo(200);
    assertThat(list(granted.path("access_token.value"), alice).statusCode()).isEqualTo(200);
  }

  @Test
  void readWhenAnotherClientCreatedThenOnlyReadAllSeesIt() {
    TestClient other = SANDBOX.client("other");
    String payment = createIncoming(client);
    TestClient.Token read =
        other.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"read\",\"list\"]}]");
    TestClient.Token readAll =
        other.interactiveToken(
            "ase1",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"read-all\",\"list-all\"],"
                + "\"identifier\":\"%s\"}]".formatted(alice));

    Response ownOnly = get(other, read.value(), payment);
    Response all = get(other, readAll.value(), payment);
    Response listOwn =
        other
            .signed("ase1")
            .header("Authorization", "GNAP " + read.value())
            .get("/incoming-payments?wallet-address=" + alice);

    assertThat(ownOnly.statusCode()).isEqualTo(404);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(listOwn.jsonPath().getList("result")).isEmpty();
  }

  @Test
  void listAllWhenGrantedThenListsEveryClientsPayments() {
    createIncoming(client);
    TestClient other = SANDBOX.client("other");
    TestClient.Token listAll =
        other.interactiveToken(
            "ase1",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"list-all\"],\"identifier\":\"%s\"}]"
                .formatted(alice));

    Response listed =
        other
            .signed("ase1")
            .header("Authorization", "GNAP " + listAll.value())
            .get("/incoming-payments?wallet-address=" + alice);

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.jsonPath().getList("result")).hasSize(1);
  }

  @Test
  void completeWhenGrantHasOnlyCreateAndReadAllThenForbidden() {
    String payment = createIncoming(client);
    TestClient.Token noComplete =
        client.token(
            "ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read-all\"]}]");
    TestClient.Token complete =
        client.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"complete\"]}]");

    Response refused = completeWith(noComplete.value(), payment);
    Response completed = completeWith(complete.value(), payment);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(completed.statusCode()).isEqualTo(200);
    assertThat(completed.<Boolean>path("completed")).isTrue();
  }

  private Response list(String token, String wallet) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token)
        .get("/incoming-payments?wallet-address=" + wallet);
  }

  private String createIncoming(TestClient creator) {
    TestClient.Token token =
        creator.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"]}]");
    Response created =
        creator
            .signed("ase1")
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(Bodies.json("{\"walletAddress\":\"%s\"}", alice))
            .post("/incoming-payments");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.path("id");
  }

  private static Response get(TestClient reader, String token, String url) {
    return reader.signedAnywhere().header("Authorization", "GNAP " + token).get(url);
  }

  private Response completeWith(String token, String payment) {
    return client
        .signedAnywhere()
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .post(payment + "/complete");
  }
}

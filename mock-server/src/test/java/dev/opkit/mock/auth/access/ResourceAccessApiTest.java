package dev.opkit.mock.auth.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
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
  void requestWhenTokenLiveButUnsignedThenUnauthorizedWithoutChallenge() {
    TestClient.Token token =
        client.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"list\"]}]");

    Response response =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token.value())
            .get("/incoming-payments?wallet-address=" + alice);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("no Signature-Input");
    assertThat(response.header("WWW-Authenticate")).isNull();
  }

  @Test
  void readWhenAnotherClientCreatedThenOnlyReadAllSeesIt() {
    TestClient other = SANDBOX.client("other");
    String payment = createIncoming(client);
    TestClient.Token read =
        other.token("ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"read\",\"list\"]}]");
    TestClient.Token readAll =
        other.interactiveToken(
            "ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"read-all\",\"list-all\"]}]");

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
            "ase1", "[{\"type\":\"incoming-payment\",\"actions\":[\"list-all\"]}]");

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

package dev.opkit.mock.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.JwksServer;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client whose wallet address lives outside the sandbox: its keys are fetched over HTTP from
 * {@code {client}/jwks.json}, cached briefly, with bounded time-outs; a slow, dead or garbled key
 * server is refused clearly and quickly (PROTOCOL.md §2, §4.5).
 */
class OutsideClientApiTest {
  private static final Duration TIMEOUT = Duration.ofMillis(800);
  private static final Duration CACHE = Duration.ofMillis(500);

  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(c -> c.withAuth(AuthConfig.DEFAULTS.withKeyFetch(CACHE, TIMEOUT)));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\",\"list\"]}]";

  private JwksServer server;
  private TestClient client;

  @BeforeEach
  void start() throws IOException {
    server = new JwksServer();
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    client = TestClient.outside(SANDBOX, server.walletAddress(), keys, "outside-1");
    server.serveKeys("{\"keys\":[" + Json.write(client.jwk()) + "]}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void outsideClientWhenKeysServedThenGrantAndResourceRequestsVerifyWithOneFetch() {
    TestClient.Token token = client.token("ase2", INCOMING);
    Response created =
        client
            .signed("ase2")
            .header("Authorization", "GNAP " + token.value())
            .contentType("application/json")
            .body(Bodies.json("{\"walletAddress\":\"%s\"}", SANDBOX.wallet("ase2", "carol")))
            .post("/incoming-payments");

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(server.keyFetches()).isEqualTo(1);
    assertThat(
            SANDBOX.at("ase2").get("/admin/requests?limit=1").<String>path("result[0].keyLookup"))
        .contains("cached copy of " + server.walletAddress() + "/jwks.json");
  }

  @Test
  void outsideClientWhenKeyAddedAfterCachingThenFetchedAgain() {
    client.token("ase2", INCOMING);
    Ed25519KeyPair second = Ed25519KeyPair.generate();
    TestClient rotatedKey =
        TestClient.outside(SANDBOX, server.walletAddress(), second, "outside-2");
    server.serveKeys(
        "{\"keys\":[" + Json.write(client.jwk()) + "," + Json.write(rotatedKey.jwk()) + "]}");

    Response response = rotatedKey.grant("ase2", INCOMING);

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(server.keyFetches()).isEqualTo(2);
  }

  @Test
  void outsideClientWhenKeyServerSlowThenRefusedWithinBoundedTime() {
    server.delay(Duration.ofSeconds(5));
    long started = System.nanoTime();

    Response response = client.grant("ase2", INCOMING);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertUnreachable(response, "no");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void outsideClientWhenKeyServerDownThenRefusedNamingIt() {
    server.close();

    Response response = client.grant("ase2", INCOMING);

    assertUnreachable(response, "GET " + server.walletAddress() + "/jwks.json failed");
  }

  @Test
  void outsideClientWhenKeysNotJsonThenRefused() {
    server.serveKeys("<html>not keys</html>");

    assertUnreachable(client.grant("ase2", INCOMING), "did not answer JSON");
  }

  @Test
  void outsideClientWhenDocumentNotJwkSetThenRefused() {
    server.serveKeys("{\"keys\":\"none\"}");

    assertUnreachable(client.grant("ase2", INCOMING), "is not a JWK set");
  }

  @Test
  void outsideClientWhenKeyNotEd25519ThenRefused() {
    server.serveKeys(
        "{\"keys\":[{\"kid\":\"outside-1\",\"alg\":\"EdDSA\",\"kty\":\"RSA\",\"crv\":\"Ed25519\","
            + "\"x\":\"abc\"}]}");

    Response response = client.grant("ase2", INCOMING);

    assertUnreachable(response, server.walletAddress() + "/jwks.json lists a key that is not");
    assertThat(response.<String>path("error.description"))
        .contains("keys[0] (kid \"outside-1\")", "\"kty\" is \"RSA\"");
  }

  @Test
  void outsideClientWhenSetAlsoListsAnEcKeyThenGrantRefusedThoughSignedWithTheEd25519Key() {
    server.serveKeys(
        "{\"keys\":["
            + Json.write(client.jwk())
            + ",{\"kid\":\"outside-ec\",\"alg\":\"ES256\",\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}");

    Response response = client.grant("ase2", INCOMING);

    assertUnreachable(response, "the whole set is refused");
    assertThat(response.<String>path("error.description"))
        .contains("keys[1] (kid \"outside-ec\")", "\"kty\" is \"EC\"");
    assertThat(SANDBOX.at("ase2").get("/admin/grants").jsonPath().getList("result")).isEmpty();
  }

  @Test
  void resourceServerWhenCachedKeysExpiredAndServerDownThenUnauthorized() throws Exception {
    TestClient.Token token = client.token("ase2", INCOMING);
    Thread.sleep(CACHE.toMillis() + 100);
    server.close();

    Response response =
        client
            .signed("ase2")
            .header("Authorization", "GNAP " + token.value())
            .get("/incoming-payments?wallet-address=" + SANDBOX.wallet("ase2", "carol"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description"))
        .contains("client wallet address unreachable");
  }

  @Test
  void interactiveGrantWhenOutsideClientHasPublicNameThenConsentPageShowsIt() {
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));

    assertThat(client.consentPage(pending).asString())
        .contains("Outside app", server.walletAddress());
  }

  private static void assertUnreachable(Response response, String reason) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_client");
    assertThat(response.<String>path("error.description"))
        .contains("client wallet address unreachable", reason);
    SpecAssert.auth(response, "post-request");
  }
}

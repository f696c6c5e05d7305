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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client whose wallet address lives outside the sandbox: its keys are fetched over HTTP from
 * {@code {client}/jwks.json}, cached briefly, with bounded time-outs and size, at most once a
 * second whatever keyids requests name; a slow, dead, huge or garbled key server is refused clearly
 * and quickly (PROTOCOL.md §2, §4.5).
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
    pastRefetchInterval();

    Response response = rotatedKey.grant("ase2", INCOMING);

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(server.keyFetches()).isEqualTo(2);
  }

  @Test
  void outsideClientWhenManyUnknownKeyIdsThenKeysFetchedAtMostOnceASecond() {
    client.token("ase2", INCOMING);
    long started = System.nanoTime();

    for (int i = 0; i < 20; i++) {
      TestClient stranger =
          TestClient.outside(
              SANDBOX, server.walletAddress(), Ed25519KeyPair.generate(), "unknown-" + i);
      Response refused = stranger.grant("ase2", INCOMING);
      assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
      assertThat(refused.<String>path("error.description")).contains("keyid \"unknown-" + i);
    }

    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    assertThat(server.keyFetches()).isBetween(1, 2 + (int) seconds);
    // However slow the machine, each refusal either fetched (the copy was a second old) or said why
    // it did not.
    List<String> lookups =
        SANDBOX
            .at("ase2")
            .get("/admin/requests?limit=20")
            .jsonPath()
            .getList("result.keyLookup", String.class);
    assertThat(lookups).hasSize(20);
    assertThat(lookups.stream().filter(l -> l.contains(" over HTTP")).count())
        .isEqualTo(server.keyFetches() - 1);
    assertThat(lookups)
        .filteredOn(l -> !l.contains(" over HTTP"))
        .allSatisfy(l -> assertThat(l).contains("fetched again at most once a second"));
  }

  @Test
  void outsideClientWhenConcurrentFirstRequestsThenOneFetch() throws Exception {
    server.delay(Duration.ofMillis(300));
    List<Callable<Integer>> requests =
        IntStream.range(0, 6)
            .<Callable<Integer>>mapToObj(i -> () -> client.grant("ase2", INCOMING).statusCode())
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      for (Future<Integer> status : pool.invokeAll(requests)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(server.keyFetches()).isEqualTo(1);
  }

  @Test
  void outsideClientWhenKeysDocumentHugeThenRefusedWithoutReadingIt() {
    long huge = 256L * 1024 * 1024;
    server.serveLargeKeys(huge);

    Response response = client.grant("ase2", INCOMING);

    assertUnreachable(response, "longer than 65536 bytes");
    assertThat(server.largeBytesSent()).isLessThan(huge / 4);
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
    pastRefetchInterval();
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

  /** Waits past the cache lifetime and the least time between two fetches of one key set. */
  private static void pastRefetchInterval() {
    try {
      Thread.sleep(Math.max(CACHE.toMillis(), 1000) + 100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertUnreachable(Response response, String reason) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_client");
    assertThat(response.<String>path("error.description"))
        .contains("client wallet address unreachable", reason);
    SpecAssert.auth(response, "post-request");
  }
}

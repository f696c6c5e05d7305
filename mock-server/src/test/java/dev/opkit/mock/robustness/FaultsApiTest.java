package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.JwksServer;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.RequestSigner;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults around the sandbox: a client wallet whose {@code jwks.json} server is slow, down or
 * answers garbage is refused clearly and soon, while other clients go on at full speed; a client
 * that hangs up in the middle of a request leaves nothing half made.
 */
class FaultsApiTest {
  private static final Duration FETCH_TIMEOUT = Duration.ofMillis(800);

  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(
          c -> c.withAuth(AuthConfig.DEFAULTS.withKeyFetch(Duration.ZERO, FETCH_TIMEOUT)));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]";

  private JwksServer server;
  private TestClient outside;

  @BeforeEach
  void outsideClient() throws Exception {
    server = new JwksServer();
    outside = TestClient.outside(SANDBOX, server.walletAddress(), Ed25519KeyPair.generate(), "k1");
    server.serveKeys("{\"keys\":[" + Json.write(outside.jwk()) + "]}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void grantWhenClientKeysSlowThenRefusedInBoundedTimeAndOthersUnaffected() throws Exception {
    assertFaultIsolated(s -> s.delay(Duration.ofSeconds(5)), "within");
  }

  @Test
  void grantWhenClientKeyServerDownThenRefusedAndOthersUnaffected() throws Exception {
    assertFaultIsolated(JwksServer::close, "failed");
  }

  @Test
  void grantWhenClientKeysGarbageThenRefusedAndOthersUnaffected() throws Exception {
    assertFaultIsolated(s -> s.serveKeys("<html>maintenance</html>"), "did not answer JSON");
  }

  /**
   * Times twenty requests of a client of the sandbox, then breaks the outside client's key server,
   * sends eight of its grant requests at once and, while they wait, twenty more requests of the
   * sandbox's client: those must take about as long as before the fault (compared with the time
   * measured a moment earlier on the same machine, so a loaded machine slows both alike).
   */
  private void assertFaultIsolated(Consumer<JwksServer> fault, String named) throws Exception {
    TestClient local = SANDBOX.client("unaffected");
    local.token("ase2", INCOMING);
    Duration baseline = Duration.ZERO;
    for (int i = 0; i < 20; i++) {
      Timed timed = Timed.of(() -> local.grant("ase2", INCOMING));
      assertThat(timed.response().statusCode()).isEqualTo(200);
      baseline = baseline.plus(timed.took());
    }
    fault.accept(server);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Timed>> refused = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        refused.add(pool.submit(() -> Timed.of(() -> outside.grant("ase2", INCOMING))));
      }
      List<Duration> others = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Timed timed = Timed.of(() -> local.grant("ase2", INCOMING));
        assertThat(timed.response().statusCode()).isEqualTo(200);
        others.add(timed.took());
      }
      for (Future<Timed> future : refused) {
        Timed timed = future.get();
        assertThat(timed.response().statusCode()).as(timed.response().asString()).isIn(400, 401);
        assertThat(timed.response().<String>path("error.code")).isEqualTo("invalid_client");
        assertThat(timed.response().<String>path("error.description"))
            .contains(server.walletAddress())
            .contains(named);
        assertThat(timed.took()).isLessThan(FETCH_TIMEOUT.multipliedBy(2).plusSeconds(1));
      }
      // Waiting behind the broken fetches would add at least their time-out to the total.
      assertThat(others.stream().reduce(Duration.ZERO, Duration::plus))
          .as(
              "twenty requests of another client during the fault, each %s; before it %s",
              others, baseline)
          .isLessThan(baseline.multipliedBy(3).plus(FETCH_TIMEOUT));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void paymentWhenClientHangsUpMidBodyThenNothingHalfMadeAndTheSameRequestLaterWorks()
      throws Exception {
    TestClient client = SANDBOX.client("flaky");
    Wallets wallets = new Wallets(SANDBOX, client);
    String alice = SANDBOX.wallet("ase1", "alice");
    String receiver = wallets.incomingPayment("ase2", "dave", "5000", "USD");
    String quote = wallets.quote("ase1", "alice", receiver).path("id");
    TestClient.Token token =
        client.interactiveToken(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(alice));
    SignedExchange payment =
        SignedExchange.sign(
            new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC()),
            "POST",
            SANDBOX.base("ase1") + "/outgoing-payments",
            token.value(),
            Bodies.json("{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}", alice, quote));
    Books before = books();

    for (int i = 0; i < 5; i++) {
      hangUpHalfway(payment);
    }
    Thread.sleep(200);

    assertThat(books()).isEqualTo(before);
    HttpResponse<String> completed = payment.send();
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
    assertThat(SANDBOX.sandbox().storedCounts().outgoingPayments()).isEqualTo(1);
    BigInteger aliceBefore = new BigInteger(before.wallets().get(alice).split("/")[0]);
    assertThat(wallets.balance("ase1", "alice")).isLessThan(aliceBefore);
  }

  private static void hangUpHalfway(SignedExchange request) throws Exception {
    URI origin = URI.create(SANDBOX.base("ase1"));
    byte[] body = request.body();
    StringBuilder head =
        new StringBuilder("POST /outgoing-payments HTTP/1.1\r\nHost: ")
            .append(origin.getAuthority())
            .append("\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
    request
        .headers()
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    RawHttp.abandon(origin, head.toString(), Arrays.copyOf(body, body.length / 2));
  }

  private static Books books() {
    return Books.read(List.of("ase1", "ase2"), SANDBOX::adminClient);
  }

  /** A response and how long it took. */
  private record Timed(Response response, Duration took) {
    static Timed of(java.util.function.Supplier<Response> call) {
      long started = System.nanoTime();
      Response response = call.get();
      return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }
  }
}

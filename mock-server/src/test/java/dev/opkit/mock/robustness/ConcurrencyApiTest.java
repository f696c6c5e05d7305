package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Races the sandbox must win: payments into an incoming payment while a client completes it, and
 * scenarios on different wallets running side by side while one of them waits on a processing
 * delay. (A hundred parallel payments against one grant window: {@code IntervalLimitApiTest};
 * concurrent rotations of one token: {@code TokenApiTest}.)
 */
class ConcurrencyApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final int PAYMENTS = 40;
  private static final Duration PROCESSING_DELAY = Duration.ofSeconds(30);

  private TestClient client;
  private Wallets wallets;

  @BeforeEach
  void client() {
    client = SANDBOX.client("racer");
    wallets = new Wallets(SANDBOX, client);
  }

  @Test
  void completeWhilePaymentsArriveThenReceivedAmountIsExactlyWhatWasPaid() throws Exception {
    TestClient.Token incoming =
        client.token(
            "ase2",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\",\"complete\"]}]");
    Response created =
        client
            .signed("ase2")
            .header("Authorization", "GNAP " + incoming.value())
            .contentType("application/json")
            .body(Bodies.json("{\"walletAddress\":\"%s\"}", SANDBOX.wallet("ase2", "dave")))
            .post("/incoming-payments");
    String receiver = created.path("id");
    String alice = SANDBOX.wallet("ase1", "alice");
    TestClient.Token outgoing = client.interactiveToken("ase1", outgoingAccess(alice));
    BigInteger aliceBefore = wallets.balance("ase1", "alice");
    BigInteger daveBefore = wallets.balance("ase2", "dave");

    List<Callable<Response>> work = new ArrayList<>();
    for (int i = 0; i < PAYMENTS; i++) {
      work.add(() -> pay(outgoing.value(), alice, receiver));
      if (i == PAYMENTS / 2) {
        work.add(
            () ->
                client
                    .signedAnywhere()
                    .header("Authorization", "GNAP " + incoming.value())
                    .post(receiver + "/complete"));
      }
    }
    List<Response> responses = all(work);

    Response completion =
        responses.stream().filter(r -> r.path("completed") != null).findFirst().orElseThrow();
    assertThat(completion.statusCode()).as(completion.asString()).isEqualTo(200);
    List<Response> paid = responses.stream().filter(r -> r.statusCode() == 201).toList();
    List<Response> refused = responses.stream().filter(r -> r.statusCode() == 400).toList();
    assertThat(paid.size() + refused.size()).isEqualTo(PAYMENTS);
    refused.forEach(r -> assertThat(r.asString()).contains("is completed"));
    BigInteger received = sum(paid, "receiveAmount.value");
    BigInteger debited = sum(paid, "debitAmount.value");
    Response after =
        client.signedAnywhere().header("Authorization", "GNAP " + incoming.value()).get(receiver);
    assertThat(after.<Boolean>path("completed")).isTrue();
    assertThat(new BigInteger(after.<String>path("receivedAmount.value"))).isEqualTo(received);
    assertThat(wallets.balance("ase2", "dave").subtract(daveBefore)).isEqualTo(received);
    assertThat(aliceBefore.subtract(wallets.balance("ase1", "alice"))).isEqualTo(debited);
    assertThat(SANDBOX.sandbox().ledger().invariantHolds()).isTrue();
  }

  @Test
  void scenariosWhenOneWalletsPaymentsWaitOnProcessingThenOthersRunAtFullSpeed() throws Exception {
    SANDBOX
        .admin("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"" + PROCESSING_DELAY + "\"}")
        .post("/admin/processing")
        .then()
        .statusCode(200);
    String alice = SANDBOX.wallet("ase1", "alice");
    String receiver = wallets.incomingPayment("ase2", "dave", "100000", "USD");
    TestClient.Token slow = client.interactiveToken("ase1", outgoingAccess(alice));
    TestClient other = TestClient.register(SANDBOX, "ase2", "other-app", "Other app");

    List<Callable<Response>> pending = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pending.add(() -> pay(slow.value(), alice, receiver));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Response>> slowPayments = pool.invokeAll(pending);
      long started = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        other.token("ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]");
      }
      Duration otherTook = Duration.ofNanos(System.nanoTime() - started);
      for (Future<Response> payment : slowPayments) {
        Response response = payment.get();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.<String>path("sentAmount.value")).isEqualTo("0");
      }
      // Causal, not a stopwatch: the other client's requests all finished while the ten payments
      // were still waiting on their processing, so none of them waited for it.
      assertThat(otherTook).as("ten grant requests of another client").isLessThan(PROCESSING_DELAY);
      for (Future<Response> payment : slowPayments) {
        String url = payment.get().path("id");
        assertThat(
                client
                    .signedAnywhere()
                    .header("Authorization", "GNAP " + slow.value())
                    .get(url)
                    .<String>path("sentAmount.value"))
            .as("still processing once the other client was done")
            .isEqualTo("0");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Response pay(String token, String wallet, String receiver) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            Bodies.json(
                "{\"walletAddress\":\"%s\",\"incomingPayment\":\"%s\",\"debitAmount\":{\"value\":\"100\",\"assetCode\":\"USD\",\"assetScale\":2}}",
                wallet, receiver))
        .post("/outgoing-payments");
  }

  private static String outgoingAccess(String wallet) {
    return "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\"}]"
        .formatted(wallet);
  }

  private static List<Response> all(List<Callable<Response>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> call : work) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static BigInteger sum(List<Response> responses, String path) {
    return responses.stream()
        .map(r -> new BigInteger(JsonPath.from(r.asString()).getString(path)))
        .reduce(BigInteger.ZERO, BigInteger::add);
  }
}

package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.mock.events.WebhookReceiver;
import dev.opkit.protocol.json.Json;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two sandbox processes (here: two {@code Sandbox} instances with a connection pool each) on one
 * PostgreSQL schema behind a load balancer behave as one sandbox: the atomic steps hold across
 * them, a grant goes on through either, tokens and the clock are the database's, events are
 * numbered once and each webhook is sent once.
 */
class TwoNodesApiTest {
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @RegisterExtension
  static final AuthSandbox SANDBOX = AuthSandbox.nodes(2, c -> c.withWebhookUrl(RECEIVER.url()));

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]";

  private TestClient client;
  private DirectPayments payments;
  private Wallets wallets;

  @BeforeEach
  void client() {
    SANDBOX.pin(-1);
    client = SANDBOX.client("shop");
    payments = new DirectPayments(SANDBOX, client);
    wallets = new Wallets(SANDBOX, client);
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void hundredPaymentsSplitAcrossBothNodesAgainstOneWindowThenExactlyTheAllowedCount()
      throws Exception {
    Instant now = SANDBOX.sandbox().clock().instant();
    TestClient.Token token = payments.grant("500", "R1/" + now + "/P1M");
    BigInteger before = wallets.balance("ase1", "alice");
    List<Integer> connectionsBefore = SANDBOX.connectionsPerNode("ase1");
    List<Callable<Response>> work = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      work.add(() -> payments.pay(token.value(), "100"));
    }

    List<Response> responses = all(work);

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(5);
    assertThat(responses).filteredOn(r -> r.statusCode() == 403).hasSize(95);
    List<Integer> connectionsAfter = SANDBOX.connectionsPerNode("ase1");
    for (int node = 0; node < 2; node++) {
      assertThat(connectionsAfter.get(node) - connectionsBefore.get(node))
          .as("payments node %d took", node)
          .isGreaterThanOrEqualTo(40);
    }
    assertThat(before.subtract(wallets.balance("ase1", "alice")))
        .isEqualTo(BigInteger.valueOf(500));
    assertThat(SANDBOX.at("ase1").get("/admin/ledger").<Boolean>path("invariantHolds")).isTrue();
  }

  @Test
  void rotationsAcrossNodesAtOnceThenOneLiveTokenAndTheOldOneDeadOnBoth() throws Exception {
    TestClient.Token token = client.token("ase1", INCOMING);
    List<Callable<Response>> work = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      work.add(() -> client.rotate(token));
    }

    List<Response> responses = all(work);

    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 401).hasSize(15);
    TestClient.Token live =
        TestClient.rotated(
            responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
    for (int node = 0; node < 2; node++) {
      SANDBOX.pin(node);
      // 403: the rafiki profile's status for a rotated-away token (inactiveTokenStatus).
      assertThat(createIncoming(token.value()).statusCode())
          .as("old token on node %d", node)
          .isEqualTo(403);
      assertThat(createIncoming(live.value()).statusCode())
          .as("new token on node %d", node)
          .isEqualTo(201);
    }
    List<String> states =
        SANDBOX
            .at("ase1")
            .get("/admin/grants")
            .jsonPath()
            .getList("result[0].tokens.state", String.class);
    assertThat(states).containsExactly("rotated", "live");
  }

  @Test
  void grantRequestedOnOneNodeThenConsentedAndContinuedOnTheOther() {
    SANDBOX.pin(0);
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));
    Response page = client.consentPage(pending);
    assertThat(page.statusCode()).isEqualTo(200);
    String consentToken = TestClient.consentToken(page);

    SANDBOX.pin(1);
    Response decision =
        SANDBOX
            .anywhere()
            .contentType("application/x-www-form-urlencoded")
            .body("decision=accept&consent_token=" + consentToken)
            .post(pending.redirect());
    assertThat(decision.statusCode()).as(decision.asString()).isEqualTo(303);
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    Response continued =
        client.continueWith(pending, TestClient.finishParameters(decision).get("interact_ref"));

    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    assertThat(continued.<String>path("access_token.value")).isNotBlank();
  }

  @Test
  void clockMovedThroughOneNodeThenMovedForTheOther() {
    SANDBOX.pin(0);
    Instant moved = SANDBOX.advance("P40D");

    SANDBOX.pin(1);
    Instant seenByOther = Instant.parse(SANDBOX.at("ase1").get("/admin/clock").path("now"));

    assertThat(seenByOther).isAfterOrEqualTo(moved).isBefore(moved.plusSeconds(30));
    assertThat(SANDBOX.allNodes().get(1).clock().instant()).isAfterOrEqualTo(moved);
  }

  @Test
  void eventsOfBothNodesAreNumberedOnceAndEachWebhookIsSentOnce() throws Exception {
    TestClient.Token token = client.token("ase1", INCOMING);
    List<Callable<Response>> work = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      work.add(() -> createIncoming(token.value()));
    }
    assertThat(all(work)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));

    JsonNode events =
        Json.read(SANDBOX.at("ase1").get("/admin/events?limit=500").asString(), JsonNode.class)
            .path("result");
    List<Long> sequences = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    events.forEach(
        e -> {
          sequences.add(e.path("sequence").asLong());
          ids.add(e.path("id").asText());
        });
    assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    assertThat(sequences).doesNotHaveDuplicates().isSorted();
    assertThat(sequences.get(sequences.size() - 1) - sequences.get(0) + 1)
        .as("numbered without holes")
        .isEqualTo(sequences.size());

    RECEIVER.awaitAtLeast(ids.size());
    Thread.sleep(1500);
    List<String> delivered =
        RECEIVER.received().stream()
            .map(r -> Json.read(r.body(), JsonNode.class).path("id").asText())
            .filter(ids::contains)
            .toList();
    assertThat(delivered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
  }

  private Response createIncoming(String token) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body("{\"walletAddress\":\"" + SANDBOX.wallet("ase1", "alice") + "\"}")
        .post("/incoming-payments");
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
}

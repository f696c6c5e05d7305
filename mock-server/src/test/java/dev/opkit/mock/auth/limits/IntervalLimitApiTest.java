package dev.opkit.mock.auth.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interval limits through real tokens (PROTOCOL.md §6): the check and the debit are one atomic step
 * under concurrency, the next window after the clock moves, nothing after the last repetition, the
 * admin views of the windows and the clock's jump to the next window.
 */
class IntervalLimitApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private DirectPayments payments;
  private Wallets wallets;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    payments = new DirectPayments(SANDBOX, client);
    wallets = new Wallets(SANDBOX, client);
  }

  @Test
  void createWhenHundredAtOnceAgainstRoomForFiveThenExactlyFiveSucceed() throws Exception {
    Instant now = SANDBOX.sandbox().clock().instant();
    TestClient.Token token = payments.grant("500", "R1/" + now + "/P1M");
    BigInteger before = wallets.balance("ase1", "alice");
    int attempts = 100;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return payments.pay(token.value(), "100");
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
      assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(5);
      assertThat(responses).filteredOn(r -> r.statusCode() == 403).hasSize(attempts - 5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(before.subtract(wallets.balance("ase1", "alice")))
        .isEqualTo(BigInteger.valueOf(500));
    assertThat(SANDBOX.at("ase1").get("/admin/ledger").<Boolean>path("invariantHolds")).isTrue();
  }

  @Test
  void createWhenClockMovesAMonthThenNextWindowAllowsAgainUntilLastRepetition() {
    Instant now = SANDBOX.sandbox().clock().instant();
    TestClient.Token token = payments.grant("100", "R1/" + now + "/P1M");

    Response first = payments.pay(token.value(), "100");
    Response overLimit = payments.pay(token.value(), "100");
    SANDBOX.advance("P1M");
    payments.newReceiver();
    token = TestClient.rotated(client.rotate(token));
    Response nextWindow = payments.pay(token.value(), "100");
    SANDBOX.advance("P1M");
    payments.newReceiver();
    token = TestClient.rotated(client.rotate(token));
    Response afterLast = payments.pay(token.value(), "100");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(overLimit.statusCode()).isEqualTo(403);
    assertThat(overLimit.<String>path("error.description"))
        .contains("limit 1.00 USD, spent 1.00 USD, remaining 0.00 USD");
    assertThat(nextWindow.statusCode()).as(nextWindow.asString()).isEqualTo(201);
    assertThat(afterLast.statusCode()).isEqualTo(403);
    assertThat(afterLast.<String>path("error.description")).contains("last window has ended");
  }

  @Test
  void adminGrantWhenIntervalLimitThenEveryWindowWithSpentAndRemaining() {
    Instant now = SANDBOX.sandbox().clock().instant();
    TestClient.Token token = payments.grant("500", "R2/" + now + "/P1M");
    payments.pay(token.value(), "120");

    String id = grantId();
    JsonPath grant = SANDBOX.at("ase1").get("/admin/grants/" + id).jsonPath();

    assertThat(grant.getList("windows")).hasSize(3);
    assertThat(grant.getBoolean("windows[0].current")).isTrue();
    assertThat(grant.getString("windows[0].limit.value")).isEqualTo("500");
    assertThat(grant.getString("windows[0].spentDebit.value")).isEqualTo("120");
    assertThat(grant.getString("windows[0].remaining.value")).isEqualTo("380");
    assertThat(grant.getString("windows[1].start")).isEqualTo(grant.getString("windows[0].end"));
    assertThat(grant.getString("windows[1].spentDebit.value")).isEqualTo("0");
    assertThat(grant.getString("tokens[0].value")).contains("…").hasSize(9);
    assertThat(grant.getString("tokens[0].value")).doesNotContain(token.value());
  }

  @Test
  void adminGrantWhenIntervalLimitThenNextWindowStartUntilTheLastWindow() {
    Instant now = SANDBOX.sandbox().clock().instant();
    payments.grant("500", "R1/" + now + "/P1M");
    String id = grantId();

    JsonPath first = SANDBOX.at("ase1").get("/admin/grants/" + id).jsonPath();
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"advanceTo\":\"next-window\",\"grant\":\"" + id + "\"}")
        .post("/admin/clock")
        .then()
        .statusCode(200);
    JsonPath last = SANDBOX.at("ase1").get("/admin/grants/" + id).jsonPath();

    assertThat(first.getString("nextWindowStart"))
        .isNotNull()
        .isEqualTo(first.getString("windows[1].start"));
    assertThat(last.getBoolean("windows[1].current")).isTrue();
    assertThat(last.getString("nextWindowStart")).as("after the last window").isNull();
  }

  @Test
  void clockWhenAdvancedToNextWindowOfGrantThenThereAndPaymentAllowed() {
    Instant now = SANDBOX.sandbox().clock().instant();
    TestClient.Token token = payments.grant("100", "R1/" + now + "/P1W");
    payments.pay(token.value(), "100");
    String id = grantId();

    Response moved =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"advanceTo\":\"next-window\",\"grant\":\"" + id + "\"}")
            .post("/admin/clock");
    token = TestClient.rotated(client.rotate(token));
    Response paid = payments.pay(token.value(), "100");
    Response noMore =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"advanceTo\":\"next-window\",\"grant\":\"" + id + "\"}")
            .post("/admin/clock");

    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(Instant.parse(moved.path("now")))
        .isEqualTo(now.plusSeconds(7 * 24 * 3600).truncatedTo(ChronoUnit.MILLIS));
    assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
    assertThat(noMore.statusCode()).isEqualTo(400);
    assertThat(noMore.<String>path("error.description")).contains("has no window after");
  }

  @Test
  void clockWhenAdvanceToNamesUnknownGrantOrGrantWithoutIntervalThenRefused() {
    payments.grant("100", null);

    Response unknown =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"advanceTo\":\"next-window\",\"grant\":\"nope\"}")
            .post("/admin/clock");
    Response noInterval =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"advanceTo\":\"next-window\",\"grant\":\"" + grantId() + "\"}")
            .post("/admin/clock");
    Response badTarget =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"advanceTo\":\"tomorrow\",\"grant\":\"x\"}")
            .post("/admin/clock");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(noInterval.statusCode()).isEqualTo(400);
    assertThat(noInterval.<String>path("error.description")).contains("no outgoing-payment limit");
    assertThat(badTarget.statusCode()).isEqualTo(400);
  }

  private static String grantId() {
    return SANDBOX
        .at("ase1")
        .get("/admin/grants")
        .jsonPath()
        .<String>getList("result.findAll { it.access[0].type == 'outgoing-payment' }.id")
        .get(0);
  }
}

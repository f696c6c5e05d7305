package dev.opkit.mock.auth.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.DirectPayments;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An interval starting millions of years ago costs a payment and {@code GET
 * /outgoing-payment-grant} bounded work (PROTOCOL.md §6): before, each walked its windows one by
 * one from the start, about 1.3 s per request under the wallet and grant locks. A payment under an
 * interval whose windows cannot be counted that far is refused with 403, never a 500.
 */
class FarPastIntervalApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  /** Far more than the few milliseconds the requests need, far less than walking the windows. */
  private static final Duration GENEROUS = Duration.ofSeconds(4);

  private static final int ROUNDS = 3;

  private TestClient client;
  private DirectPayments payments;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    payments = new DirectPayments(SANDBOX, client);
  }

  @Test
  void createAndGrantSpentWhenIntervalStartsThreeMillionYearsAgoThenAnsweredQuickly() {
    TestClient.Token token = payments.grant("500", "R/-2999999-01-01T00:00:00Z/P1M1D");
    Instant now = SANDBOX.sandbox().clock().instant();

    long started = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      Response paid = payments.pay(token.value(), "100");
      assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
      Response spent = grantSpent(token);
      assertThat(spent.statusCode()).as(spent.asString()).isEqualTo(200);
      assertThat(spent.<String>path("spentDebitAmount.value")).isEqualTo(100 * (i + 1) + "");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    JsonPath grant = SANDBOX.at("ase1").get("/admin/grants/" + grantId()).jsonPath();

    assertThat(took).isLessThan(GENEROUS);
    JsonPath current =
        JsonPath.from(grant.prettify()).setRootPath("windows.find { it.current == true }");
    assertThat(Instant.parse(current.getString("start"))).isBeforeOrEqualTo(now);
    assertThat(Instant.parse(current.getString("end"))).isAfter(now);
    assertThat(current.getString("spentDebit.value")).isEqualTo("300");
    assertThat(current.getString("remaining.value")).isEqualTo("200");
  }

  @Test
  void createWhenFarPastIntervalsWindowsCannotBeCountedThen403AndNothingSpent() {
    TestClient.Token token = payments.grant("500", "R/-2999999-01-01T00:00:00Z/P1MT1S");

    long started = System.nanoTime();
    Response refused = payments.pay(token.value(), "100");
    Response spent = grantSpent(token);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
    assertThat(refused.<String>path("error.description"))
        .contains("R/-2999999-01-01T00:00:00Z/P1MT1S")
        .contains("cannot be applied");
    assertThat(spent.statusCode()).as(spent.asString()).isEqualTo(200);
    assertThat(spent.<String>path("spentDebitAmount")).isNull();
    assertThat(took).isLessThan(GENEROUS);
  }

  private Response grantSpent(TestClient.Token token) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token.value())
        .get("/outgoing-payment-grant");
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

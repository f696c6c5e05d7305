package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one session holds is out of reach of every other, through real HTTP: asked for in another
 * session, an object of session A answers exactly as an unknown one does (same status, same code);
 * what the admin API changes in A (clock, forced failures, processing delay) leaves the others as
 * they were. Each test runs A and B both ways, and the default session among them.
 */
class SessionIsolationApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final Duration SLACK = Duration.ofMinutes(5);

  @Test
  void walletOfAnotherSessionIsUnknown() {
    for (Pair pair : pairs()) {
      String name = "zed-" + shortId();
      pair.a.openWallet("ase1", name, "USD");

      assertThat(get(pair.a.wallet("ase1", name)).statusCode()).isEqualTo(200);
      assertSameAsUnknown(get(pair.b.wallet("ase1", name)), get(pair.b.wallet("ase1", "nobody")));
      assertSameAsUnknown(
          pair.b.adminGet("ase1", "/wallet-addresses/" + name),
          pair.b.adminGet("ase1", "/wallet-addresses/nobody"));
      assertThat(pair.b.adminGet("ase1", "/wallet-addresses").asString()).doesNotContain(name);
    }
  }

  @Test
  void keysOfAnotherSessionAreUnknown() {
    for (Pair pair : pairs()) {
      TestClient app = pair.a.client("app-" + shortId());
      String kid = app.keyId();
      String name = app.url().substring(app.url().lastIndexOf('/') + 1);
      pair.b.openWallet("ase1", name, "USD");

      Response inA = get(pair.a.wallet("ase1", name) + "/jwks.json");
      Response inB = get(pair.b.wallet("ase1", name) + "/jwks.json");

      assertThat(inA.jsonPath().getList("keys.kid")).containsExactly(kid);
      assertThat(inB.statusCode()).isEqualTo(200);
      assertThat(inB.jsonPath().getList("keys")).isEmpty();
      assertSameAsUnknown(
          get(pair.b.wallet("ase1", "app-nobody") + "/jwks.json"),
          get(pair.b.wallet("ase1", "app-nobody2") + "/jwks.json"));
      assertSameAsUnknown(
          pair.b
              .adminRequest()
              .delete(pair.b.admin("ase1") + "/wallet-addresses/" + name + "/keys/" + kid),
          pair.b
              .adminRequest()
              .delete(pair.b.admin("ase1") + "/wallet-addresses/" + name + "/keys/key-nobody"));
      assertThat(get(pair.a.wallet("ase1", name) + "/jwks.json").jsonPath().getList("keys.kid"))
          .containsExactly(kid);
    }
  }

  @Test
  void incomingPaymentOfAnotherSessionIsUnknown() {
    for (Pair pair : pairs()) {
      String payment = preloadedIncomingPayment(pair.a);
      String id = payment.substring(payment.lastIndexOf('/') + 1);

      assertThat(get(payment).statusCode()).as(get(payment).asString()).isEqualTo(200);
      assertThat(payment).startsWith(pair.a.base("ase1") + "/incoming-payments/");
      assertSameAsUnknown(
          get(pair.b.base("ase1") + "/incoming-payments/" + id),
          get(pair.b.base("ase1") + "/incoming-payments/" + UUID.randomUUID()));
      assertThat(pair.b.adminGet("ase1", "/wallet-addresses/alice/incoming-payments").asString())
          .doesNotContain(id);
    }
  }

  @Test
  void clockOfOneSessionMovesNoOther() {
    Space a = Space.made(SANDBOX);
    Space b = Space.made(SANDBOX);
    Space defaultSession = Space.defaultSession(SANDBOX);

    Response moved = a.adminPost("ase1", "/clock", "{\"advance\":\"P30D\"}");

    assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
    Instant now = Instant.now();
    assertThat(clock(a, "ase2")).isAfter(now.plus(Duration.ofDays(29)));
    for (Space other : List.of(b, defaultSession)) {
      for (String ase : List.of("ase1", "ase2")) {
        assertThat(clock(other, ase)).isBetween(now.minus(SLACK), now.plus(SLACK));
      }
    }
    Response back = defaultSession.adminPost("ase1", "/clock", "{\"advance\":\"P2D\"}");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(clock(b, "ase1")).isBetween(now.minus(SLACK), now.plus(SLACK));
    assertThat(clock(a, "ase1"))
        .isBetween(now.plus(Duration.ofDays(29)), now.plus(Duration.ofDays(31)));
  }

  @Test
  void forcedFailuresOfOneSessionAreNoOthers() {
    for (Pair pair : pairs()) {
      Response set = pair.a.adminPost("ase1", "/wallet-addresses/alice/failures", "{\"count\":3}");

      assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
      assertThat(
              (Integer) pair.a.adminGet("ase1", "/wallet-addresses/alice").path("pendingFailures"))
          .isEqualTo(3);
      assertThat(
              (Integer) pair.b.adminGet("ase1", "/wallet-addresses/alice").path("pendingFailures"))
          .isZero();
      pair.a.adminPost("ase1", "/wallet-addresses/alice/failures", "{\"count\":0}");
    }
  }

  @Test
  void processingDelayOfOneSessionIsNoOthers() {
    for (Pair pair : pairs()) {
      Response set = pair.a.adminPost("ase1", "/processing", "{\"delay\":\"PT7S\"}");

      assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
      assertThat((String) pair.a.adminGet("ase2", "/processing").path("delay")).isEqualTo("PT7S");
      assertThat((String) pair.b.adminGet("ase1", "/processing").path("delay")).isEqualTo("PT0S");
      pair.a.adminPost("ase1", "/processing", "{\"delay\":\"PT0S\"}");
    }
  }

  @Test
  void balancesAndBooksOfOneSessionAreNoOthers() {
    for (Pair pair : pairs()) {
      String before = pair.b.adminGet("ase1", "/wallet-addresses/alice").path("balance.value");

      Response set =
          pair.a.adminPost("ase1", "/wallet-addresses/alice/balance", "{\"value\":\"7\"}");

      assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
      assertThat((String) pair.b.adminGet("ase1", "/wallet-addresses/alice").path("balance.value"))
          .isEqualTo(before);
      assertThat((Boolean) pair.a.adminGet("ase1", "/ledger").path("invariantHolds")).isTrue();
      assertThat((Boolean) pair.b.adminGet("ase1", "/ledger").path("invariantHolds")).isTrue();
      SANDBOX.sandbox().reset();
    }
  }

  /** A made session with the default one, both ways, and two made sessions. */
  private static List<Pair> pairs() {
    Space made = Space.made(SANDBOX);
    Space other = Space.made(SANDBOX);
    Space defaultSession = Space.defaultSession(SANDBOX);
    return List.of(
        new Pair(made, other), new Pair(made, defaultSession), new Pair(defaultSession, other));
  }

  private record Pair(Space a, Space b) {}

  private static String preloadedIncomingPayment(Space space) {
    Response preloaded =
        space.adminPost("ase1", "/preload", "{\"wallet\":\"alice\",\"incomingPayments\":1}");
    assertThat(preloaded.statusCode()).as(preloaded.asString()).isEqualTo(201);
    Response listed = space.adminGet("ase1", "/wallet-addresses/alice/incoming-payments");
    List<String> ids = listed.jsonPath().getList("result.id");
    assertThat(ids).as(listed.asString()).isNotEmpty();
    return ids.get(0);
  }

  private static Instant clock(Space space, String ase) {
    return Instant.parse(space.adminGet(ase, "/clock").path("now"));
  }

  private static Response get(String url) {
    return SANDBOX.anywhere().accept("application/json").get(url);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The same status and error code (descriptions may differ by the id they name). */
  static void assertSameAsUnknown(Response other, Response unknown) {
    assertThat(other.statusCode())
        .as("%s\n  vs unknown: %s", other.asString(), unknown.asString())
        .isEqualTo(unknown.statusCode())
        .isBetween(400, 499);
    assertThat(other.jsonPath().getString("error.code"))
        .as("%s\n  vs unknown: %s", other.asString(), unknown.asString())
        .isEqualTo(unknown.jsonPath().getString("error.code"));
  }
}

package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.mock.testing.SpecCheck;
import dev.opkit.protocol.openapi.Spec;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final String JWK =
      """
      {"jwk":{"kid":"key-1","alg":"EdDSA","kty":"OKP","crv":"Ed25519",\
      "x":"ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ"}}""";

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void indexWhenGetThenLinksToEveryPower() {
    SANDBOX
        .at("ase1")
        .get("/admin")
        .then()
        .statusCode(200)
        .body("ase", equalTo("ase1"))
        .body("clock", equalTo(SANDBOX.base("ase1") + "/admin/clock"))
        .body("stats", equalTo(SANDBOX.base("ase1") + "/admin/stats"));
  }

  @Test
  void walletsWhenListedThenThisProvidersWalletsWithBalances() {
    SANDBOX
        .at("ase2")
        .get("/admin/wallet-addresses")
        .then()
        .statusCode(200)
        .body("result.name", equalTo(List.of("carol", "dave")))
        .body("result[0].balance.value", equalTo("100000"))
        .body("result[0].balance.assetCode", equalTo("EUR"))
        .body("result[0].reserved.value", equalTo("0"));
  }

  @Test
  void createWalletWhenValidThen201DocumentServedRightAway() {
    Response created =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body(
                "{\"name\":\"shop\",\"assetCode\":\"JPY\",\"assetScale\":0,\"publicName\":\"Shop\",\"balance\":\"500\"}")
            .post("/admin/wallet-addresses");

    SpecCheck.schema(created, Spec.WALLET_ADDRESS_SERVER, "wallet-address")
        .then()
        .statusCode(201)
        .body("id", equalTo(SANDBOX.wallet("ase1", "shop")));
    SANDBOX.at("ase1").get("/shop").then().statusCode(200).body("assetCode", equalTo("JPY"));
    assertThat(payments.balance("ase1", "shop")).isEqualTo(500);
  }

  @Test
  void createWalletWhenNameTakenReservedOrBadThenRefused() {
    createWallet("{\"name\":\"alice\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(409)
        .body("error.code", equalTo("conflict"));
    createWallet("{\"name\":\"admin\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("reserved"));
    createWallet("{\"name\":\"a/b\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(400);
    createWallet("{\"name\":\"x\",\"assetCode\":\"USD\",\"assetScale\":256}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("0..255"));
    createWallet("{\"name\":\"x\",\"assetCode\":\"USD\"}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("'assetScale' is required"));
    createWallet("{\"name\":\"x\",\"assetCode\":\"USD\",\"assetScale\":2,\"colour\":\"red\"}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("unknown field 'colour'"));
  }

  @Test
  void createWalletWhenAssetCodeIsLowerCaseThenRefusedNamingTheUpperCaseForm() {
    createWallet("{\"name\":\"lower\",\"assetCode\":\"usd\",\"assetScale\":2}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("asset code 'usd' must be upper-case"))
        .body("error.description", containsString("e.g. USD"));
    SANDBOX.at("ase1").get("/lower").then().statusCode(404);
  }

  @Test
  void keysWhenAddedAndDeletedThenJwksFollows() {
    addKey(JWK).then().statusCode(201).body("kid", equalTo("key-1"));
    addKey(JWK).then().statusCode(409);

    SANDBOX.at("ase1").delete("/admin/wallet-addresses/alice/keys/key-1").then().statusCode(204);

    SANDBOX.at("ase1").get("/alice/jwks.json").then().body("keys", hasSize(0));
    SANDBOX.at("ase1").delete("/admin/wallet-addresses/alice/keys/key-1").then().statusCode(404);
  }

  @Test
  void keysWhenNotAnEd25519JwkThen400NamingTheMember() {
    addKey(
            "{\"jwk\":{\"kid\":\"k\",\"alg\":\"EdDSA\",\"kty\":\"RSA\",\"crv\":\"Ed25519\",\"x\":\"AA\"}}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("kty"));
    addKey(
            "{\"jwk\":{\"kid\":\"k\",\"alg\":\"EdDSA\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\"}}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("32"));
    addKey(
            "{\"jwk\":{\"alg\":\"EdDSA\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ\"}}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("kid"));
    addKey("{}").then().statusCode(400);
  }

  @Test
  void balanceWhenSetThenIssuerKeepsTheBooksBalanced() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"value\":\"123456\"}")
        .post("/admin/wallet-addresses/alice/balance")
        .then()
        .statusCode(200)
        .body("balance.value", equalTo("123456"));
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"value\":\"-1\"}")
        .post("/admin/wallet-addresses/alice/balance")
        .then()
        .statusCode(400);
    SANDBOX
        .at("ase1")
        .get("/admin/ledger")
        .then()
        .body("invariantHolds", equalTo(true))
        .body("assets.find { it.assetCode == 'USD' }.issued", equalTo("223456"));
  }

  @Test
  void clockWhenAdvancedOrSetThenEveryProviderSeesTheSameTime() {
    Instant before = Instant.parse(SANDBOX.at("ase1").get("/admin/clock").path("now"));

    Instant advanced = Instant.parse(moveClock("{\"advance\":\"P1DT2H\"}").path("now"));

    assertThat(Duration.between(before, advanced))
        .isBetween(Duration.ofHours(26), Duration.ofHours(27));
    Instant seenByOther = Instant.parse(SANDBOX.at("ase2").get("/admin/clock").path("now"));
    assertThat(seenByOther).isAfterOrEqualTo(advanced);
    moveClock("{\"now\":\"2030-01-31T00:00:00Z\"}")
        .then()
        .body("now", containsString("2030-01-31T00:00:00"));
    Instant february = Instant.parse(moveClock("{\"advance\":\"P1M\"}").path("now"));
    assertThat(february.toString()).startsWith("2030-02-28T00:00:0");
  }

  @Test
  void clockWhenBadRequestThen400() {
    moveClock("{\"advance\":\"one month\"}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("ISO 8601"));
    moveClock("{\"now\":\"tomorrow\"}")
        .then()
        .statusCode(400)
        .body("error.description", containsString("RFC 3339"));
    moveClock("{\"advance\":\"P1M\",\"now\":\"2030-01-01T00:00:00Z\"}").then().statusCode(400);
    moveClock("{}").then().statusCode(400);
  }

  @Test
  void resetWhenStateChangedThenSeedIsBack() {
    createWallet("{\"name\":\"shop\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .then()
        .statusCode(201);
    addKey(JWK).then().statusCode(201);
    moveClock("{\"advance\":\"P1Y\"}");

    SANDBOX.at("ase2").contentType("application/json").post("/admin/reset").then().statusCode(204);

    SANDBOX.at("ase1").get("/shop").then().statusCode(404);
    SANDBOX.at("ase1").get("/alice/jwks.json").then().body("keys", hasSize(0));
    Instant now = Instant.parse(SANDBOX.at("ase1").get("/admin/clock").path("now"));
    assertThat(Duration.between(Instant.now(), now).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(payments.balance("ase1", "alice")).isEqualTo(100_000);
  }

  @Test
  void eventsWhenPagedThenSinceTheLastSequence() {
    payments.incomingPayment("ase1", "alice", null, null);
    payments.incomingPayment("ase1", "alice", null, null);
    payments.incomingPayment("ase1", "alice", null, null);

    Response first = SANDBOX.at("ase1").get("/admin/events?limit=2");
    first
        .then()
        .statusCode(200)
        .body("result", hasSize(2))
        .body("result[0].type", equalTo("incoming_payment.created"))
        .body("result[0].ase", equalTo("ase1"))
        .body("hasMore", equalTo(true));
    long next = ((Number) first.path("next")).longValue();
    SANDBOX
        .at("ase1")
        .get("/admin/events?after=" + next)
        .then()
        .body("result", hasSize(1))
        .body("hasMore", equalTo(false));
    SANDBOX.at("ase2").get("/admin/events").then().body("result", hasSize(0));
    SANDBOX.at("ase1").get("/admin/events?limit=0").then().statusCode(400);
    SANDBOX.at("ase1").get("/admin/events?after=x").then().statusCode(400);
  }

  @Test
  void processingWhenSetThenReadBackAndBadValuesRefused() {
    SANDBOX.at("ase1").get("/admin/processing").then().body("delay", equalTo("PT0S"));
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"PT2S\"}")
        .post("/admin/processing")
        .then()
        .statusCode(200);
    SANDBOX.at("ase2").get("/admin/processing").then().body("delay", equalTo("PT2S"));
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"-PT1S\"}")
        .post("/admin/processing")
        .then()
        .statusCode(400);
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"soon\"}")
        .post("/admin/processing")
        .then()
        .statusCode(400);
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"PT99999999999999999S\"}")
        .post("/admin/processing")
        .then()
        .statusCode(400)
        .body("error.description", containsString("PT24H"));
    SANDBOX.at("ase1").get("/admin/processing").then().body("delay", equalTo("PT2S"));
  }

  @Test
  void failuresWhenNegativeThen400() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"count\":-1}")
        .post("/admin/wallet-addresses/alice/failures")
        .then()
        .statusCode(400);
  }

  @Test
  void preloadWhenAskedThenPaymentsListedAndBooksStillBalance() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body(
            "{\"wallet\":\"alice\",\"incomingPayments\":50,\"outgoingPayments\":200,\"receiver\":\"%s\",\"amount\":\"100\"}"
                .formatted(SANDBOX.wallet("ase2", "dave")))
        .post("/admin/preload")
        .then()
        .statusCode(201)
        .body("incomingPayments", equalTo(50))
        .body("outgoingPayments", equalTo(200));

    assertThat(payments.balance("ase1", "alice")).isEqualTo(100_000 - 200 * 100);
    assertThat(payments.balance("ase2", "dave")).isEqualTo(100_000 + 200 * 99);
    assertThat(payments.invariantHolds()).isTrue();
    String token =
        SANDBOX
            .access()
            .issue(
                "g",
                "https://client.example/app",
                dev.opkit.mock.testing.TestGrants.outgoing(
                    SANDBOX.wallet("ase1", "alice"),
                    dev.opkit.protocol.gnap.AccessAction.LIST_ALL));
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .get("/outgoing-payments?first=100&wallet-address=" + SANDBOX.wallet("ase1", "alice"))
        .then()
        .body("result", hasSize(100))
        .body("pagination.hasNextPage", equalTo(true));
  }

  @Test
  void preloadWhenMoreThanTheBalanceThen400() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body(
            "{\"wallet\":\"alice\",\"outgoingPayments\":2000,\"receiver\":\"%s\",\"amount\":\"100\"}"
                .formatted(SANDBOX.wallet("ase2", "dave")))
        .post("/admin/preload")
        .then()
        .statusCode(400)
        .body("error.description", containsString("set its balance first"));
  }

  @Test
  void statsWhenPaymentsPreloadedThenCountedWithTheHeapAfterACollection() {
    Response empty = SANDBOX.at("ase1").get("/admin/stats?gc=true");
    assertThat(empty.statusCode()).as(empty.asString()).isEqualTo(200);
    assertThat(empty.<Integer>path("stored.walletAddresses")).isEqualTo(4);
    assertThat(empty.<Integer>path("stored.outgoingPayments")).isZero();
    assertThat(empty.<Boolean>path("collected")).isTrue();
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body(
            "{\"wallet\":\"alice\",\"incomingPayments\":30,\"outgoingPayments\":70,\"receiver\":\"%s\"}"
                .formatted(SANDBOX.wallet("ase2", "dave")))
        .post("/admin/preload")
        .then()
        .statusCode(201);

    Response stats = SANDBOX.at("ase2").get("/admin/stats");

    assertThat(stats.<Integer>path("stored.outgoingPayments")).isEqualTo(70);
    assertThat(stats.<Integer>path("stored.incomingPayments")).isEqualTo(31);
    assertThat(stats.<Integer>path("stored.quotes")).isZero();
    assertThat(stats.<Boolean>path("collected")).isFalse();
    long used = stats.<Number>path("heap.used").longValue();
    assertThat(used)
        .isPositive()
        .isLessThanOrEqualTo(stats.<Number>path("heap.committed").longValue());
  }

  @Test
  void statsWhenRequestsAnsweredBetweenTwoReadingsThenAllocationAndCpuCountersRose() {
    Response before = SANDBOX.at("ase1").get("/admin/stats");
    for (int i = 0; i < 20; i++) {
      SANDBOX.at("ase1").accept("application/json").get("/alice").then().statusCode(200);
    }
    Response after = SANDBOX.at("ase1").get("/admin/stats");

    assertThat(after.<Number>path("jvm.allocatedBytes").longValue())
        .isGreaterThan(before.<Number>path("jvm.allocatedBytes").longValue());
    assertThat(after.<Number>path("jvm.cpuNanos").longValue())
        .isGreaterThan(before.<Number>path("jvm.cpuNanos").longValue());
    assertThat(after.<Integer>path("jvm.threads")).isPositive();
    assertThat(after.<Number>path("jvm.collections").longValue())
        .isGreaterThanOrEqualTo(before.<Number>path("jvm.collections").longValue());
  }

  @Test
  void statsWhenGcIsNotABooleanThen400() {
    SANDBOX.at("ase1").get("/admin/stats?gc=yes").then().statusCode(400);
  }

  @Test
  void unknownWalletWhenAdminPathThen404() {
    SANDBOX
        .at("ase1")
        .get("/admin/wallet-addresses/nobody")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("not_found"));
  }

  private Response createWallet(String body) {
    return SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body(body)
        .post("/admin/wallet-addresses");
  }

  private Response addKey(String body) {
    return SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body(body)
        .post("/admin/wallet-addresses/alice/keys");
  }

  private Response moveClock(String body) {
    return SANDBOX.at("ase1").contentType("application/json").body(body).post("/admin/clock");
  }
}

package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionsApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]";

  @Test
  void createWhenNoBodyThenFreshCopyOfTheSeedUnderTheSessionsUrls() {
    Response created =
        SANDBOX.admin("ase1").contentType("application/json").post("/admin/sessions");

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.path("id");
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat((String) created.path("name")).isEqualTo("unnamed");
    assertThat(created.jsonPath().getMap("$")).doesNotContainKey("adminToken");
    assertThat(created.header("Location"))
        .isEqualTo(SANDBOX.base("ase1") + "/admin/sessions/" + id);
    String origin = SANDBOX.base("ase1");
    Map<String, Object> ase1 = created.jsonPath().getMap("providers.find { it.name == 'ase1' }");
    assertThat(ase1)
        .containsEntry("resourceServer", origin + "/" + id)
        .containsEntry("authServer", origin + "/auth/" + id)
        .containsEntry("admin", origin + "/admin/sessions/" + id);
    assertThat(created.jsonPath().getMap("providers.find { it.name == 'ase1' }.walletAddresses"))
        .containsEntry("alice", origin + "/" + id + "/alice")
        .containsEntry("bob", origin + "/" + id + "/bob");
    assertThat(created.jsonPath().getMap("providers.find { it.name == 'ase2' }.walletAddresses"))
        .containsEntry("carol", SANDBOX.base("ase2") + "/" + id + "/carol");

    Response document = SANDBOX.anywhere().get(origin + "/" + id + "/alice");
    assertThat(document.statusCode()).as(document.asString()).isEqualTo(200);
    assertThat((String) document.path("id")).isEqualTo(origin + "/" + id + "/alice");
    assertThat((String) document.path("resourceServer")).isEqualTo(origin + "/" + id);
    assertThat((String) document.path("authServer")).isEqualTo(origin + "/auth/" + id);
    assertThat(SANDBOX.anywhere().get(origin + "/" + id + "/alice/jwks.json").statusCode())
        .isEqualTo(200);
  }

  @Test
  void defaultSessionKeepsItsUrls() {
    Space.made(SANDBOX);

    Response document = SANDBOX.at("ase1").get("/alice");
    assertThat((String) document.path("id")).isEqualTo(SANDBOX.base("ase1") + "/alice");
    assertThat((String) document.path("authServer")).isEqualTo(SANDBOX.base("ase1") + "/auth");
    assertThat((String) document.path("resourceServer")).isEqualTo(SANDBOX.base("ase1"));
  }

  @Test
  void createWhenSettingsThenTheSessionHasThem() {
    Response created =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body(
                """
                {"name":"ci-42","profile":"strict","processingDelay":"PT2S",
                 "ases":[{"name":"ase1","wallets":[
                   {"name":"zoe","assetCode":"USD","assetScale":2,"balance":500}]}]}""")
            .post("/admin/sessions");

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.path("id");
    assertThat((String) created.path("name")).isEqualTo("ci-42");
    assertThat((String) created.path("settings.profile")).isEqualTo("strict");
    assertThat((String) created.path("settings.processingDelay")).isEqualTo("PT2S");
    assertThat(created.jsonPath().getMap("providers.find { it.name == 'ase1' }.walletAddresses"))
        .containsOnlyKeys("zoe");
    assertThat(created.jsonPath().getMap("providers.find { it.name == 'ase2' }.walletAddresses"))
        .isEmpty();
    String admin = SANDBOX.base("ase1") + "/admin/sessions/" + id;
    assertThat(
            (String) SANDBOX.anywhere().get(admin + "/wallet-addresses/zoe").path("balance.value"))
        .isEqualTo("500");
    assertThat((String) SANDBOX.anywhere().get(admin + "/processing").path("delay"))
        .isEqualTo("PT2S");
    assertThat(SANDBOX.anywhere().get(SANDBOX.base("ase1") + "/" + id + "/alice").statusCode())
        .isEqualTo(404);
  }

  @Test
  void createWhenSeedWalletHasKeysThenItsClientSignsAtOnce() {
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    Space session =
        Space.made(
            SANDBOX,
            """
            {"ases":[{"name":"ase1","wallets":[
              {"name":"app","publicName":"App","assetCode":"USD","assetScale":2,
               "keys":[%s]}]}]}"""
                .formatted(Json.write(keys.toJwk("app-key"))));
    TestClient client = TestClient.outside(SANDBOX, session.wallet("ase1", "app"), keys, "app-key");

    Response jwks = SANDBOX.anywhere().get(client.url() + "/jwks.json");
    assertThat(jwks.statusCode()).as(jwks.asString()).isEqualTo(200);
    assertThat(jwks.jsonPath().getList("keys.kid")).containsExactly("app-key");
    Response granted = session.grant(client, "ase1", INCOMING);
    assertThat(granted.statusCode()).as(granted.asString()).isEqualTo(200);
  }

  @Test
  void createWhenSeedKeyIsBadThen400NamingTheWalletAndTheKey() {
    String good = Json.write(Ed25519KeyPair.generate().toJwk("k1"));
    Map<String, String> bodies =
        Map.of(
            "[{\"alg\":\"EdDSA\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\"}]",
            "kid",
            "[{\"kid\":\"k\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\"}]",
            "alg",
            "[{\"kid\":\"k\",\"alg\":\"EdDSA\",\"kty\":\"RSA\",\"crv\":\"Ed25519\",\"x\":\"abc\"}]",
            "Open Payments key",
            "[" + good + "," + good + "]",
            "twice",
            "[null]",
            "empty",
            "{}",
            "keys");
    for (Map.Entry<String, String> keys : bodies.entrySet()) {
      String body =
          "{\"ases\":[{\"name\":\"ase1\",\"wallets\":[{\"name\":\"app\",\"assetCode\":\"USD\","
              + "\"assetScale\":2,\"keys\":"
              + keys.getKey()
              + "}]}]}";

      Response response =
          SANDBOX.admin("ase1").contentType("application/json").body(body).post("/admin/sessions");

      assertThat(response.statusCode()).as(body + " -> " + response.asString()).isEqualTo(400);
      assertThat((String) response.path("error.code")).as(body).isEqualTo("invalid_request");
      assertThat((String) response.path("error.description")).as(body).contains(keys.getValue());
    }
  }

  @Test
  void createWhenAdminTokenAskedThenShownOnceAndNeverListed() {
    Response created =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body("{\"adminToken\":true}")
            .post("/admin/sessions");

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String token = created.path("adminToken");
    assertThat(token).matches("[0-9a-f]{40}");
    String id = created.path("id");
    Response one = SANDBOX.admin("ase1").get("/admin/sessions/" + id);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat((Boolean) one.path("hasAdminToken")).isTrue();
    assertThat(one.asString()).doesNotContain(token).doesNotContain("adminToken\"");
    Response list = SANDBOX.admin("ase1").get("/admin/sessions");
    assertThat(list.asString()).contains(id).doesNotContain(token);
  }

  @Test
  void listWhenSessionsThenEachWithItsUrlsAndTheLimit() {
    Space a = Space.made(SANDBOX);
    Space b = Space.made(SANDBOX);

    Response list = SANDBOX.admin("ase2").get("/admin/sessions");

    assertThat(list.statusCode()).isEqualTo(200);
    List<String> ids = list.jsonPath().getList("result.id");
    assertThat(ids).contains(a.id(), b.id()).doesNotContain("default");
    assertThat((Integer) list.path("max")).isEqualTo(1000);
    assertThat(
            list.jsonPath()
                .getString(
                    "result.find { it.id == '"
                        + b.id()
                        + "' }.providers.find { it.name == 'ase2' }.resourceServer"))
        .isEqualTo(SANDBOX.base("ase2") + "/" + b.id());
  }

  @Test
  void listWhileSessionsAreDeletedThenEveryListAnswers200() throws Exception {
    List<Space> spaces = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      spaces.add(Space.made(SANDBOX));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> deletes = new ArrayList<>();
      for (Space space : spaces) {
        deletes.add(
            pool.submit(
                () -> SANDBOX.admin("ase1").delete("/admin/sessions/" + space.id()).statusCode()));
      }
      List<Integer> listed = new ArrayList<>();
      while (deletes.stream().anyMatch(d -> !d.isDone())) {
        listed.add(SANDBOX.admin("ase1").get("/admin/sessions").statusCode());
      }
      for (Future<Integer> delete : deletes) {
        assertThat(delete.get(10, TimeUnit.SECONDS)).isEqualTo(204);
      }
      assertThat(listed).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteThenEverythingOfTheSessionAnswersAsAnUnknownSession() {
    Space gone = Space.made(SANDBOX);
    TestClient client = gone.client("app");
    Space never = Space.unknown(SANDBOX);

    Response deleted = SANDBOX.admin("ase1").delete("/admin/sessions/" + gone.id());

    assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(204);
    for (Space space : List.of(gone, never)) {
      expect404(SANDBOX.anywhere().get(space.wallet("ase1", "alice")), "404");
      expect404(SANDBOX.anywhere().get(space.wallet("ase1", "app") + "/jwks.json"), "404");
      expect404(SANDBOX.anywhere().get(space.base("ase2") + "/incoming-payments"), "404");
      expect404(space.grant(client, "ase1", INCOMING), "invalid_request");
      expect404(space.adminGet("ase1", "/clock"), "not_found");
      expect404(SANDBOX.admin("ase1").get("/admin/sessions/" + space.id()), "not_found");
      expect404(SANDBOX.admin("ase1").delete("/admin/sessions/" + space.id()), "not_found");
    }
    assertThat(SANDBOX.admin("ase1").get("/admin/sessions").asString()).doesNotContain(gone.id());
  }

  @Test
  void pathsThatNameASessionButNoRouteOfItThen404() {
    Space session = Space.made(SANDBOX);
    String origin = SANDBOX.base("ase1");

    expect404(SANDBOX.anywhere().get(origin + "/" + session.id()), "404");
    expect404(SANDBOX.anywhere().get(origin + "/" + session.id() + "/"), "404");
    expect404(SANDBOX.anywhere().get(origin + "/" + session.id() + "/admin/clock"), "not_found");
    expect404(SANDBOX.anywhere().get(origin + "/" + session.id() + "/auth"), "not_found");
    expect404(
        SANDBOX.anywhere().get(origin + "/admin/sessions/" + session.id() + "/sessions"),
        "not_found");
    expect404(SANDBOX.admin("ase1").get("/admin/sessions/not-a-session"), "not_found");
    expect404(SANDBOX.admin("ase1").get("/admin/sessions/default"), "not_found");
  }

  @Test
  void grantWhenSignedForTheSessionsUrlThenTheSignatureIsCheckedOverThatUrl() {
    Space session = Space.made(SANDBOX);
    TestClient client = session.client("app");

    Response granted = session.grant(client, "ase1", INCOMING);

    assertThat(granted.statusCode()).as(granted.asString()).isEqualTo(200);
    assertThat((String) granted.path("access_token.value")).isNotBlank();
  }

  @Test
  void createWhenBadBodyThen400NamingTheProblem() {
    for (String body :
        List.of(
            "[]",
            "\"x\"",
            "{\"nmae\":\"x\"}",
            "{\"name\":42}",
            "{\"name\":\"\"}",
            "{\"profile\":\"nonsense\"}",
            "{\"profileOverrides\":{\"noSuchSwitch\":true}}",
            "{\"autoConsent\":\"sometimes\"}",
            "{\"processingDelay\":\"soon\"}",
            "{\"processingDelay\":\"P30D\"}",
            "{\"quoteLifetime\":\"PT0S\"}",
            "{\"webhookUrl\":\"ftp://x\"}",
            "{\"adminToken\":\"yes\"}",
            "{\"ases\":[{\"name\":\"ase9\",\"wallets\":[]}]}",
            "{\"ases\":[{\"wallets\":[]}]}",
            "{\"ases\":[{\"name\":\"ase1\",\"wallets\":[{\"name\":\"admin\",\"assetCode\":\"USD\",\"assetScale\":2}]}]}",
            "{\"ases\":[{\"name\":\"ase1\",\"wallets\":[{\"name\":\"x\",\"assetScale\":2}]}]}",
            "{\"fees\":{\"basisPoints\":-1}}",
            "{\"rates\":{}}",
            "{\"name\":")) {
      Response response =
          SANDBOX.admin("ase1").contentType("application/json").body(body).post("/admin/sessions");

      assertThat(response.statusCode()).as(body + " -> " + response.asString()).isEqualTo(400);
      assertThat((String) response.path("error.code")).as(body).isEqualTo("invalid_request");
      assertThat((String) response.path("error.description")).as(body).isNotBlank();
    }
  }

  @Test
  void walletNameShapedLikeASessionIdThenRefused() {
    Response response =
        SANDBOX
            .admin("ase1")
            .contentType("application/json")
            .body(
                "{\"name\":\"0b7d3c52-9f1e-4a8b-a6d4-2f0e9c1b7a55\",\"assetCode\":\"USD\",\"assetScale\":2}")
            .post("/admin/wallet-addresses");

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
    assertThat((String) response.path("error.description")).contains("session id");
  }

  private static void expect404(Response response, String code) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat((String) response.path("error.code")).as(response.asString()).isEqualTo(code);
  }
}

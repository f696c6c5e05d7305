package dev.opkit.mock.auth.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.RequestSigner;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grant requests (auth-server {@code post-request}; PROTOCOL.md §4.1, §4.5): the three client
 * forms, grants approved at once, grants that need consent, and every refusal with its code.
 */
class GrantRequestApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @Test
  void grantWhenIncomingPaymentThenApprovedAtOnceWithSpecShape() {
    Response response = SpecAssert.auth(client.grant("ase1", INCOMING), "post-request");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.<String>path("access_token.value")).matches("[0-9A-F]{40}");
    assertThat(response.<String>path("access_token.manage"))
        .startsWith(SANDBOX.authServer("ase1") + "/token/");
    assertThat(response.<Integer>path("access_token.expires_in")).isEqualTo(600);
    assertThat(response.<String>path("access_token.access[0].type")).isEqualTo("incoming-payment");
    assertThat(response.<String>path("continue.uri"))
        .startsWith(SANDBOX.authServer("ase1") + "/continue/");
    assertThat(response.<Object>path("continue.wait")).isNull();
    assertThat(response.<Object>path("interact")).isNull();
  }

  @Test
  void grantWhenClientIsWalletAddressObjectThenApproved() {
    Response response =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":{\"walletAddress\":\"%s\"}}",
                    INCOMING, client.url()))
            .post("/auth");

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
  }

  @Test
  void grantWhenClientIsJwkThenKeyFromRequestUsedForNonInteractiveGrant() {
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    TestClient directed = TestClient.outside(SANDBOX, "urn:unused", keys, "direct-1");
    String body =
        Bodies.json(
            "{\"access_token\":{\"access\":%s},\"client\":{\"jwk\":%s}}",
            INCOMING, Json.write(directed.jwk()));

    Response approved =
        directed.signed("ase1").contentType("application/json").body(body).post("/auth");
    String token = approved.path("access_token.value");
    Response used =
        directed
            .signed("ase1")
            .header("Authorization", "GNAP " + token)
            .contentType("application/json")
            .body(Bodies.json("{\"walletAddress\":\"%s\"}", SANDBOX.wallet("ase1", "alice")))
            .post("/incoming-payments");
    Response wrongKey =
        client.signed("ase1").contentType("application/json").body(body).post("/auth");

    assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
    assertThat(used.statusCode()).as(used.asString()).isEqualTo(201);
    assertThat(wrongKey.statusCode()).isEqualTo(400);
    assertThat(wrongKey.<String>path("error.description")).contains("is not the kid of the jwk");
  }

  @Test
  void grantWhenJwkClientAsksForInteractiveGrantThenInvalidClient() {
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    TestClient directed = TestClient.outside(SANDBOX, "urn:unused", keys, "direct-1");

    Response response =
        directed
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"access_token":{"access":[{"type":"outgoing-payment","actions":["create"],
                      "identifier":"%s"}]},"client":{"jwk":%s},
                     "interact":{"start":["redirect"]}}""",
                    SANDBOX.wallet("ase1", "alice"), Json.write(directed.jwk())))
            .post("/auth");

    assertRefused(response, 400, "invalid_client", "directed identity");
  }

  @Test
  void grantWhenOutgoingPaymentWithoutInteractThenInvalidRequest() {
    Response response =
        client.grant(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));

    assertRefused(response, 400, "invalid_request", "must offer interaction");
  }

  @Test
  void grantWhenOutgoingPaymentWithInteractThenPendingWithSpecShape() {
    TestClient.Pending pending =
        client.requestInteractive(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));

    assertThat(pending.redirect()).matches(".*/auth/interact/[0-9a-f-]{36}/[0-9A-F]{32}");
    assertThat(pending.finish()).matches("[0-9A-F]{32}");
    assertThat(pending.waitSeconds()).isEqualTo(5);
    assertThat(pending.continueToken()).matches("[0-9A-F]{40}");
  }

  @Test
  void grantWhenIdentifierIsNotAWalletOfThisProviderThenInvalidRequest() {
    Response otherProvider =
        client.grant(
            "ase1",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase2", "carol")));
    Response unknownWallet =
        client.grant(
            "ase1",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "nobody")));

    assertRefused(otherProvider, 400, "invalid_request", "is not a wallet address of this");
    assertRefused(unknownWallet, 400, "invalid_request", "is not a wallet address of this");
  }

  @Test
  void grantWhenUnknownTypeOrActionThenInvalidRequestFromSchema() {
    Response type = client.grant("ase1", "[{\"type\":\"refund\",\"actions\":[\"create\"]}]");
    Response action = client.grant("ase1", "[{\"type\":\"quote\",\"actions\":[\"complete\"]}]");

    assertRefused(type, 400, "invalid_request", "post-request schema");
    assertRefused(action, 400, "invalid_request", "post-request schema");
  }

  @Test
  void grantWhenLimitsInWrongAssetOrBothAmountsOrBadIntervalThenInvalidRequest() {
    String alice = SANDBOX.wallet("ase1", "alice");
    String euro = "{\"value\":\"500\",\"assetCode\":\"EUR\",\"assetScale\":2}";
    String usd = "{\"value\":\"500\",\"assetCode\":\"USD\",\"assetScale\":2}";

    Response wrongAsset = interactive(alice, "{\"debitAmount\":" + euro + "}");
    Response both =
        interactive(alice, "{\"debitAmount\":" + usd + ",\"receiveAmount\":" + euro + "}");
    Response badInterval =
        interactive(alice, "{\"debitAmount\":" + usd + ",\"interval\":\"every month\"}");

    assertRefused(wrongAsset, 400, "invalid_request", "debit limit must be in the sending");
    assertRefused(both, 400, "invalid_request", "not both");
    assertRefused(badInterval, 400, "invalid_request", "limits.interval");
  }

  @Test
  void grantWhenInteractiveAndClientHasNoPublicNameThenInvalidClient() {
    TestClient nameless = TestClient.register(SANDBOX, "ase1", "nameless", null);

    Response response =
        nameless
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"access_token":{"access":[{"type":"outgoing-payment","actions":["create"],
                      "identifier":"%s"}]},"client":"%s",
                     "interact":{"start":["redirect"]}}""",
                    SANDBOX.wallet("ase1", "alice"), nameless.url()))
            .post("/auth");

    assertRefused(response, 400, "invalid_client", "has no publicName");
  }

  @Test
  void grantWhenSubjectThenConsentAndContinuationReturnsSubject() {
    String alice = SANDBOX.wallet("ase1", "alice");
    Response requested =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"subject":{"sub_ids":[{"id":"%s","format":"uri"}]},"client":"%s",
                     "interact":{"start":["redirect"],
                       "finish":{"method":"redirect","uri":"https://c.example/f","nonce":"n1"}}}""",
                    alice, client.url()))
            .post("/auth");
    TestClient.Pending pending =
        new TestClient.Pending(
            "ase1",
            requested.path("interact.redirect"),
            requested.path("interact.finish"),
            requested.path("continue.uri"),
            requested.path("continue.access_token.value"),
            5,
            "n1");
    String ref = TestClient.finishParameters(client.decide(pending, "accept")).get("interact_ref");
    SANDBOX.advance("PT5S");

    Response continued = SpecAssert.auth(client.continueWith(pending, ref), "post-continue");

    assertThat(requested.statusCode()).as(requested.asString()).isEqualTo(200);
    assertThat(continued.<String>path("subject.sub_ids[0].id")).isEqualTo(alice);
    assertThat(continued.<Object>path("access_token")).isNull();
  }

  @Test
  void grantWhenBodyMissingOrNotJsonThenInvalidRequest() {
    Response empty = client.signed("ase1").contentType("application/json").post("/auth");
    Response notJson =
        client.signed("ase1").contentType("application/json").body("{").post("/auth");

    assertRefused(empty, 400, "invalid_request", "needs a JSON body");
    assertThat(notJson.statusCode()).isEqualTo(400);
  }

  @Test
  void grantWhenClientIsNotAUrlThenInvalidClient() {
    Response response =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"ftp://x.example/a\"}",
                    INCOMING))
            .post("/auth");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void grantWhenRequestedThenEventsRecordIt() {
    client.grant("ase1", INCOMING);

    Response events = SANDBOX.at("ase1").get("/admin/events");

    assertThat(events.jsonPath().getList("result.type"))
        .containsSubsequence("grant.requested", "grant.approved");
    assertThat(
            events.jsonPath().getString("result.find { it.type == 'grant.requested' }.data.client"))
        .isEqualTo(client.url());
  }

  @Test
  void grantWhenPostedWithTrailingSlashThenSignatureOverThatUrlVerifiesAndGrantIssued() {
    Response response =
        client
            .signedAnywhere()
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", INCOMING, client.url()))
            .post(SANDBOX.authServer("ase1") + "/");

    assertThat(SpecAssert.auth(response, "post-request").statusCode())
        .as(response.asString())
        .isEqualTo(200);
    assertThat(
            SANDBOX.at("ase1").get("/admin/requests?limit=1").<String>path("result[0].targetUri"))
        .isEqualTo(SANDBOX.authServer("ase1") + "/");
  }

  @Test
  void grantWhenSignedWithoutSlashButSentWithSlashThenSignatureRefused() {
    String body =
        Bodies.json("{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", INCOMING, client.url());
    Map<String, String> signed =
        new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC())
            .sign(
                "POST",
                SANDBOX.authServer("ase1"),
                Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8))
            .headers();

    Response response =
        SANDBOX
            .anywhere()
            .headers(signed)
            .contentType("application/json")
            .body(body)
            .post(SANDBOX.authServer("ase1") + "/");

    assertRefused(response, 401, "invalid_client", "signature does not verify");
  }

  @Test
  void grantWhenIncomingPaymentListAllWithoutIdentifierThenAccessIdentifierRequired() {
    String createAndListAll =
        "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"list-all\"]%s}]";

    Response withoutIdentifier =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(interactiveBody(createAndListAll.formatted("")))
            .post("/auth");
    Response withIdentifier =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                interactiveBody(
                    createAndListAll.formatted(
                        ",\"identifier\":\"" + SANDBOX.wallet("ase1", "alice") + "\"")))
            .post("/auth");

    assertRefused(withoutIdentifier, 400, "invalid_request", "access identifier required");
    assertThat(withoutIdentifier.<String>path("error.description")).contains("list-all");
    assertThat(withIdentifier.statusCode()).as(withIdentifier.asString()).isEqualTo(200);
    assertThat(withIdentifier.<String>path("interact.redirect")).contains("/auth/interact/");
  }

  @Test
  void grantWhenAccessEmptyAndNoSubjectThenInvalidRequest() {
    Response emptyAccess = client.grant("ase1", "[]");
    Response clientOnly =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(Bodies.json("{\"client\":\"%s\"}", client.url()))
            .post("/auth");

    assertRefused(emptyAccess, 400, "invalid_request", "asks for nothing");
    assertRefused(clientOnly, 400, "invalid_request", "post-request schema");
    assertThat(SANDBOX.at("ase1").get("/admin/grants").jsonPath().getList("result")).isEmpty();
  }

  private String interactiveBody(String accessArray) {
    return Bodies.json(
        """
        {"access_token":{"access":%s},"client":"%s",
         "interact":{"start":["redirect"],
                     "finish":{"method":"redirect","uri":"https://c.example/f","nonce":"n1"}}}""",
        accessArray, client.url());
  }

  private Response interactive(String wallet, String limits) {
    return client
        .signed("ase1")
        .contentType("application/json")
        .body(
            Bodies.json(
                """
                {"access_token":{"access":[{"type":"outgoing-payment","actions":["create"],
                  "identifier":"%s","limits":%s}]},"client":"%s",
                 "interact":{"start":["redirect"]}}""",
                wallet, limits, client.url()))
        .post("/auth");
  }

  private static void assertRefused(Response response, int status, String code, String text) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    assertThat(response.<String>path("error.code")).isEqualTo(code);
    assertThat(response.<String>path("error.description")).contains(text);
    SpecAssert.auth(response, "post-request");
  }
}

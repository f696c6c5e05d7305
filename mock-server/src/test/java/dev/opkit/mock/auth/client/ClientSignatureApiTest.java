package dev.opkit.mock.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.ContentDigest;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignedHeaders;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed clients (PROTOCOL.md §3, §4.5, §10): every way a grant request's signature can be wrong is
 * refused with {@code invalid_client}, the status PROTOCOL.md gives and a description naming the
 * reason, and lands in the request journal with what the server rebuilt.
 */
class ClientSignatureApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String QUOTE_ACCESS = "[{\"type\":\"quote\",\"actions\":[\"create\"]}]";

  private TestClient client;
  private String body;

  @BeforeEach
  void client() {
    client = SANDBOX.client("app");
    body =
        Bodies.json(
            "{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", QUOTE_ACCESS, client.url());
  }

  @Test
  void grantWhenSignedWithRegisteredKeyThenApprovedAndJournaled() {
    Response response = SpecAssert.auth(client.grant("ase1", QUOTE_ACCESS), "post-request");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonPath journal = journal(false);
    assertThat(journal.getString("result[0].outcome")).isEqualTo("verified");
    assertThat(journal.getString("result[0].kind")).isEqualTo("grant request");
    assertThat(journal.getString("result[0].keyLookup"))
        .contains("in process", "\"" + client.keyId() + "\" found");
  }

  @Test
  void grantWhenNoSignatureInputThenUnauthorizedNamingIt() {
    Response response = SANDBOX.at("ase1").contentType("application/json").body(body).post("/auth");

    assertRefused(response, 401, "no Signature-Input header");
  }

  @Test
  void grantWhenBodyChangedAfterSigningThenDigestMismatch() {
    Map<String, String> headers = signedHeaders("POST", SANDBOX.authServer("ase1"), body, null);
    String tampered = body.replace("create", "read");

    Response response = send(headers, tampered).post("/auth");

    assertRefused(response, 401, "Content-Digest");
    JsonPath journal = journal(true);
    assertThat(journal.getString("result[0].reason")).isEqualTo("DIGEST_MISMATCH");
    assertThat(journal.getString("result[0].contentDigestComputed"))
        .isEqualTo(ContentDigest.sha512(tampered.getBytes(StandardCharsets.UTF_8)));
    assertThat(journal.getString("result[0].contentDigestReceived"))
        .isEqualTo(headers.get("Content-Digest"));
  }

  @Test
  void grantWhenBodyPrettyPrintedThenRefusedNamingTheRafikiTrap() {
    String pretty = body.replace(",", ",\n  ");

    Response response =
        client.signed("ase1").contentType("application/json").body(pretty).post("/auth");

    assertRefused(response, 401, "not the compact JSON");
    assertThat(response.<String>path("error.description")).contains("Rafiki", "whitespace");
    assertThat(journal(true).getString("result[0].reason"))
        .isEqualTo(ClientSignatures.BODY_NOT_COMPACT);
  }

  @Test
  void grantWhenBodyNotCoveredByDigestThenRefused() {
    RequestSigner signer = signer(Clock.systemUTC());
    SignedHeaders bodiless = signer.sign("POST", SANDBOX.authServer("ase1"), Map.of(), null);

    Response response = send(bodiless.headers(), body).post("/auth");

    assertRefused(response, 401, "\"content-digest\" not covered");
  }

  @Test
  void grantWhenKeyIdUnknownThenBadRequestNamingTheJwksUrl() {
    RequestSigner stranger =
        new RequestSigner(Ed25519KeyPair.generate(), "nobody", Clock.systemUTC());
    SignedHeaders signed =
        stranger.sign(
            "POST",
            SANDBOX.authServer("ase1"),
            Map.of("Content-Type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8));

    Response response = send(signed.headers(), body).post("/auth");

    assertRefused(response, 400, "keyid \"nobody\" not in " + client.url() + "/jwks.json");
    assertThat(journal(true).getString("result[0].keyLookup"))
        .contains("\"" + client.keyId() + "\"", "keyid \"nobody\" not found");
  }

  @Test
  void grantWhenSignedWithOtherKeyUnderRegisteredKidThenSignatureDoesNotVerify() {
    RequestSigner impostor =
        new RequestSigner(Ed25519KeyPair.generate(), client.keyId(), Clock.systemUTC());
    SignedHeaders signed =
        impostor.sign(
            "POST",
            SANDBOX.authServer("ase1"),
            Map.of("Content-Type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8));

    Response response = send(signed.headers(), body).post("/auth");

    assertRefused(response, 401, "signature does not verify");
    JsonPath journal = journal(true);
    assertThat(journal.getString("result[0].signatureBase"))
        .startsWith("\"@method\": POST\n\"@target-uri\": " + SANDBOX.authServer("ase1") + "\n");
    assertThat(journal.getString("result[0].targetUri")).isEqualTo(SANDBOX.authServer("ase1"));
  }

  @Test
  void grantWhenSignedForAnotherUrlThenTargetUriShownInJournal() {
    Map<String, String> headers =
        signedHeaders("POST", SANDBOX.authServer("ase1") + "/", body, null);

    Response response = send(headers, body).post("/auth");

    assertRefused(response, 401, "signature does not verify");
    assertThat(journal(true).getString("result[0].targetUri"))
        .isEqualTo(SANDBOX.authServer("ase1"));
  }

  @Test
  void grantWhenTargetUriNotCoveredThenRefusedNamingTheComponent() {
    Map<String, String> headers = signedHeaders("POST", SANDBOX.authServer("ase1"), body, null);
    String input = headers.get("Signature-Input").replace(" \"@target-uri\"", "");

    Response response =
        send(
                Map.of(
                    "Content-Digest", headers.get("Content-Digest"),
                    "Signature-Input", input,
                    "Signature", headers.get("Signature")),
                body)
            .post("/auth");

    assertRefused(response, 401, "\"@target-uri\" not covered");
  }

  @Test
  void grantWhenCreatedTooOldThenRefusedEvenThoughTheSandboxClockMoved() {
    SANDBOX.advance("P1D");
    Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    SignedHeaders signed =
        signer(tenMinutesAgo)
            .sign(
                "POST",
                SANDBOX.authServer("ase1"),
                Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));

    Response response = send(signed.headers(), body).post("/auth");

    assertRefused(response, 401, "s old; signatures older than 300 s are refused");
  }

  @Test
  void grantWhenClientWalletDoesNotExistThenBadRequestUnreachable() {
    String missing = SANDBOX.wallet("ase2", "ghost");
    String ghostBody =
        Bodies.json("{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", QUOTE_ACCESS, missing);

    Response response =
        client.signed("ase1").contentType("application/json").body(ghostBody).post("/auth");

    assertRefused(response, 400, "client wallet address unreachable");
    assertThat(journal(true).getString("result[0].reason"))
        .isEqualTo(ClientSignatures.CLIENT_UNREACHABLE);
  }

  @Test
  void journalWhenLimitedThenNewestFirstAndRefusedFilter() {
    client.grant("ase1", QUOTE_ACCESS);
    SANDBOX.at("ase1").contentType("application/json").body(body).post("/auth");
    client.grant("ase1", QUOTE_ACCESS);

    JsonPath all = SANDBOX.at("ase1").get("/admin/requests?limit=2").jsonPath();
    JsonPath refused = journal(true);

    assertThat(all.getList("result")).hasSize(2);
    assertThat(all.getString("result[0].outcome")).isEqualTo("verified");
    assertThat(all.getLong("result[0].sequence")).isGreaterThan(all.getLong("result[1].sequence"));
    assertThat(refused.getList("result.outcome")).containsOnly("refused");
    assertThat(SANDBOX.at("ase2").get("/admin/requests").jsonPath().getList("result")).isEmpty();
    assertThat(SANDBOX.at("ase1").get("/admin/requests?limit=0").statusCode()).isEqualTo(400);
  }

  private void assertRefused(Response response, int status, String reason) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_client");
    assertThat(response.<String>path("error.description")).contains(reason);
    SpecAssert.auth(response, "post-request");
  }

  private Map<String, String> signedHeaders(String method, String url, String text, String auth) {
    Map<String, String> given = new java.util.LinkedHashMap<>();
    given.put("Content-Type", "application/json");
    if (auth != null) {
      given.put("Authorization", auth);
    }
    return signer(Clock.systemUTC())
        .sign(method, url, given, text.getBytes(StandardCharsets.UTF_8))
        .headers();
  }

  private RequestSigner signer(Clock clock) {
    return new RequestSigner(client.keys(), client.keyId(), clock);
  }

  private RequestSpecification send(Map<String, String> headers, String text) {
    RequestSpecification request = SANDBOX.at("ase1").contentType("application/json").body(text);
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Content-Type")) {
            request.header(name, value);
          }
        });
    return request;
  }

  private static JsonPath journal(boolean refusedOnly) {
    return SANDBOX
        .at("ase1")
        .get("/admin/requests?limit=5" + (refusedOnly ? "&refused=true" : ""))
        .jsonPath();
  }
}

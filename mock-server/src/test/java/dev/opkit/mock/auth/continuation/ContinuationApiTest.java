package dev.opkit.mock.auth.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grant continuation (RFC 9635 §5; PROTOCOL.md §4.3): interact_ref after consent, polling, too_fast
 * inside the wait on the sandbox clock, denials, and DELETE revoking the grant.
 */
class ContinuationApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;
  private String access;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
    access =
        "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\"}]"
            .formatted(SANDBOX.wallet("ase1", "alice"));
  }

  @Test
  void continueWhenInsideWaitThenTooFastUntilTheSandboxClockPassesIt() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    String ref = TestClient.finishParameters(client.decide(pending, "accept")).get("interact_ref");

    Response early = SpecAssert.auth(client.continueWith(pending, ref), "post-continue");
    // Real time passes too (the sandbox clock is real time plus an offset): leave it slack.
    SANDBOX.advance("PT2S");
    Response stillEarly = client.continueWith(pending, ref);
    SANDBOX.advance("PT5S");
    Response inTime = SpecAssert.auth(client.continueWith(pending, ref), "post-continue");

    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.<String>path("error.code")).isEqualTo("too_fast");
    assertThat(early.<String>path("error.description")).contains("wait 5 s");
    assertThat(stillEarly.<String>path("error.code")).isEqualTo("too_fast");
    assertThat(inTime.statusCode()).as(inTime.asString()).isEqualTo(200);
    assertThat(inTime.<String>path("access_token.value")).isNotBlank();
    assertThat(inTime.<String>path("continue.uri")).isEqualTo(pending.continueUri());
  }

  @Test
  void pollWhenNoFinishUriThenPendingWithWaitThenTokenAfterConsent() {
    Response requested =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\","
                        + "\"interact\":{\"start\":[\"redirect\"]}}",
                    access, client.url()))
            .post("/auth");
    TestClient.Pending pending =
        new TestClient.Pending(
            "ase1",
            requested.path("interact.redirect"),
            requested.path("interact.finish"),
            requested.path("continue.uri"),
            requested.path("continue.access_token.value"),
            5,
            null);

    SANDBOX.advance("PT5S");
    Response waiting = SpecAssert.auth(client.poll(pending), "post-continue");
    Response tooFast = client.poll(pending);
    client.decide(pending, "accept");
    SANDBOX.advance("PT5S");
    Response granted = SpecAssert.auth(client.poll(pending), "post-continue");

    assertThat(waiting.statusCode()).isEqualTo(200);
    assertThat(waiting.<Integer>path("continue.wait")).isEqualTo(5);
    assertThat(waiting.<Object>path("access_token")).isNull();
    assertThat(tooFast.<String>path("error.code")).isEqualTo("too_fast");
    assertThat(granted.statusCode()).isEqualTo(200);
    assertThat(granted.<String>path("access_token.manage")).startsWith(SANDBOX.authServer("ase1"));
  }

  @Test
  void pollWhenGrantHasFinishUriThenRequestDenied() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    SANDBOX.advance("PT5S");

    Response response = client.poll(pending);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.code")).isEqualTo("request_denied");
    assertThat(response.<String>path("error.description")).contains("interact_ref");
  }

  @Test
  void continueWhenInteractRefWrongThenNotFoundInvalidContinuation() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    client.decide(pending, "accept");
    SANDBOX.advance("PT5S");

    Response response =
        SpecAssert.auth(
            client.continueWith(pending, "00000000-0000-4000-8000-000000000000"), "post-continue");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.<String>path("error.code")).isEqualTo("invalid_continuation");
  }

  @Test
  void continueWhenUserHasNotDecidedThenInteractRefUnknown() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    SANDBOX.advance("PT5S");

    Response response = client.continueWith(pending, "00000000-0000-4000-8000-000000000000");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.<String>path("error.description")).contains("has not finished");
  }

  @Test
  void continueWhenContinuationTokenWrongThenInvalidContinuation() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    TestClient.Pending forged =
        new TestClient.Pending(
            "ase1", pending.redirect(), pending.finish(), pending.continueUri(), "WRONG", 5, null);

    Response wrongToken = SpecAssert.auth(client.poll(forged), "post-continue");
    Response noToken =
        client.signedAnywhere().contentType("application/json").post(pending.continueUri());

    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(wrongToken.<String>path("error.code")).isEqualTo("invalid_continuation");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.<String>path("error.code")).isEqualTo("invalid_client");
  }

  @Test
  void continueWhenUnsignedThenInvalidClient() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);

    Response response =
        SANDBOX
            .anywhere()
            .header("Authorization", "GNAP " + pending.continueToken())
            .post(pending.continueUri());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("no Signature-Input");
  }

  @Test
  void continueWhenAlreadyFinalizedThenRequestDenied() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    String ref = TestClient.finishParameters(client.decide(pending, "accept")).get("interact_ref");
    SANDBOX.advance("PT5S");
    client.continueWith(pending, ref);
    SANDBOX.advance("PT5S");

    Response again = client.continueWith(pending, ref);

    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.<String>path("error.code")).isEqualTo("request_denied");
  }

  @Test
  void continueWhenInteractionExpiredThenRequestDenied() {
    Response requested =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\","
                        + "\"interact\":{\"start\":[\"redirect\"]}}",
                    access, client.url()))
            .post("/auth");
    TestClient.Pending pending =
        new TestClient.Pending(
            "ase1",
            requested.path("interact.redirect"),
            requested.path("interact.finish"),
            requested.path("continue.uri"),
            requested.path("continue.access_token.value"),
            5,
            null);
    SANDBOX.advance("PT11M");

    Response response = client.poll(pending);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.<String>path("error.description")).contains("interaction expired");
  }

  @Test
  void continueWhenUserRejectedThenNotFoundInvalidContinuationEvenInsideTheWait() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    client.decide(pending, "reject");

    Response early =
        SpecAssert.auth(
            client.continueWith(pending, UUID.randomUUID().toString()), "post-continue");
    SANDBOX.advance("PT5S");
    Response later = client.continueWith(pending, UUID.randomUUID().toString());
    Response polled = client.poll(pending);

    assertThat(early.statusCode()).as(early.asString()).isEqualTo(404);
    assertThat(early.<String>path("error.code")).isEqualTo("invalid_continuation");
    assertThat(early.<String>path("error.description")).contains("the user rejected it");
    assertThat(later.statusCode()).isEqualTo(404);
    // Polling a rejected grant is refused as Rafiki refuses it: it has a finish URI.
    assertThat(polled.statusCode()).isEqualTo(401);
    assertThat(polled.<String>path("error.code")).isEqualTo("request_denied");
  }

  @Test
  void continueWhenBodyHasNoInteractRefThenInvalidRequestMissingReference() {
    TestClient.Pending withFinish = client.requestInteractive("ase1", access);
    TestClient.Pending polling = pollingGrant();
    SANDBOX.advance("PT5S");

    // 401 invalid_request is Rafiki's pairing; the spec does not list that code for this 401.
    Response finishGrant = continueWithBody(withFinish, "{\"foo\":1}");
    Response pollingGrant = continueWithBody(polling, "{\"foo\":1}");
    Response emptyRef = continueWithBody(polling, "{\"interact_ref\":\"\"}");
    Response emptyObject = continueWithBody(polling, "{}");

    assertThat(finishGrant.statusCode()).as(finishGrant.asString()).isEqualTo(401);
    assertThat(finishGrant.<String>path("error.code")).isEqualTo("invalid_request");
    assertThat(finishGrant.<String>path("error.description"))
        .startsWith("missing interaction reference");
    assertThat(pollingGrant.statusCode()).as(pollingGrant.asString()).isEqualTo(401);
    assertThat(pollingGrant.<String>path("error.code")).isEqualTo("invalid_request");
    assertThat(emptyRef.<String>path("error.code")).isEqualTo("invalid_request");
    // {} is polling, as an empty body is; these refusals did not count as continuations.
    assertThat(emptyObject.statusCode()).as(emptyObject.asString()).isEqualTo(200);
    assertThat(emptyObject.<Integer>path("continue.wait")).isEqualTo(5);
  }

  @Test
  void continueAndCancelWhenUriHasTrailingSlashThenAnsweredAsWithout() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    String ref = TestClient.finishParameters(client.decide(pending, "accept")).get("interact_ref");
    SANDBOX.advance("PT5S");
    TestClient.Pending slashed =
        new TestClient.Pending(
            "ase1",
            pending.redirect(),
            pending.finish(),
            pending.continueUri() + "/",
            pending.continueToken(),
            5,
            pending.clientNonce());

    Response continued = SpecAssert.auth(client.continueWith(slashed, ref), "post-continue");
    Response cancelled = client.cancel(slashed);

    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    assertThat(continued.<String>path("access_token.value")).isNotBlank();
    assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(204);
    assertThat(client.cancel(pending).<String>path("error.code")).isEqualTo("invalid_continuation");
  }

  @Test
  void cancelWhenGrantIssuedThenRevokedWithItsTokensAndSecondCancelRefused() {
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    String ref = TestClient.finishParameters(client.decide(pending, "accept")).get("interact_ref");
    SANDBOX.advance("PT5S");
    Response continued = client.continueWith(pending, ref);
    String token = continued.path("access_token.value");

    Response cancelled = client.cancel(pending);
    Response listed =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + token)
            .get("/outgoing-payments?wallet-address=" + SANDBOX.wallet("ase1", "alice"));
    Response again = client.cancel(pending);

    assertThat(cancelled.statusCode()).isEqualTo(204);
    assertThat(listed.statusCode()).isEqualTo(403);
    assertThat(listed.<String>path("error.description")).contains("revoked");
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.<String>path("error.code")).isEqualTo("invalid_continuation");
  }

  @Test
  void cancelWhenNonInteractiveGrantThenItsTokenDies() {
    Response granted =
        client.grant("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]");
    TestClient.Pending grant =
        new TestClient.Pending(
            "ase1",
            null,
            null,
            granted.path("continue.uri"),
            granted.path("continue.access_token.value"),
            0,
            null);

    Response cancelled = client.cancel(grant);
    Response rotation =
        client.rotate(
            new TestClient.Token(
                granted.path("access_token.value"), granted.path("access_token.manage")));

    assertThat(cancelled.statusCode()).isEqualTo(204);
    assertThat(rotation.statusCode()).isEqualTo(401);
    assertThat(rotation.<String>path("error.description")).contains("revoked");
  }

  private Response continueWithBody(TestClient.Pending pending, String body) {
    return client
        .signedAnywhere()
        .header("Authorization", "GNAP " + pending.continueToken())
        .contentType("application/json")
        .body(Bodies.json(body))
        .post(pending.continueUri());
  }

  /** An outgoing-payment grant without finish URI: its client polls. */
  private TestClient.Pending pollingGrant() {
    Response requested =
        client
            .signed("ase1")
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"access_token\":{\"access\":%s},\"client\":\"%s\","
                        + "\"interact\":{\"start\":[\"redirect\"]}}",
                    access, client.url()))
            .post("/auth");
    assertThat(requested.statusCode()).as(requested.asString()).isEqualTo(200);
    return new TestClient.Pending(
        "ase1",
        requested.path("interact.redirect"),
        requested.path("interact.finish"),
        requested.path("continue.uri"),
        requested.path("continue.access_token.value"),
        5,
        null);
  }
}

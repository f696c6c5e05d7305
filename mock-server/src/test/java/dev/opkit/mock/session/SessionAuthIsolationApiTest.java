package dev.opkit.mock.session;

import static dev.opkit.mock.session.SessionIsolationApiTest.assertSameAsUnknown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.gnap.FinishHash;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grants, tokens, consent pages, continuation, token management, resources made with tokens,
 * clients, auto-consent, events and the request journal of one session are out of reach of another,
 * through real HTTP with signed requests: asked for in session B, what session A holds answers
 * exactly as an unknown one does. Each test runs A and B both ways, the default session among them.
 */
class SessionAuthIsolationApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String INCOMING =
      "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\",\"complete\",\"list\"]}]";
  private static final String QUOTE = "[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]";

  @Test
  void tokenOfAnotherSessionIsUnknown() {
    for (Pair pair : pairs()) {
      World a = World.in(pair.a);
      World b = World.in(pair.b);
      TestClient.Token token = a.incomingToken;
      String manageId = lastSegment(token.manage());
      String list = "/incoming-payments?wallet-address=" + pair.b.wallet("ase1", "alice");

      assertSameAsUnknown(
          b.space.withToken(b.app, token.value()).get(pair.b.base("ase1") + list),
          b.space.withToken(b.app, "unknown-" + UUID.randomUUID()).get(pair.b.base("ase1") + list));
      assertSameAsUnknown(
          b.space
              .withToken(b.app, token.value())
              .contentType("application/json")
              .post(pair.b.authServer("ase1") + "/token/" + manageId),
          b.space
              .withToken(b.app, "unknown-" + UUID.randomUUID())
              .contentType("application/json")
              .post(pair.b.authServer("ase1") + "/token/" + UUID.randomUUID()));
      assertSameAsUnknown(
          b.space
              .withToken(b.app, token.value())
              .delete(pair.b.authServer("ase1") + "/token/" + manageId),
          b.space
              .withToken(b.app, "unknown-" + UUID.randomUUID())
              .delete(pair.b.authServer("ase1") + "/token/" + UUID.randomUUID()));
      Response stillWorks =
          a.space
              .withToken(a.app, token.value())
              .get(
                  pair.a.base("ase1")
                      + "/incoming-payments?wallet-address="
                      + pair.a.wallet("ase1", "alice"));
      assertThat(stillWorks.statusCode()).as(stillWorks.asString()).isEqualTo(200);
    }
  }

  @Test
  void pendingGrantOfAnotherSessionIsUnknown() {
    for (Pair pair : pairs()) {
      World a = World.in(pair.a);
      World b = World.in(pair.b);
      TestClient.Pending pending = a.space.requestInteractive(a.app, "ase1", a.outgoingAccess());
      assertThat(pending.continueUri()).startsWith(pair.a.authServer("ase1") + "/continue/");
      assertThat(pending.redirect()).startsWith(pair.a.authServer("ase1") + "/interact/");
      String continueId = lastSegment(pending.continueUri());
      String interaction = pending.redirect().substring(pair.a.authServer("ase1").length());
      String unknownInteraction = "/interact/" + UUID.randomUUID() + "/" + UUID.randomUUID();

      assertSameAsUnknown(
          b.space
              .withToken(b.app, pending.continueToken())
              .contentType("application/json")
              .body("{\"interact_ref\":\"ref\"}")
              .post(pair.b.authServer("ase1") + "/continue/" + continueId),
          b.space
              .withToken(b.app, "unknown-" + UUID.randomUUID())
              .contentType("application/json")
              .body("{\"interact_ref\":\"ref\"}")
              .post(pair.b.authServer("ase1") + "/continue/" + UUID.randomUUID()));
      assertSameAsUnknown(
          b.space
              .withToken(b.app, pending.continueToken())
              .delete(pair.b.authServer("ase1") + "/continue/" + continueId),
          b.space
              .withToken(b.app, "unknown-" + UUID.randomUUID())
              .delete(pair.b.authServer("ase1") + "/continue/" + UUID.randomUUID()));
      Response page = consentPage(pair.b.authServer("ase1") + interaction);
      Response unknownPage = consentPage(pair.b.authServer("ase1") + unknownInteraction);
      assertThat(page.statusCode()).isEqualTo(unknownPage.statusCode()).isBetween(400, 499);
      assertThat(page.contentType()).isEqualTo(unknownPage.contentType());
      Response decided =
          SANDBOX
              .anywhere()
              .contentType("application/x-www-form-urlencoded")
              .body("decision=accept")
              .post(pair.b.authServer("ase1") + interaction);
      Response unknownDecided =
          SANDBOX
              .anywhere()
              .contentType("application/x-www-form-urlencoded")
              .body("decision=accept")
              .post(pair.b.authServer("ase1") + unknownInteraction);
      assertThat(decided.statusCode()).isEqualTo(unknownDecided.statusCode()).isBetween(400, 499);
      String grantId = a.space.adminGet("ase1", "/grants").jsonPath().getString("result[-1].id");
      assertThat(grantId).isNotNull();
      assertSameAsUnknown(
          b.space.adminGet("ase1", "/grants/" + grantId),
          b.space.adminGet("ase1", "/grants/" + UUID.randomUUID()));
      assertThat(b.space.adminGet("ase1", "/grants").asString()).doesNotContain(grantId);
      // Still pending in A, and A's consent page still answers.
      assertThat(consentPage(pending.redirect()).statusCode()).isEqualTo(200);
      assertThat(a.app.poll(pending).statusCode()).isNotEqualTo(401);
    }
  }

  @Test
  void resourcesOfAnotherSessionAreUnknownWithThatSessionsTokens() {
    for (Pair pair : pairs()) {
      World a = World.in(pair.a);
      World b = World.in(pair.b);
      String incoming = a.incomingPayment("bob", "500");
      String quote = a.quote(incoming);
      String outgoing = a.outgoingPayment(quote);
      String rsB = pair.b.base("ase1");

      assertSameAsUnknown(
          b.authorized(b.incomingToken).get(rsB + "/incoming-payments/" + lastSegment(incoming)),
          b.authorized(b.incomingToken).get(rsB + "/incoming-payments/" + UUID.randomUUID()));
      assertSameAsUnknown(
          b.authorized(b.incomingToken)
              .contentType("application/json")
              .post(rsB + "/incoming-payments/" + lastSegment(incoming) + "/complete"),
          b.authorized(b.incomingToken)
              .contentType("application/json")
              .post(rsB + "/incoming-payments/" + UUID.randomUUID() + "/complete"));
      assertSameAsUnknown(
          b.authorized(b.quoteToken).get(rsB + "/quotes/" + lastSegment(quote)),
          b.authorized(b.quoteToken).get(rsB + "/quotes/" + UUID.randomUUID()));
      TestClient.Token outgoingB = b.outgoingToken();
      assertSameAsUnknown(
          b.authorized(outgoingB).get(rsB + "/outgoing-payments/" + lastSegment(outgoing)),
          b.authorized(outgoingB).get(rsB + "/outgoing-payments/" + UUID.randomUUID()));
      assertThat(
              b.authorized(outgoingB)
                  .get(rsB + "/outgoing-payments?wallet-address=" + pair.b.wallet("ase1", "alice"))
                  .asString())
          .doesNotContain(lastSegment(outgoing));
      // A quote of A cannot be paid in B.
      Response paid =
          b.authorized(outgoingB)
              .contentType("application/json")
              .body(
                  Bodies.json(
                      "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}",
                      pair.b.wallet("ase1", "alice"), rsB + "/quotes/" + lastSegment(quote)))
              .post(rsB + "/outgoing-payments");
      Response unknownPaid =
          b.authorized(outgoingB)
              .contentType("application/json")
              .body(
                  Bodies.json(
                      "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}",
                      pair.b.wallet("ase1", "alice"), rsB + "/quotes/" + UUID.randomUUID()))
              .post(rsB + "/outgoing-payments");
      assertSameAsUnknown(paid, unknownPaid);
      assertThat(a.authorized(a.incomingToken).get(incoming).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void clientWalletOfAnotherSessionIsAnUnknownClient() {
    for (Pair pair : pairs()) {
      World a = World.in(pair.a);
      TestClient unknown =
          TestClient.outside(
              SANDBOX, pair.b.wallet("ase1", "nobody-" + shortId()), a.app.keys(), a.app.keyId());

      assertSameAsUnknown(
          pair.b.grant(a.app, "ase1", INCOMING), pair.b.grant(unknown, "ase1", INCOMING));
    }
  }

  @Test
  void autoConsentOfOneSessionIsNoOthers() {
    for (Pair pair : pairs()) {
      Response set = pair.a.adminPost("ase1", "/auto-consent", "{\"autoConsent\":\"accept\"}");
      World b = World.in(pair.b);

      TestClient.Pending pending = b.space.requestInteractive(b.app, "ase1", b.outgoingAccess());

      assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
      assertThat((String) pair.b.adminGet("ase1", "/auto-consent").path("autoConsent"))
          .isEqualTo("off");
      assertThat(consentPage(pending.redirect()).statusCode()).isEqualTo(200);
      pair.a.adminPost("ase1", "/auto-consent", "{\"autoConsent\":\"off\"}");
    }
  }

  @Test
  void eventsOfOneSessionAreNoOthers() {
    for (Pair pair : pairs()) {
      World a = World.in(pair.a);
      String incoming = a.incomingPayment("bob", null);

      assertThat(pair.a.adminGet("ase1", "/events?limit=1000").asString())
          .contains(lastSegment(incoming));
      assertThat(pair.b.adminGet("ase1", "/events?limit=1000").asString())
          .doesNotContain(lastSegment(incoming));
    }
  }

  @Test
  void journalOfOneSessionIsNoOthers() {
    for (Pair pair : pairs()) {
      World a = World.in(pair.a);

      assertThat(pair.a.adminGet("ase1", "/requests").asString()).contains(a.app.url());
      assertThat(pair.b.adminGet("ase1", "/requests").asString()).doesNotContain(a.app.url());
    }
  }

  @Test
  void finishHashAndWwwAuthenticateNameTheSessionsAuthServer() {
    Space session = Space.made(SANDBOX);
    World world = World.in(session);
    TestClient.Pending pending =
        session.requestInteractive(world.app, "ase1", world.outgoingAccess());

    Response decision = world.app.decide(pending, "accept");
    Map<String, String> finish = TestClient.finishParameters(decision);
    Response unauthorized =
        world
            .app
            .signedAnywhere()
            .get(
                session.base("ase1")
                    + "/incoming-payments?wallet-address="
                    + session.wallet("ase1", "alice"));

    assertThat(
            new FinishHash(
                    pending.clientNonce(),
                    pending.finish(),
                    finish.get("interact_ref"),
                    session.authServer("ase1"))
                .matches(finish.get("hash")))
        .as("hash %s over %s", finish.get("hash"), session.authServer("ase1"))
        .isTrue();
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.header("WWW-Authenticate"))
        .isEqualTo("GNAP as_uri=" + session.authServer("ase1"));
  }

  /** One session's client app and its tokens. */
  private static final class World {
    final Space space;
    final TestClient app;
    final TestClient.Token incomingToken;
    final TestClient.Token quoteToken;

    private World(Space space) {
      this.space = space;
      this.app = space.client("app-" + shortId());
      this.incomingToken = space.token(app, "ase1", INCOMING);
      this.quoteToken = space.token(app, "ase1", QUOTE);
    }

    static World in(Space space) {
      return new World(space);
    }

    String outgoingAccess() {
      return Bodies.json(
          """
          [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
            "limits":{"debitAmount":{"value":"100000","assetCode":"USD","assetScale":2}}}]""",
          space.wallet("ase1", "alice"));
    }

    TestClient.Token outgoingToken() {
      return space.interactiveToken(app, "ase1", outgoingAccess());
    }

    io.restassured.specification.RequestSpecification authorized(TestClient.Token token) {
      return space.withToken(app, token.value());
    }

    String incomingPayment(String wallet, String value) {
      String amount =
          value == null
              ? ""
              : ",\"incomingAmount\":{\"value\":\""
                  + value
                  + "\",\"assetCode\":\"EUR\",\"assetScale\":2}";
      Response created =
          authorized(incomingToken)
              .contentType("application/json")
              .body(
                  Bodies.json("{\"walletAddress\":\"%s\"%s}", space.wallet("ase1", wallet), amount))
              .post(space.base("ase1") + "/incoming-payments");
      assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
      String id = created.path("id");
      assertThat(id).startsWith(space.base("ase1") + "/incoming-payments/");
      return id;
    }

    String quote(String receiver) {
      Response created =
          authorized(quoteToken)
              .contentType("application/json")
              .body(
                  Bodies.json(
                      "{\"walletAddress\":\"%s\",\"receiver\":\"%s\",\"method\":\"ilp\"}",
                      space.wallet("ase1", "alice"), receiver))
              .post(space.base("ase1") + "/quotes");
      assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
      return created.path("id");
    }

    String outgoingPayment(String quote) {
      Response created =
          authorized(outgoingToken())
              .contentType("application/json")
              .body(
                  Bodies.json(
                      "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}",
                      space.wallet("ase1", "alice"), quote))
              .post(space.base("ase1") + "/outgoing-payments");
      assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
      return created.path("id");
    }
  }

  private static Response consentPage(String url) {
    return SANDBOX.anywhere().accept("text/html").get(url);
  }

  /** Two made sessions, and a made one with the default one both ways. */
  private static List<Pair> pairs() {
    Space made = Space.made(SANDBOX);
    Space other = Space.made(SANDBOX);
    Space defaultSession = Space.defaultSession(SANDBOX);
    return List.of(
        new Pair(made, other), new Pair(made, defaultSession), new Pair(defaultSession, other));
  }

  private record Pair(Space a, Space b) {}

  private static String lastSegment(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * The URLs of one session of a test's sandbox, the default one or one made through {@code POST
 * /admin/sessions}, and the admin and client moves the isolation tests make in it, all through real
 * HTTP with absolute URLs.
 */
final class Space {
  private final AuthSandbox sandbox;
  private final String id;

  private Space(AuthSandbox sandbox, String id) {
    this.sandbox = sandbox;
    this.id = id;
  }

  /** The default session: the URLs without a session segment. */
  static Space defaultSession(AuthSandbox sandbox) {
    return new Space(sandbox, null);
  }

  /** A session made with this body ({@code null} for none). */
  static Space made(AuthSandbox sandbox, String body) {
    RequestSpecification request = sandbox.admin("ase1").contentType("application/json");
    if (body != null) {
      request = request.body(body);
    }
    Response created = request.post("/admin/sessions");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return new Space(sandbox, created.path("id"));
  }

  /** A session made with every default. */
  static Space made(AuthSandbox sandbox) {
    return made(sandbox, null);
  }

  /** A session id no session has. */
  static Space unknown(AuthSandbox sandbox) {
    return new Space(sandbox, UUID.randomUUID().toString());
  }

  String id() {
    return id;
  }

  String base(String ase) {
    return sandbox.base(ase) + (id == null ? "" : "/" + id);
  }

  String authServer(String ase) {
    return sandbox.base(ase) + "/auth" + (id == null ? "" : "/" + id);
  }

  String admin(String ase) {
    return sandbox.base(ase) + "/admin" + (id == null ? "" : "/sessions/" + id);
  }

  String wallet(String ase, String name) {
    return base(ase) + "/" + name;
  }

  /** A request to this session's admin API with the sandbox's secret, if any (set the URL). */
  RequestSpecification adminRequest() {
    String secret = sandbox.sandbox().config().admin().secret();
    RequestSpecification request = sandbox.anywhere();
    return secret == null ? request : request.header("Authorization", "Bearer " + secret);
  }

  /** {@code POST {admin}/path} with a JSON body; the answer. */
  Response adminPost(String ase, String path, String body) {
    return adminRequest().contentType("application/json").body(body).post(admin(ase) + path);
  }

  /** {@code GET {admin}/path}; the answer. */
  Response adminGet(String ase, String path) {
    return adminRequest().get(admin(ase) + path);
  }

  /** Opens a wallet address on a provider of this session. */
  void openWallet(String ase, String name, String assetCode) {
    Response created =
        adminPost(
            ase,
            "/wallet-addresses",
            Bodies.json(
                "{\"name\":\"%s\",\"publicName\":\"App %s\",\"assetCode\":\"%s\","
                    + "\"assetScale\":2}",
                name, name, assetCode));
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
  }

  /** A client app: a wallet address on ase1 of this session with a fresh registered key. */
  TestClient client(String name) {
    return client(name, Ed25519KeyPair.generate());
  }

  /** A client app on ase1 of this session whose registered key is {@code keys}. */
  TestClient client(String name, Ed25519KeyPair keys) {
    openWallet("ase1", name, "USD");
    TestClient client = TestClient.outside(sandbox, wallet("ase1", name), keys, "key-" + name);
    Response key =
        adminPost(
            "ase1",
            "/wallet-addresses/" + name + "/keys",
            "{\"jwk\":" + Json.write(client.jwk()) + "}");
    assertThat(key.statusCode()).as(key.asString()).isEqualTo(201);
    return client;
  }

  /** A non-interactive grant request of {@code client} at this session's auth server. */
  Response grant(TestClient client, String ase, String accessArray) {
    return client
        .signedAnywhere()
        .contentType("application/json")
        .body(
            Bodies.json(
                "{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", accessArray, client.url()))
        .post(authServer(ase));
  }

  /** An access token of a grant approved at once; fails the test otherwise. */
  TestClient.Token token(TestClient client, String ase, String accessArray) {
    Response response = grant(client, ase, accessArray);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return new TestClient.Token(
        response.path("access_token.value"), response.path("access_token.manage"));
  }

  /**
   * An interactive grant request with a finish redirect at this session's auth server; fails the
   * test unless it is pending.
   */
  TestClient.Pending requestInteractive(TestClient client, String ase, String accessArray) {
    String nonce = UUID.randomUUID().toString();
    Response response =
        client
            .signedAnywhere()
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"access_token":{"access":%s},"client":"%s",
                     "interact":{"start":["redirect"],
                                 "finish":{"method":"redirect","uri":"%s","nonce":"%s"}}}""",
                    accessArray, client.url(), TestClient.FINISH_URI, nonce))
            .post(authServer(ase));
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    Integer wait = response.path("continue.wait");
    return new TestClient.Pending(
        ase,
        response.path("interact.redirect"),
        response.path("interact.finish"),
        response.path("continue.uri"),
        response.path("continue.access_token.value"),
        wait == null ? 0 : wait,
        nonce);
  }

  /** The whole interactive path in this session: request, accept, wait, continue. */
  TestClient.Token interactiveToken(TestClient client, String ase, String accessArray) {
    TestClient.Pending pending = requestInteractive(client, ase, accessArray);
    Response decision = client.decide(pending, "accept");
    assertThat(decision.statusCode()).as(decision.asString()).isEqualTo(303);
    advance("PT" + pending.waitSeconds() + "S");
    Response continued =
        client.continueWith(pending, TestClient.finishParameters(decision).get("interact_ref"));
    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    return new TestClient.Token(
        continued.path("access_token.value"), continued.path("access_token.manage"));
  }

  /** Moves this session's clock. */
  void advance(String duration) {
    Response moved = adminPost("ase1", "/clock", "{\"advance\":\"" + duration + "\"}");
    assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
  }

  /** A signed request of {@code client} with a GNAP token (set the URL with the verb). */
  RequestSpecification withToken(TestClient client, String token) {
    return client.signedAnywhere().header("Authorization", "GNAP " + token);
  }

  @Override
  public String toString() {
    return id == null ? "the default session" : "session " + id;
  }
}

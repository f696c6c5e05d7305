package dev.opkit.mock.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client app in tests: a wallet address with a registered key, signing every request like an Open
 * Payments SDK, with the steps of the guide as methods.
 */
public final class TestClient {
  /** Where the tests' consent redirects go; nothing listens there, the tests read Location. */
  public static final String FINISH_URI = "https://client.example/finish?session=s1";

  private static final Pattern CONSENT_TOKEN =
      Pattern.compile("<input type=\"hidden\" name=\"consent_token\" value=\"([^\"]+)\">");

  private final AuthSandbox sandbox;
  private final String url;
  private final Ed25519KeyPair keys;
  private final String keyId;

  private TestClient(AuthSandbox sandbox, String url, Ed25519KeyPair keys, String keyId) {
    this.sandbox = sandbox;
    this.url = url;
    this.keys = keys;
    this.keyId = keyId;
  }

  /** Opens a wallet address for the client on a provider and registers a new key on it. */
  public static TestClient register(
      AuthSandbox sandbox, String ase, String name, String publicName) {
    SandboxAdmin admin = sandbox.adminClient(ase);
    String url =
        admin.createWallet(NewWallet.of(name, "USD", 2, 0).withPublicName(publicName)).id();
    TestClient client = new TestClient(sandbox, url, Ed25519KeyPair.generate(), "key-" + name);
    admin.addKey(name, client.jwk());
    return client;
  }

  /** A client whose wallet address (and keys) live outside the sandbox. */
  public static TestClient outside(
      AuthSandbox sandbox, String url, Ed25519KeyPair keys, String keyId) {
    return new TestClient(sandbox, url, keys, keyId);
  }

  /** The client's wallet address URL. */
  public String url() {
    return url;
  }

  public String keyId() {
    return keyId;
  }

  /** The client's key pair, for tests that sign by hand. */
  public Ed25519KeyPair keys() {
    return keys;
  }

  /** The client's public key as registered. */
  public Jwk jwk() {
    return keys.toJwk(keyId);
  }

  /** A request to a provider's origin, signed with this client's key. */
  public RequestSpecification signed(String ase) {
    return sandbox.at(ase).filter(signingFilter());
  }

  /** A signed request to any absolute URL. */
  public RequestSpecification signedAnywhere() {
    return sandbox.anywhere().filter(signingFilter());
  }

  private SigningFilter signingFilter() {
    return new SigningFilter(new RequestSigner(keys, keyId, Clock.systemUTC()));
  }

  /** {@code POST {auth}} with these access items (a JSON array) and this client as a string. */
  public Response grant(String ase, String accessArray) {
    return signed(ase)
        .contentType("application/json")
        .body(Bodies.json("{\"access_token\":{\"access\":%s},\"client\":\"%s\"}", accessArray, url))
        .post("/auth");
  }

  /** An access token of a grant approved at once; fails the test otherwise. */
  public Token token(String ase, String accessArray) {
    Response response = grant(ase, accessArray);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(response.jsonPath().getMap("access_token")).as(response.asString()).isNotNull();
    return new Token(response.path("access_token.value"), response.path("access_token.manage"));
  }

  /** An interactive grant request with a finish redirect; fails the test unless it is pending. */
  public Pending requestInteractive(String ase, String accessArray) {
    String nonce = UUID.randomUUID().toString();
    Response response =
        signed(ase)
            .contentType("application/json")
            .body(
                Bodies.json(
                    """
                    {"access_token":{"access":%s},"client":"%s",
                     "interact":{"start":["redirect"],
                                 "finish":{"method":"redirect","uri":"%s","nonce":"%s"}}}""",
                    accessArray, url, FINISH_URI, nonce))
            .post("/auth");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return Pending.from(ase, response, nonce);
  }

  /**
   * The user's decision through the consent form, as a browser gives it: GET the page, then POST
   * its form with {@code decision=accept|reject} and the page's token (none when the page showed no
   * form).
   */
  public Response decide(Pending pending, String decision) {
    return decideAt(pending.redirect(), decision);
  }

  /** {@link #decide} on the consent page at {@code redirect}. */
  public Response decideAt(String redirect, String decision) {
    Response page = sandbox.anywhere().accept("text/html").get(redirect);
    Matcher token = CONSENT_TOKEN.matcher(page.asString());
    String body = "decision=" + decision + (token.find() ? "&consent_token=" + token.group(1) : "");
    return sandbox
        .anywhere()
        .contentType("application/x-www-form-urlencoded")
        .body(body)
        .post(redirect);
  }

  /** The consent page's token, read from its form. */
  public static String consentToken(Response page) {
    Matcher token = CONSENT_TOKEN.matcher(page.asString());
    assertThat(token.find()).as("the consent page's form has a consent_token").isTrue();
    return token.group(1);
  }

  /** The consent page, as a browser GETs it. */
  public Response consentPage(Pending pending) {
    return sandbox.anywhere().accept("text/html").get(pending.redirect());
  }

  /** {@code POST continue.uri} with {@code {"interact_ref": ref}}. */
  public Response continueWith(Pending pending, String interactRef) {
    return signedAnywhere()
        .header("Authorization", "GNAP " + pending.continueToken())
        .contentType("application/json")
        .body(Bodies.json("{\"interact_ref\":\"%s\"}", interactRef))
        .post(pending.continueUri());
  }

  /** {@code POST continue.uri} without body: polling. */
  public Response poll(Pending pending) {
    return signedAnywhere()
        .header("Authorization", "GNAP " + pending.continueToken())
        .contentType("application/json")
        .post(pending.continueUri());
  }

  /** {@code DELETE continue.uri}: revokes the grant. */
  public Response cancel(Pending pending) {
    return signedAnywhere()
        .header("Authorization", "GNAP " + pending.continueToken())
        .delete(pending.continueUri());
  }

  /**
   * The whole interactive path: request, accept on the form, wait out {@code wait} on the sandbox
   * clock, continue with the interact_ref.
   */
  public Token interactiveToken(String ase, String accessArray) {
    Pending pending = requestInteractive(ase, accessArray);
    Response decision = decide(pending, "accept");
    assertThat(decision.statusCode()).as(decision.asString()).isEqualTo(303);
    sandbox.advance("PT" + pending.waitSeconds() + "S");
    Response continued = continueWith(pending, finishParameters(decision).get("interact_ref"));
    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    return new Token(continued.path("access_token.value"), continued.path("access_token.manage"));
  }

  /** {@code POST manage} with the token: rotation. */
  public Response rotate(Token token) {
    return signedAnywhere()
        .header("Authorization", "GNAP " + token.value())
        .contentType("application/json")
        .post(token.manage());
  }

  /** {@code DELETE manage} with the token: revocation. */
  public Response revoke(Token token) {
    return signedAnywhere().header("Authorization", "GNAP " + token.value()).delete(token.manage());
  }

  /** The rotated token of a 200 rotation answer. */
  public static Token rotated(Response response) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return new Token(response.path("access_token.value"), response.path("access_token.manage"));
  }

  /** The query parameters of a redirect's Location, decoded. */
  public static Map<String, String> finishParameters(Response redirect) {
    String location = redirect.header("Location");
    assertThat(location).as("Location of %s", redirect.asString()).isNotNull();
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** An access token and its management URL. */
  public record Token(String value, String manage) {}

  /** A grant waiting for the user. */
  public record Pending(
      String ase,
      String redirect,
      String finish,
      String continueUri,
      String continueToken,
      int waitSeconds,
      String clientNonce) {
    static Pending from(String ase, Response response, String clientNonce) {
      Integer wait = response.path("continue.wait");
      return new Pending(
          ase,
          response.path("interact.redirect"),
          response.path("interact.finish"),
          response.path("continue.uri"),
          response.path("continue.access_token.value"),
          wait == null ? 0 : wait,
          clientNonce);
    }
  }
}

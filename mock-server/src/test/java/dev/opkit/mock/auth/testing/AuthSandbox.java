package dev.opkit.mock.auth.testing;

import static io.restassured.RestAssured.given;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.sandbox.admin.AutoConsent;
import dev.opkit.sandbox.admin.SandboxAdmin;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one in-process sandbox with its real auth server on free loopback ports per test class,
 * and resets it before every test.
 */
public final class AuthSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  /** REST Assured as an Open Payments client needs it: exact Content-Type, no redirects. */
  public static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .appendDefaultContentCharsetToContentTypeIfUndefined(false))
          .redirect(RedirectConfig.redirectConfig().followRedirects(false));

  private final UnaryOperator<SandboxConfig> customise;
  private Sandbox sandbox;

  public AuthSandbox() {
    this(UnaryOperator.identity());
  }

  /** A sandbox whose ephemeral default configuration is changed first. */
  public AuthSandbox(UnaryOperator<SandboxConfig> customise) {
    this.customise = customise;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = Sandbox.create(customise.apply(SandboxConfig.defaults().ephemeral())).start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sandbox.stop();
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  /** The public base URL of a provider. */
  public String base(String ase) {
    return sandbox.ase(ase).publicBase();
  }

  /** The grant endpoint of a provider, e.g. {@code http://localhost:41234/auth}. */
  public String authServer(String ase) {
    return sandbox.ase(ase).authServerUrl();
  }

  /** The URL of a wallet address, e.g. {@code wallet("ase1", "alice")}. */
  public String wallet(String ase, String name) {
    return sandbox.ase(ase).walletUrl(name);
  }

  /** An unsigned request to a provider's origin. */
  public RequestSpecification at(String ase) {
    return given().config(CONFIG).baseUri(base(ase)).urlEncodingEnabled(false);
  }

  /** A request to a provider's admin API, with the bearer secret when the sandbox has one. */
  public RequestSpecification admin(String ase) {
    String secret = sandbox.config().admin().secret();
    RequestSpecification request = at(ase);
    return secret == null ? request : request.header("Authorization", "Bearer " + secret);
  }

  /** An unsigned request to any URL (set it with the verb). */
  public RequestSpecification anywhere() {
    return given().config(CONFIG).urlEncodingEnabled(false);
  }

  /**
   * A client app: a wallet address {@code name} on ase1 with a public name and a fresh key
   * registered in its {@code jwks.json}.
   */
  public TestClient client(String name) {
    return TestClient.register(this, "ase1", name, "App " + name);
  }

  /** The typed admin client of a provider's default session, with the secret when there is one. */
  public SandboxAdmin adminClient(String ase) {
    return SandboxAdmin.connect(sandbox.ase(ase).adminUrl(), sandbox.config().admin().secret());
  }

  /** Moves the sandbox clock, as {@code POST /admin/clock {"advance": duration}}. */
  public Instant advance(String duration) {
    return duration.contains("T")
        ? adminClient("ase1").advance(Duration.parse(duration))
        : adminClient("ase1").advance(Period.parse(duration));
  }

  /** Sets the auto-consent mode through the admin API. */
  public void autoConsent(String mode) {
    adminClient("ase1").setAutoConsent(AutoConsent.valueOf(mode.toUpperCase(Locale.ROOT)));
  }
}

package dev.opkit.mock.testing;

import static io.restassured.RestAssured.given;

import dev.opkit.mock.resource.access.TestResourceAccess;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.sandbox.admin.SandboxAdmin;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one in-process sandbox on free loopback ports per test class, with the {@link
 * TestResourceAccess} double as its auth server, and resets it before every test. The double checks
 * no signatures and the tests send none, so request validation leaves missing signature headers to
 * the auth step ({@code missingSignatureStatus: 401}) unless a test sets the switch itself.
 */
public final class SandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final UnaryOperator<SandboxConfig> customise;
  private final TestResourceAccess access = new TestResourceAccess();
  private Sandbox sandbox;

  public SandboxExtension() {
    this(UnaryOperator.identity());
  }

  /** A sandbox whose ephemeral default configuration is changed first. */
  public SandboxExtension(UnaryOperator<SandboxConfig> customise) {
    this.customise = customise;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    SandboxConfig config = customise.apply(SandboxConfig.defaults().ephemeral());
    Map<String, Object> overrides = new HashMap<>(config.profileOverrides());
    overrides.putIfAbsent("missingSignatureStatus", 401);
    sandbox =
        Sandbox.createWith(config.withProfileOverrides(overrides), access, TestStorage.factory())
            .start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox.reset();
    access.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sandbox.stop();
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public TestResourceAccess access() {
    return access;
  }

  /** The public base URL of a provider, e.g. {@code http://localhost:41234}. */
  public String base(String ase) {
    return sandbox.ase(ase).publicBase();
  }

  /** The URL of a wallet address, e.g. {@code wallet("ase1", "alice")}. */
  public String wallet(String ase, String name) {
    return sandbox.ase(ase).walletUrl(name);
  }

  /** The typed admin client of a provider's default session. */
  public SandboxAdmin admin(String ase) {
    return SandboxAdmin.connect(sandbox.ase(ase).adminUrl());
  }

  /** A REST Assured request to a provider's origin. */
  public RequestSpecification at(String ase) {
    Ase provider = sandbox.ase(ase);
    return given().baseUri(provider.publicBase()).urlEncodingEnabled(false);
  }
}

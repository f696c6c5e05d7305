package dev.opkit.client;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * This project's sandbox, in-process on free loopback ports, once per test class and reset before
 * each test. Tests call the admin API over HTTP through the typed {@link SandboxAdmin} ({@link
 * #admin}), as a user would; {@link #registerClient} is the one thing a developer does by hand in a
 * real wallet (a client wallet address with a key).
 */
public final class SandboxFixture
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  public static final String CLIENT = "client";
  public static final String KEY_ID = "client-key";
  public static final String NEXT_KEY_ID = "client-next-key";

  private final HttpClient http = HttpClient.newHttpClient();
  private final UnaryOperator<SandboxConfig> customise;
  private Sandbox sandbox;

  /** The default sandbox: two providers, rafiki profile. */
  public SandboxFixture() {
    this(UnaryOperator.identity());
  }

  /** A sandbox whose ephemeral default configuration is changed first. */
  public SandboxFixture(UnaryOperator<SandboxConfig> customise) {
    this.customise = customise;
  }

  /** A configuration change: the given profile switches on every provider. */
  public static UnaryOperator<SandboxConfig> profileSwitches(Map<String, Object> switches) {
    return config -> config.withProfileOverrides(switches);
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

  /** A wallet address URL, e.g. {@code wallet("ase1", "alice")}. */
  public String wallet(String ase, String name) {
    return sandbox.ase(ase).walletUrl(name);
  }

  /** {@code GET /admin/clock}'s URL on a provider. */
  public String clockUrl(String ase) {
    return sandbox.ase(ase).adminUrl() + "/clock";
  }

  /**
   * Creates the client wallet address on ase1 (with the public name interactive grants need) and
   * registers the key's public JWK there: what a developer does once in a real wallet.
   */
  public ClientIdentity registerClient(Ed25519KeyPair key) {
    SandboxAdmin ase1 = admin("ase1");
    ase1.createWallet(NewWallet.of(CLIENT, "USD", 2, 0).withPublicName("Test client"));
    ase1.addKey(CLIENT, key.toJwk(KEY_ID));
    return new ClientIdentity(wallet("ase1", CLIENT), key, KEY_ID);
  }

  /** A new key registered on a new client wallet address, and a client for it. */
  public OpenPaymentsClient newClient() {
    return OpenPaymentsClient.create(
        registerClient(Ed25519KeyPair.generate()), ClientOptions.defaults());
  }

  /**
   * As {@link #newClient()}, with the client's next key registered beside its current one (as an
   * operator does before rotating keys) and held by the client.
   */
  public OpenPaymentsClient newClientWithNextKey() {
    ClientIdentity identity = registerClient(Ed25519KeyPair.generate());
    Ed25519KeyPair next = Ed25519KeyPair.generate();
    admin("ase1").addKey(CLIENT, next.toJwk(NEXT_KEY_ID));
    return OpenPaymentsClient.create(
        identity.withNextKey(next, NEXT_KEY_ID), ClientOptions.defaults());
  }

  /** Waits by moving the sandbox clock instead of sleeping, for {@code continue.wait}. */
  public Pause clockPause() {
    return duration -> {
      sandbox.clock().advance(duration);
      sandbox.clockMoved();
    };
  }

  /** The typed admin client of a provider's default session, over HTTP as a user calls it. */
  public SandboxAdmin admin(String ase) {
    return SandboxAdmin.connect(http, sandbox.ase(ase).adminUrl(), null);
  }
}

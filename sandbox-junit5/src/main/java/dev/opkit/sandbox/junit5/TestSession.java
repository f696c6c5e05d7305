package dev.opkit.sandbox.junit5;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.sandbox.admin.CreatedSession;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SessionOptions;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session of one test (or test class), deleted with everything in it after its JUnit store
 * closes; with the helpers the extension injects.
 */
final class TestSession implements AutoCloseable {
  static final String CLIENT_WALLET = "test-client";
  static final String CLIENT_KEY_ID = "test-client-key";
  static final String CLIENT_NEXT_KEY_ID = "test-client-key-2";
  private static final String CLIENT_PROVIDER = "ase1";

  private final RunningSandbox sandbox;
  private final SandboxAdmin root;
  private final CreatedSession session;
  private final SandboxRuntime runtime;
  private final SessionClock clock;
  private final ConsentDriver consent;
  private final AtomicReference<SandboxClientIdentity> client = new AtomicReference<>();

  /**
   * Makes the session in one admin request; with {@code seedClient} its client identity's wallet
   * and key come in that same request, else they are registered if a test asks for them.
   */
  TestSession(RunningSandbox sandbox, SandboxSettings settings, String name, boolean seedClient) {
    this.sandbox = sandbox;
    this.root = sandbox.admin();
    SessionOptions options = settings.sessionOptions(name);
    Ed25519KeyPair key = null;
    Ed25519KeyPair next = null;
    if (seedClient) {
      key = Ed25519KeyPair.generate();
      next = Ed25519KeyPair.generate();
      if (settings.wallets().isEmpty()) {
        // Naming a provider's wallets replaces its configured ones: list them too.
        for (SandboxSettings.ProviderWallet wallet : sandbox.configuredWallets()) {
          options = options.withWallet(wallet.provider(), wallet.wallet());
        }
      }
      options =
          options.withWallet(
              CLIENT_PROVIDER,
              clientWallet()
                  .withKey(key.toJwk(CLIENT_KEY_ID))
                  .withKey(next.toJwk(CLIENT_NEXT_KEY_ID)));
    }
    this.session = root.createSession(options);
    SandboxAdmin ase1 = root.session(session, CLIENT_PROVIDER);
    this.runtime = new SandboxRuntime(root, session);
    this.clock = new SessionClock(ase1);
    this.consent = new ConsentDriver(sandbox.http(), ase1);
    if (key != null) {
      client.set(
          new SandboxClientIdentity(
              runtime.walletAddress(CLIENT_PROVIDER, CLIENT_WALLET),
              CLIENT_KEY_ID,
              key,
              CLIENT_NEXT_KEY_ID,
              next));
    }
  }

  private static NewWallet clientWallet() {
    return NewWallet.of(CLIENT_WALLET, "USD", 2, 0).withPublicName("Test client");
  }

  SandboxRuntime runtime() {
    return runtime;
  }

  SessionClock clock() {
    return clock;
  }

  ConsentDriver consent() {
    return consent;
  }

  SandboxAdmin admin() {
    return runtime.admin(CLIENT_PROVIDER);
  }

  /** The session's client identity, registered the first time a test asks for it. */
  SandboxClientIdentity client() {
    SandboxClientIdentity existing = client.get();
    if (existing != null) {
      return existing;
    }
    synchronized (client) {
      if (client.get() == null) {
        client.set(register());
      }
      return client.get();
    }
  }

  private SandboxClientIdentity register() {
    SandboxAdmin admin = admin();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Ed25519KeyPair next = Ed25519KeyPair.generate();
    String url = admin.createWallet(clientWallet()).id();
    admin.addKey(CLIENT_WALLET, key.toJwk(CLIENT_KEY_ID));
    admin.addKey(CLIENT_WALLET, next.toJwk(CLIENT_NEXT_KEY_ID));
    return new SandboxClientIdentity(url, CLIENT_KEY_ID, key, CLIENT_NEXT_KEY_ID, next);
  }

  /** Deletes the session off the test's critical path: the sandbox waits for it when it stops. */
  @Override
  public void close() {
    sandbox.deleteLater(session.id());
  }
}

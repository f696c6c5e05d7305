package dev.opkit.sandbox.junit5;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.sandbox.admin.CreatedSession;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SandboxAdminException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session of one test (or test class), deleted with everything in it when its JUnit store
 * closes; with the helpers the extension injects.
 */
final class TestSession implements AutoCloseable {
  static final String CLIENT_WALLET = "test-client";
  static final String CLIENT_KEY_ID = "test-client-key";
  private static final String CLIENT_PROVIDER = "ase1";

  private final SandboxAdmin root;
  private final CreatedSession session;
  private final SandboxRuntime runtime;
  private final SessionClock clock;
  private final ConsentDriver consent;
  private final AtomicReference<SandboxClientIdentity> client = new AtomicReference<>();

  TestSession(RunningSandbox sandbox, SandboxSettings settings, String name) {
    this.root = sandbox.admin();
    this.session = root.createSession(settings.sessionOptions(name));
    SandboxAdmin ase1 = root.session(session, CLIENT_PROVIDER);
    this.runtime = new SandboxRuntime(root, session);
    this.clock = new SessionClock(ase1);
    this.consent = new ConsentDriver(sandbox.http(), ase1);
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
    String url =
        admin
            .createWallet(NewWallet.of(CLIENT_WALLET, "USD", 2, 0).withPublicName("Test client"))
            .id();
    admin.addKey(CLIENT_WALLET, key.toJwk(CLIENT_KEY_ID));
    return new SandboxClientIdentity(url, CLIENT_KEY_ID, key);
  }

  @Override
  public void close() {
    try {
      root.deleteSession(session.id());
    } catch (SandboxAdminException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }
}

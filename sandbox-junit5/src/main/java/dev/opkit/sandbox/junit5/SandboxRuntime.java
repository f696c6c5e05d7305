package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.CreatedSession;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SessionInfo;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Where a test's session lives: its id, and per provider its wallet addresses, auth server,
 * resource server and admin URL; {@link #admin(String)} gives the typed admin client of the session
 * on a provider.
 */
public final class SandboxRuntime {
  private final SandboxAdmin root;
  private final CreatedSession session;

  SandboxRuntime(SandboxAdmin root, CreatedSession session) {
    this.root = root;
    this.session = session;
  }

  /** The session's id (a UUID). */
  public String sessionId() {
    return session.id();
  }

  /** The providers' names, e.g. {@code [ase1, ase2]}. */
  public List<String> providers() {
    return session.info().providers().stream().map(SessionInfo.Provider::name).toList();
  }

  /** The session's URLs on a provider. */
  public SessionInfo.Provider provider(String provider) {
    return session.info().provider(provider);
  }

  /** A wallet address URL of the session, e.g. {@code walletAddress("ase1", "alice")}. */
  public String walletAddress(String provider, String name) {
    return provider(provider).walletAddress(name);
  }

  /** A wallet address URL by its name alone, on whichever provider has it (ase1 first). */
  public String walletAddress(String name) {
    for (SessionInfo.Provider provider : session.info().providers()) {
      String url = provider.walletAddresses().get(name);
      if (url != null) {
        return url;
      }
    }
    throw new NoSuchElementException(
        "the session has no wallet '" + name + "' on any provider " + providers());
  }

  /** The provider's grant endpoint in the session. */
  public String authServer(String provider) {
    return provider(provider).authServer();
  }

  /** The provider's resource server in the session. */
  public String resourceServer(String provider) {
    return provider(provider).resourceServer();
  }

  /** The admin base URL of the session on a provider. */
  public String adminUrl(String provider) {
    return provider(provider).admin();
  }

  /** The typed admin client of the session on a provider. */
  public SandboxAdmin admin(String provider) {
    return root.session(session, provider);
  }

  @Override
  public String toString() {
    return "SandboxRuntime[session=" + session.id() + ", providers=" + providers() + "]";
  }
}

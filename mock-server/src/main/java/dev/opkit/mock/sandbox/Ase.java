package dev.opkit.mock.sandbox;

import dev.opkit.mock.profile.BehaviourProfile;
import java.util.Objects;

/**
 * One account servicing entity (wallet provider) of the sandbox as the services see it: its name,
 * behaviour profile and public origin. Every URL it hands out (wallet addresses, resource ids, the
 * auth server) starts with {@link #publicBase()}. The HTTP side is {@link AseServer}.
 */
public final class Ase {
  private final AseConfig config;
  private final BehaviourProfile profile;
  private volatile String publicBase;
  private volatile String listenAddress;

  Ase(AseConfig config, BehaviourProfile profile) {
    this.config = Objects.requireNonNull(config);
    this.profile = Objects.requireNonNull(profile);
  }

  public String name() {
    return config.name();
  }

  public BehaviourProfile profile() {
    return profile;
  }

  public AseConfig config() {
    return config;
  }

  /**
   * The public origin (plus optional path prefix), without trailing slash, e.g. {@code
   * http://localhost:4000}. Known once the sandbox has started.
   */
  public String publicBase() {
    String base = publicBase;
    if (base == null) {
      throw new IllegalStateException("ASE '" + name() + "' has no public URL before it starts");
    }
    return base;
  }

  /** The wallet address document's {@code resourceServer}: the bare public base. */
  public String resourceServerUrl() {
    return publicBase();
  }

  /** The wallet address document's {@code authServer}: the grant endpoint, no trailing slash. */
  public String authServerUrl() {
    return publicBase() + "/auth";
  }

  /** Where this provider's admin API lives. */
  public String adminUrl() {
    return publicBase() + "/admin";
  }

  /** The URL of a wallet address of this provider. */
  public String walletUrl(String walletName) {
    return publicBase() + "/" + walletName;
  }

  /** Whether a URL lies under this provider's public base. */
  public boolean owns(String url) {
    String base = publicBase;
    return base != null && url.startsWith(base + "/");
  }

  /**
   * Where the provider accepts connections, {@code host:port}, e.g. {@code localhost:4000}; differs
   * from {@link #publicBase()} behind a proxy. Null until started.
   */
  public String listenAddress() {
    return listenAddress;
  }

  void publishAt(String base, String listeningAt) {
    this.publicBase = base;
    this.listenAddress = listeningAt;
  }

  @Override
  public String toString() {
    return "ASE " + name() + (publicBase == null ? "" : " at " + publicBase);
  }
}

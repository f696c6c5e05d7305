package dev.opkit.mock.session;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.WalletId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One provider as one session sees it: where its URLs start and how it behaves. The default session
 * keeps the provider's bare URLs; any other session follows a multi-tenant Rafiki's layout:
 * resources and wallet addresses under {@code {origin}/{session}}, the auth server at {@code
 * {origin}/auth/{session}}, the admin API at {@code {origin}/admin/sessions/{session}}.
 *
 * @param session the session
 * @param ase the provider
 */
public record SessionAse(Session session, Ase ase) {
  public SessionAse {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(ase, "ase");
  }

  public SessionId sessionId() {
    return session.id();
  }

  /** The provider's name, e.g. {@code ase1}. */
  public String name() {
    return ase.name();
  }

  /** The provider's behaviour profile in this session. */
  public BehaviourProfile profile() {
    return session.profile(ase.name());
  }

  /** Where this session's resources and wallet addresses start: the wallet's resourceServer. */
  public String base() {
    return session.id().isDefault() ? ase.publicBase() : ase.publicBase() + "/" + session.id();
  }

  /** The wallet address document's {@code resourceServer}. */
  public String resourceServerUrl() {
    return base();
  }

  /** The wallet address document's {@code authServer}: the grant endpoint, no trailing slash. */
  public String authServerUrl() {
    return session.id().isDefault()
        ? ase.publicBase() + "/auth"
        : ase.publicBase() + "/auth/" + session.id();
  }

  /** Where this session's admin API lives on this provider. */
  public String adminUrl() {
    return session.id().isDefault()
        ? ase.publicBase() + "/admin"
        : ase.publicBase() + "/admin/sessions/" + session.id();
  }

  /** The URL of a wallet address of this provider in this session. */
  public String walletUrl(String walletName) {
    return base() + "/" + walletName;
  }

  /** The URL of a wallet by id (which must be of this provider). */
  public String walletUrl(WalletId wallet) {
    return walletUrl(wallet.name());
  }

  /** A resource's URL, e.g. {@code resourceUrl("incoming-payments", id)}. */
  public String resourceUrl(String collection, UUID id) {
    return base() + "/" + collection + "/" + id;
  }

  /** The wallet a URL names on this provider in this session, if it has that shape. */
  public Optional<WalletId> walletIdOf(String url) {
    String prefix = base() + "/";
    if (url == null || !url.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = url.substring(prefix.length());
    return name.isEmpty() || name.contains("/") || name.contains("?") || name.contains("#")
        ? Optional.empty()
        : Optional.of(new WalletId(ase.name(), name));
  }

  @Override
  public String toString() {
    return ase.name() + (session.id().isDefault() ? "" : " in session " + session.id());
  }
}

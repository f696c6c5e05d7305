package dev.opkit.mock.auth;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.Transactions;
import java.util.Objects;

/**
 * The auth server settings the admin API can change while a session runs (today: auto-consent),
 * kept in the session's record; a reset of the session puts them back to its settings.
 */
public final class AuthSettings {
  private final Transactions storage;

  public AuthSettings(Transactions storage) {
    this.storage = storage;
  }

  /** What the session's consent pages do without a person now. */
  public AutoConsent autoConsent(SessionAse ase) {
    return ase.session().record().autoConsent();
  }

  /** Changes what the session's consent pages do without a person. */
  public AutoConsent setAutoConsent(SessionAse ase, AutoConsent value) {
    Objects.requireNonNull(value, "value");
    return storage.write(
        ase.sessionId(),
        tx -> {
          tx.session().save(tx.session().record().withAutoConsent(value));
          return value;
        });
  }
}

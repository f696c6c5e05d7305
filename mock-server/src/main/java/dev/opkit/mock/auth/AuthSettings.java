package dev.opkit.mock.auth;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The auth server settings the admin API can change while the sandbox runs (today: auto-consent); a
 * reset puts them back to the configuration.
 */
public final class AuthSettings {
  private final AuthConfig config;
  private final AtomicReference<AutoConsent> autoConsent;

  public AuthSettings(AuthConfig config) {
    this.config = config;
    this.autoConsent = new AtomicReference<>(config.autoConsent());
  }

  public AutoConsent autoConsent() {
    return autoConsent.get();
  }

  public void setAutoConsent(AutoConsent value) {
    autoConsent.set(java.util.Objects.requireNonNull(value));
  }

  /** Back to the configured values. */
  public void reset() {
    autoConsent.set(config.autoConsent());
  }
}

package dev.opkit.mock.sandbox;

/**
 * Who may use the sandbox admin API under {@code {origin}/admin}.
 *
 * @param enabled false removes the admin API entirely (every admin path answers 404)
 * @param secret when set, every admin request must carry {@code Authorization: Bearer <secret>}
 */
public record AdminConfig(Boolean enabled, String secret) {
  /** Enabled, no secret: for a sandbox reachable only from this machine. */
  public static final AdminConfig OPEN = new AdminConfig(true, null);

  public AdminConfig {
    enabled = enabled == null || enabled;
    if (secret != null && secret.isBlank()) {
      secret = null;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }
}

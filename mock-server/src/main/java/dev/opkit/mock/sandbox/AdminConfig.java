package dev.opkit.mock.sandbox;

/**
 * Who may use the sandbox admin API under {@code {origin}/admin}, and how many sessions it may
 * make.
 *
 * @param enabled false removes the admin API entirely (every admin path answers 404)
 * @param secret when set, every admin request must carry {@code Authorization: Bearer <secret>}
 * @param maxSessions how many sessions {@code POST /admin/sessions} may have open at once, besides
 *     the default one (1000 when absent)
 */
public record AdminConfig(Boolean enabled, String secret, Integer maxSessions) {
  /** How many sessions may be open when the configuration does not say. */
  public static final int DEFAULT_MAX_SESSIONS = 1000;

  /** Enabled, no secret: for a sandbox reachable only from this machine. */
  public static final AdminConfig OPEN = new AdminConfig(true, null);

  public AdminConfig {
    enabled = enabled == null || enabled;
    if (secret != null && secret.isBlank()) {
      secret = null;
    }
    maxSessions = maxSessions == null ? DEFAULT_MAX_SESSIONS : maxSessions;
    if (maxSessions < 0) {
      throw new IllegalArgumentException(
          "admin.maxSessions cannot be negative (0 allows no sessions but the default one), got "
              + maxSessions);
    }
  }

  public AdminConfig(Boolean enabled, String secret) {
    this(enabled, secret, null);
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** The same with another bound on open sessions. */
  public AdminConfig withMaxSessions(int max) {
    return new AdminConfig(enabled, secret, max);
  }
}

package dev.opkit.mock.auth.grant;

import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.events.EventType;
import java.time.Clock;
import java.time.Instant;

/**
 * Revokes a grant and every token it issued, under the grant's monitor so that no token is issued
 * or rotated in between; then publishes {@code grant.revoked}. The one way a grant ends, whether
 * its client deletes the continuation (RFC 9635 §5.4) or a person revokes it in the admin API.
 */
public final class GrantRevocation {
  private final TokenService tokens;
  private final GrantEvents events;
  private final Clock clock;

  public GrantRevocation(TokenService tokens, GrantEvents events, Clock clock) {
    this.tokens = tokens;
    this.events = events;
    this.clock = clock;
  }

  /** Revokes the grant and its tokens; false (and nothing changes) when it was revoked already. */
  public boolean revoke(Grant grant) {
    Instant now = clock.instant();
    synchronized (grant) {
      if (!grant.revoke(now)) {
        return false;
      }
      tokens.revokeAll(grant, now);
    }
    events.publish(EventType.GRANT_REVOKED, grant);
    return true;
  }
}

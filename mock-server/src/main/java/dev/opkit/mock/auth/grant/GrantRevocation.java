package dev.opkit.mock.auth.grant;

import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.GrantState;
import dev.opkit.mock.store.Transactions;
import java.time.Instant;
import java.util.Optional;

/**
 * Revokes a grant and every token it issued in one transaction that takes the grant for update, so
 * that no token is issued or rotated in between; {@code grant.revoked} is published with it. The
 * one way a grant ends, whether its client deletes the continuation (RFC 9635 §5.4) or a person
 * revokes it in the admin API.
 */
public final class GrantRevocation {
  private final Transactions storage;
  private final GrantEvents events;

  public GrantRevocation(Transactions storage, GrantEvents events) {
    this.storage = storage;
    this.events = events;
  }

  /**
   * What a revocation found.
   *
   * @param grant the grant's version after the attempt
   * @param revoked true when this revoked it, false when it was revoked already (nothing changed)
   */
  public record Revoked(GrantRecord grant, boolean revoked) {}

  /**
   * Revokes a grant of the provider and its tokens.
   *
   * @return empty when the provider has no such grant in the session
   */
  public Optional<Revoked> revoke(SessionAse ase, String grantId) {
    return storage.write(
        ase.sessionId(),
        tx -> {
          Optional<GrantRecord> found =
              tx.grants().forUpdate(grantId).filter(g -> g.ase().equals(ase.name()));
          if (found.isEmpty()) {
            return Optional.empty();
          }
          GrantRecord grant = found.get();
          if (grant.state() == GrantState.REVOKED) {
            return Optional.of(new Revoked(grant, false));
          }
          Instant now = ase.session().now(tx);
          GrantRecord revoked = grant.revoke(now);
          tx.grants().save(revoked);
          TokenService.revokeAll(tx, grantId, now);
          events.publish(tx, ase, EventType.GRANT_REVOKED, revoked);
          return Optional.of(new Revoked(revoked, true));
        });
  }
}

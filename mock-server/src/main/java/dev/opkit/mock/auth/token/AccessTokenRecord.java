package dev.opkit.mock.auth.token;

import dev.opkit.mock.auth.grant.Grant;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One access token value of a grant (RFC 9635 §3.2.1): the opaque value, its management id, its
 * lifetime and state. Only the token service changes the state, under the grant's monitor.
 */
public final class AccessTokenRecord {
  private final String value;
  private final String manageId;
  private final Grant grant;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private TokenState state = TokenState.LIVE;
  private Instant endedAt;

  AccessTokenRecord(
      String value, String manageId, Grant grant, Instant issuedAt, Instant expiresAt) {
    this.value = Objects.requireNonNull(value);
    this.manageId = Objects.requireNonNull(manageId);
    this.grant = Objects.requireNonNull(grant);
    this.issuedAt = Objects.requireNonNull(issuedAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public String value() {
    return value;
  }

  public String manageId() {
    return manageId;
  }

  /** The management URL: {@code {auth}/token/{manageId}}. */
  public String manageUrl() {
    return grant.ase().authServerUrl() + "/token/" + manageId;
  }

  public Grant grant() {
    return grant;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** Whether the token's lifetime is over at {@code now} (sandbox clock). */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public synchronized TokenState state() {
    return state;
  }

  /** When it was rotated away or revoked. */
  public synchronized Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  /** Ends a live token; false when it had ended already. */
  synchronized boolean end(TokenState next, Instant now) {
    if (state != TokenState.LIVE) {
      return false;
    }
    state = next;
    endedAt = now;
    return true;
  }
}

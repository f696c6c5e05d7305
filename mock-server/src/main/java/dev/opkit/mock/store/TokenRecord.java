package dev.opkit.mock.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One access token value of a grant (RFC 9635 §3.2.1): the opaque value, its management id, its
 * lifetime and state. Its access is its grant's.
 *
 * @param value the token value the client presents
 * @param manageId the last segment of its management URL
 * @param grantId the grant it was issued for
 * @param ase the provider whose auth server issued it
 * @param issuedAt when it was issued, by the session clock
 * @param expiresAt when its lifetime ends, by the session clock
 * @param state live, rotated away or revoked
 * @param endedAt when it was rotated away or revoked, or null
 */
public record TokenRecord(
    String value,
    String manageId,
    String grantId,
    String ase,
    Instant issuedAt,
    Instant expiresAt,
    TokenState state,
    Instant endedAt) {

  public TokenRecord {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(manageId, "manageId");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
  }

  /** A new live token. */
  public static TokenRecord issued(
      String value, String manageId, String grantId, String ase, Instant now, Instant expiresAt) {
    return new TokenRecord(value, manageId, grantId, ase, now, expiresAt, TokenState.LIVE, null);
  }

  /** This live token with its lifetime over at {@code now}: it can only be rotated. */
  public TokenRecord expiredNow(Instant now) {
    return new TokenRecord(value, manageId, grantId, ase, issuedAt, now, state, endedAt);
  }

  /** Whether the token's lifetime is over at {@code now} (session clock). */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public Optional<Instant> endedAtIfAny() {
    return Optional.ofNullable(endedAt);
  }

  /** This live token ended: rotated away or revoked. */
  public TokenRecord end(TokenState next, Instant now) {
    if (state != TokenState.LIVE) {
      throw new IllegalStateException("token " + manageId + " is " + state.wireName());
    }
    if (next == TokenState.LIVE) {
      throw new IllegalArgumentException("a token ends rotated or revoked");
    }
    return new TokenRecord(value, manageId, grantId, ase, issuedAt, expiresAt, next, now);
  }
}

package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a grant is in its life (RFC 9635 §1.5; Rafiki's states): waiting for the user, approved and
 * waiting for the client to continue, finalized (tokens issued), rejected by the user, or revoked.
 */
public enum GrantState {
  /** The user has not decided yet. */
  PENDING,
  /** The user accepted; the client has not continued yet. */
  APPROVED,
  /** The client holds the access token (or the subject information). */
  FINALIZED,
  /** The user rejected it. */
  REJECTED,
  /** Revoked through the continuation URI; its tokens are dead. */
  REVOKED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.opkit.mock.store;

import dev.opkit.protocol.model.InteractFinish;
import java.time.Instant;
import java.util.Objects;

/**
 * The user-facing part of an interactive grant (RFC 9635 §4): where the user goes ({@code
 * {auth}/interact/{id}/{urlNonce}}), the AS's finish nonce for the hash, how the client wants to
 * hear back, and until when the page works.
 *
 * @param id the interaction id in the URL
 * @param urlNonce a second random part of the URL, so ids alone cannot be guessed into a page
 * @param finishNonce the AS nonce returned as {@code interact.finish} (hash input line 2)
 * @param finish the client's {@code interact.finish}, or null when the client polls
 * @param expiresAt when the page stops working, by the session clock
 */
public record Interaction(
    String id, String urlNonce, String finishNonce, InteractFinish finish, Instant expiresAt) {
  public Interaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(urlNonce, "urlNonce");
    Objects.requireNonNull(finishNonce, "finishNonce");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the page has stopped working at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}

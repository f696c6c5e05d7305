package dev.opkit.client.recurring;

import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.Continue;
import java.time.Instant;
import java.util.Objects;

/**
 * The outgoing-payment grant once issued: the current access token (replaced at each rotation), the
 * continuation to cancel the grant with, and when the token was issued.
 *
 * @param accessToken the current token, with its manage URL
 * @param continuation the grant's continuation (URI and token), for cancelling
 * @param tokenIssuedAt when this token was issued or last rotated, by the schedule's clock
 */
public record IssuedGrant(AccessToken accessToken, Continue continuation, Instant tokenIssuedAt) {
  public IssuedGrant {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(continuation, "continuation");
    Objects.requireNonNull(tokenIssuedAt, "tokenIssuedAt");
  }

  /** This grant with a rotated token. */
  public IssuedGrant rotated(AccessToken token, Instant at) {
    return new IssuedGrant(token, continuation, at);
  }
}

package dev.opkit.client.recurring;

import dev.opkit.protocol.model.Continue;
import java.time.Instant;
import java.util.Objects;

/**
 * An outgoing-payment grant waiting for the user (RFC 9635 §4): where to send them, the nonces of
 * the finish hash, and the continuation to finish the grant with.
 *
 * @param redirect the {@code interact.redirect} URL
 * @param finishUri the {@code interact.finish.uri} the schedule gave
 * @param clientNonce the schedule's {@code interact.finish.nonce}
 * @param serverNonce the authorization server's {@code interact.finish}
 * @param continuation where and with which token to continue, and the {@code wait}
 * @param requestedAt when the grant answer arrived, by the schedule's clock
 */
public record PendingConsent(
    String redirect,
    String finishUri,
    String clientNonce,
    String serverNonce,
    Continue continuation,
    Instant requestedAt) {

  public PendingConsent {
    Objects.requireNonNull(redirect, "redirect");
    Objects.requireNonNull(finishUri, "finishUri");
    Objects.requireNonNull(clientNonce, "clientNonce");
    Objects.requireNonNull(serverNonce, "serverNonce");
    Objects.requireNonNull(continuation, "continuation");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}

package dev.opkit.client.interaction;

import dev.opkit.protocol.gnap.FinishHash;
import java.util.Objects;

/**
 * An interaction the authorization server asked for (RFC 9635 §4.1; PROTOCOL.md §4.2): where to
 * send the user, where the server will send the user back, and the values the finish {@code hash}
 * is computed from.
 *
 * @param redirect the {@code interact.redirect} URL to send the user to
 * @param finishUri the {@code interact.finish.uri} the client gave
 * @param clientNonce the {@code interact.finish.nonce} the client gave
 * @param serverNonce the {@code interact.finish} nonce the server answered with
 * @param grantEndpoint the grant endpoint URI the client posted to (the wallet's {@code
 *     authServer})
 */
public record Interaction(
    String redirect,
    String finishUri,
    String clientNonce,
    String serverNonce,
    String grantEndpoint) {

  public Interaction {
    Objects.requireNonNull(redirect, "redirect");
    Objects.requireNonNull(finishUri, "finishUri");
    Objects.requireNonNull(clientNonce, "clientNonce");
    Objects.requireNonNull(serverNonce, "serverNonce");
    Objects.requireNonNull(grantEndpoint, "grantEndpoint");
  }

  /** Whether {@code hash} is the finish hash for {@code interactRef}, in either encoding. */
  public boolean hashMatches(String interactRef, String hash) {
    return new FinishHash(clientNonce, serverNonce, interactRef, grantEndpoint).matches(hash);
  }
}

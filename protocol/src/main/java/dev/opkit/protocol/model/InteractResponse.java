package dev.opkit.protocol.model;

/**
 * The {@code interact} member of a grant response (auth-server {@code interact-response}): the
 * {@code redirect} URL to send the user to and the AS's {@code finish} nonce for the finish hash.
 */
public record InteractResponse(String redirect, String finish) {
  public InteractResponse {
    Fields.required(redirect, "interact response", "redirect");
    Fields.required(finish, "interact response", "finish");
  }
}

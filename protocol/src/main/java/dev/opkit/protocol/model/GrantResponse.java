package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a grant request or a continuation request (auth-server {@code post-request} and
 * {@code post-continue} 200; RFC 9635 §3): either {@code interact} (the user must interact first)
 * or an {@code access_token}, possibly a {@code subject}, and always {@code continue}.
 */
public record GrantResponse(
    InteractResponse interact,
    @JsonProperty("access_token") AccessToken accessToken,
    @JsonProperty("continue") Continue continuation,
    Subject subject) {

  public GrantResponse {
    Fields.required(continuation, "grant response", "continue");
  }

  /** The grant needs interaction: {@code {"interact":…,"continue":…}}. */
  public static GrantResponse interactionRequired(InteractResponse interact, Continue cont) {
    return new GrantResponse(interact, null, cont, null);
  }

  /** The grant is approved: {@code {"access_token":…,"continue":…}}. */
  public static GrantResponse approved(AccessToken token, Continue cont) {
    return new GrantResponse(null, token, cont, null);
  }
}

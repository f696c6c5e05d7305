package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A grant request, the body of {@code POST {authServer}} (auth-server {@code post-request}; RFC
 * 9635 §2): the rights asked for ({@code access_token}), who asks ({@code client}), how the user
 * can interact ({@code interact}) and the {@code subject} asked about. {@code client} is required;
 * the spec's two forms need either {@code access_token} or {@code subject} plus {@code interact},
 * which the authorization server checks (invalid_request), not this record.
 */
public record GrantRequest(
    @JsonProperty("access_token") AccessTokenRequest accessToken,
    GrantClient client,
    InteractRequest interact,
    Subject subject) {

  public GrantRequest {
    Fields.required(client, "grant request", "client");
  }
}

package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a token rotation, {@code POST {manage}} (auth-server {@code post-token}; RFC 9635
 * §6.1): {@code {"access_token": {...}}} with the new value and manage URL.
 */
public record TokenResponse(@JsonProperty("access_token") AccessToken accessToken) {
  public TokenResponse {
    Fields.required(accessToken, "token response", "access_token");
  }
}

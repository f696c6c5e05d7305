package dev.opkit.protocol.model;

/** The continuation access token, {@code {"value": "..."}} (auth-server {@code continue}). */
public record ContinueToken(String value) {
  public ContinueToken {
    Fields.required(value, "continue.access_token", "value");
  }
}

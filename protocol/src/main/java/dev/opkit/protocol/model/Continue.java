package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code continue} member of a grant response (auth-server schema {@code continue}; RFC 9635
 * §3.1): the continuation token, the URI to continue at with {@code Authorization: GNAP <token>},
 * and optionally how many seconds to {@code wait} before doing so ({@link #waitSeconds()}; a record
 * component cannot be named {@code wait}).
 */
public record Continue(
    @JsonProperty("access_token") ContinueToken accessToken,
    String uri,
    @JsonProperty("wait") Integer waitSeconds) {

  public Continue {
    Fields.required(accessToken, "continue", "access_token");
    Fields.required(uri, "continue", "uri");
  }

  /** A continuation with the given token value. */
  public static Continue of(String token, String uri, Integer waitSeconds) {
    return new Continue(new ContinueToken(token), uri, waitSeconds);
  }
}

package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An issued access token (auth-server schema {@code access_token}; RFC 9635 §3.2.1): its {@code
 * value}, the {@code manage} URL to rotate or revoke it, the seconds until it expires ({@code
 * expires_in}, optional), and the {@code access} it grants.
 */
public record AccessToken(
    String value,
    String manage,
    @JsonProperty("expires_in") Integer expiresIn,
    List<AccessItem> access) {

  public AccessToken {
    Fields.required(value, "access_token", "value");
    Fields.required(manage, "access_token", "manage");
    access = Fields.requiredList(access, "access_token", "access");
  }
}

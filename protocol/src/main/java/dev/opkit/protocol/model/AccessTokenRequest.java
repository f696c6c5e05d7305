package dev.opkit.protocol.model;

import java.util.List;

/**
 * The {@code access_token} member of a grant request: {@code {"access": [...]}} (RFC 9635 §2.1).
 */
public record AccessTokenRequest(List<AccessItem> access) {
  public AccessTokenRequest {
    access = Fields.requiredList(access, "grant request access_token", "access");
  }

  /** A request for the given items. */
  public static AccessTokenRequest of(AccessItem... items) {
    return new AccessTokenRequest(List.of(items));
  }
}

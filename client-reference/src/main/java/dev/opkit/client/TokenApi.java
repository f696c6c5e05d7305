package dev.opkit.client;

import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.TokenResponse;
import java.util.Objects;

/**
 * Access token management at its {@code manage} URL (auth-server spec: {@code post-token}, {@code
 * delete-token}; RFC 9635 §6). Both calls are signed.
 */
public final class TokenApi {
  private final Transport transport;

  TokenApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code POST {manage}}: a new token for the same access; the old one stops working. */
  public AccessToken rotate(AccessToken token) {
    return rotate(token.manage(), token.value());
  }

  /** {@code POST {manageUrl}} with {@code Authorization: GNAP <accessToken>}. */
  public AccessToken rotate(String manageUrl, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer = transport.call(Endpoint.POST_TOKEN, manageUrl, accessToken, null);
    return transport.read(answer, TokenResponse.class).accessToken();
  }

  /** {@code DELETE {manage}}: revokes the token. */
  public void revoke(AccessToken token) {
    revoke(token.manage(), token.value());
  }

  /** {@code DELETE {manageUrl}} with {@code Authorization: GNAP <accessToken>}. */
  public void revoke(String manageUrl, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    transport.expectNoContent(transport.call(Endpoint.DELETE_TOKEN, manageUrl, accessToken, null));
  }
}

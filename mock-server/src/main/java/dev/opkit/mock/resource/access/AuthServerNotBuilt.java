package dev.opkit.mock.resource.access;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;

/**
 * The resource server's access decision while the sandbox has no auth server yet: no token can have
 * been issued, so every request is refused with 401 and a description that says so.
 */
public final class AuthServerNotBuilt implements ResourceAccess {
  @Override
  public Grantee authorize(AccessRequest request) {
    String reason =
        request.authorizationHeader().isEmpty()
            ? "this request needs an access token: send Authorization: GNAP <token>"
            : "the sandbox's auth server is not built yet, so it has issued no access token;"
                + " no token can be valid";
    throw new ApiException(401, ErrorCodes.UNAUTHORIZED, reason)
        .withHeader("WWW-Authenticate", "GNAP as_uri=" + request.authServer());
  }
}

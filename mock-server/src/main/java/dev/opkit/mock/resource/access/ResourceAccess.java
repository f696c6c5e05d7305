package dev.opkit.mock.resource.access;

/**
 * The resource server's question to the auth server: may this signed request do this? Every
 * protected resource-server operation asks it before touching state (PROTOCOL.md §7: token, access
 * matching, then signature). The auth server of the sandbox answers it by token introspection,
 * access matching and signature verification against the client's keys.
 */
@FunctionalInterface
public interface ResourceAccess {
  /**
   * Decides on a request.
   *
   * @return who is allowed, and by which access item
   * @throws dev.opkit.mock.http.ApiException 401 when the request carries no valid token or
   *     signature, 403 when the token does not grant the access asked for
   */
  Grantee authorize(AccessRequest request);
}

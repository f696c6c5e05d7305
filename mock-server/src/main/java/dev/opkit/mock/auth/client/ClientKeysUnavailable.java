package dev.opkit.mock.auth.client;

/**
 * The client's keys could not be had: its wallet address does not answer, answers with something
 * that is not a JWK set, or lists the signing key in a form that is not an Ed25519 JWK. The auth
 * server answers 400 {@code invalid_client}, the resource server 401 (PROTOCOL.md §4.5).
 */
public final class ClientKeysUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClientKeysUnavailable(String message) {
    super(message);
  }

  public ClientKeysUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.opkit.mock.auth.client;

/**
 * Which kind of endpoint a signed request went to; it decides the status of a refusal (PROTOCOL.md
 * §4.5 for the auth server, §7 for the resource server).
 */
public enum RequestKind {
  GRANT_REQUEST("grant request", true),
  CONTINUATION("continuation", true),
  TOKEN_MANAGEMENT("token management", true),
  RESOURCE_SERVER("resource server", false);

  private final String label;
  private final boolean authServer;

  RequestKind(String label, boolean authServer) {
    this.label = label;
    this.authServer = authServer;
  }

  /** How the request journal names it. */
  public String label() {
    return label;
  }

  /**
   * The status for a refusal: the auth server answers 400 when the client's key cannot be found or
   * fetched and 401 for the signature itself; the resource server answers 401 for everything.
   */
  public int status(boolean keyProblem) {
    return authServer && keyProblem ? 400 : 401;
  }
}

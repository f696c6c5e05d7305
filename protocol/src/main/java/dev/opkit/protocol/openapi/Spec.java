package dev.opkit.protocol.openapi;

/**
 * The three Open Payments OpenAPI documents bundled under {@code openapi/} on the classpath (Open
 * Payments 1.3.0; see {@code openapi/SOURCE.md}).
 */
public enum Spec {
  /** The GNAP authorization server: grant requests, continuation, token management. */
  AUTH_SERVER("auth-server.yaml"),
  /** The resource server: incoming payments, quotes, outgoing payments. */
  RESOURCE_SERVER("resource-server.yaml"),
  /** The wallet address server: the wallet address document and its keys. */
  WALLET_ADDRESS_SERVER("wallet-address-server.yaml");

  private final String fileName;

  Spec(String fileName) {
    this.fileName = fileName;
  }

  /** The document's file name, e.g. {@code resource-server.yaml}. */
  public String fileName() {
    return fileName;
  }

  /** Where the document lies on the classpath, e.g. {@code openapi/resource-server.yaml}. */
  public String resourcePath() {
    return "openapi/" + fileName;
  }

  /** The IRI schema locations within this document are reported against. */
  public String iri() {
    return "classpath:" + resourcePath();
  }
}

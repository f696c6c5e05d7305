package dev.opkit.protocol.keys;

import dev.opkit.protocol.ProtocolException;

/**
 * A key (JWK, PEM or raw bytes) that is not a usable Ed25519 key. {@link #field()} names the part
 * that is wrong (a JWK member such as {@code "x"}, or {@code "pem"}), so a caller can point at it.
 */
public class KeyFormatException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public KeyFormatException(String field, String message) {
    super(message);
    this.field = field;
  }

  public KeyFormatException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The JWK member or key part that is wrong, e.g. {@code "crv"}, {@code "x"} or {@code "pem"}. */
  public String field() {
    return field;
  }
}

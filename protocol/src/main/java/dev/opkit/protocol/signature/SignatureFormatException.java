package dev.opkit.protocol.signature;

import dev.opkit.protocol.ProtocolException;

/**
 * A signature header or covered component that cannot be read: malformed structured fields (RFC
 * 8941), unsupported or duplicated component identifiers, or a covered header the message lacks
 * (RFC 9421 §2.5).
 */
public class SignatureFormatException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public SignatureFormatException(String message) {
    super(message);
  }

  public SignatureFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

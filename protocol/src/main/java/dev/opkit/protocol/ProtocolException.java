package dev.opkit.protocol;

/**
 * Base of every error this module raises when input breaks an Open Payments rule. The message is
 * written for the person who sent the input: it names the value and the rule it broke.
 */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}

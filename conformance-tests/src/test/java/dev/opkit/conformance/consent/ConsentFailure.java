package dev.opkit.conformance.consent;

/**
 * A consent page could not be answered: the consent command failed, the identity provider refused
 * the kit, or nothing answered. Not a refusal by the wallet; the message says what to fix.
 */
public final class ConsentFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConsentFailure(String message) {
    super(message);
  }

  public ConsentFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

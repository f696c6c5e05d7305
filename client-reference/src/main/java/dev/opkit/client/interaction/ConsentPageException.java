package dev.opkit.client.interaction;

/** The consent page could not be loaded or submitted, so the interaction could not finish. */
public final class ConsentPageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConsentPageException(String message) {
    super(message);
  }

  public ConsentPageException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.opkit.client.recurring;

/** The state file is missing, unreadable, of another version, or belongs to another schedule. */
public final class StateFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateFileException(String message) {
    super(message);
  }

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.opkit.conformance.targets;

/**
 * The kit cannot run against the configured target: a setting is missing or wrong, or the target
 * does not answer as it must before any scenario can mean anything. The message says what to fix;
 * there is no stack trace, because the cause is the configuration, not the code.
 */
public final class KitSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KitSetupException(String message) {
    super(message, null, false, false);
  }

  @Override
  public String toString() {
    return "The conformance kit cannot start: " + getMessage();
  }
}

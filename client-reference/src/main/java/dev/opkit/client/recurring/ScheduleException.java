package dev.opkit.client.recurring;

/**
 * A wallet answered in a way the recurring-payments flow cannot go on from, e.g. it wants the user
 * to interact for an incoming-payment grant. The message says what happened and what to do.
 */
public final class ScheduleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScheduleException(String message) {
    super(message);
  }
}

package dev.opkit.bench;

/** A request of a benchmark journey got an answer it should not have; the message says which. */
final class JourneyFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JourneyFailure(String message) {
    super(message);
  }

  JourneyFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

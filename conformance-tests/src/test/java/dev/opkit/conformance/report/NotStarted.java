package dev.opkit.conformance.report;

import dev.opkit.conformance.targets.KitSetupException;

/** The one message for a run that ended before any scenario: what went wrong, and what to fix. */
final class NotStarted {
  private NotStarted() {}

  static String message(Throwable error) {
    if (error instanceof KitSetupException) {
      return error.toString();
    }
    return "The conformance kit stopped before any scenario ran: " + error;
  }
}

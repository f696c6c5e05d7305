package dev.opkit.client.cli;

/**
 * The exit codes of {@code opm}, so scripts and cron jobs can tell failures apart. Documented in
 * the README; keep the two in step.
 */
public final class ExitCodes {
  /** Done; for {@code recurring run} also: nothing was due, or the schedule completed. */
  public static final int OK = 0;

  /** An unexpected error inside opm (a bug); {@code --verbose} prints the stack trace. */
  public static final int INTERNAL = 1;

  /** Bad or missing options or arguments: an unknown command, an amount, interval or key file. */
  public static final int USAGE = 2;

  /** A wallet answered with an error status (4xx or 5xx). */
  public static final int API_ERROR = 3;

  /** No answer from a wallet: time-out, connection refused, unknown host. */
  public static final int NETWORK = 4;

  /** A wallet's answer broke the Open Payments 1.3.0 specs. */
  public static final int INVALID_RESPONSE = 5;

  /** The user's consent was not obtained: rejected, failed, or timed out. */
  public static final int CONSENT = 6;

  /**
   * The schedule stopped: limit spent, grant over, grant revoked, a payment refused, or the one
   * payment of {@code opm pay} failed.
   */
  public static final int STOPPED = 7;

  /** The state file is missing, unreadable, or holds another schedule or client. */
  public static final int STATE_FILE = 8;

  /**
   * A payment is not made yet, but the schedule goes on: the wallet failed it and the next {@code
   * recurring run} pays its period again with a new quote, or it is still in progress and the next
   * run checks it again.
   */
  public static final int NOT_PAID_YET = 9;

  private ExitCodes() {}
}

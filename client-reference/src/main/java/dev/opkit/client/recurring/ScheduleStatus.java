package dev.opkit.client.recurring;

/** Where a schedule stands. Every status but the first three is final. */
public enum ScheduleStatus {
  /** Wallets read, the first period being prepared, no grant yet. */
  STARTING(false),
  /** The outgoing-payment grant waits for the user's consent. */
  AWAITING_CONSENT(false),
  /** The grant is issued; payments are made as their periods come. */
  ACTIVE(false),
  /** Every period has passed. */
  COMPLETED(true),
  /** The user rejected the grant. */
  CONSENT_REJECTED(true),
  /**
   * The interaction did not finish: time-out, error redirect, or a finish hash that did not match.
   */
  CONSENT_FAILED(true),
  /** The wallet refused a payment because the period's limit is spent. */
  LIMIT_SPENT(true),
  /**
   * The wallet granted (or lowered the grant to) less than one period's amount, so no payment fits
   * it; a new grant is needed.
   */
  LIMIT_REDUCED(true),
  /** The wallet refused a payment because the grant's last period is over. */
  GRANT_OVER(true),
  /** The grant or its access token was revoked. */
  REVOKED(true),
  /** The wallet refused a payment for another reason; the detail says which. */
  REFUSED(true),
  /** The single payment of a one-off schedule failed at the wallet; nothing more is tried. */
  PAYMENT_FAILED(true),
  /** Cancelled by the user; the grant was revoked. */
  CANCELLED(true);

  private final boolean finished;

  ScheduleStatus(boolean finished) {
    this.finished = finished;
  }

  /** Whether the schedule will make no more payments. */
  public boolean finished() {
    return finished;
  }
}

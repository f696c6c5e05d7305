package dev.opkit.client.recurring;

/**
 * Which side of each payment the amount fixes: what leaves the sender's wallet ({@code
 * debitAmount}) or what arrives in the receiver's ({@code receiveAmount}). The grant's limit is on
 * the same side (auth-server {@code limits-outgoing}).
 */
public enum AmountSide {
  /** The sender pays this much each period, in the sender wallet's asset. */
  DEBIT,
  /** The receiver gets this much each period, in the receiver wallet's asset. */
  RECEIVE
}

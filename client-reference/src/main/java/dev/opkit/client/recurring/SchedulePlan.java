package dev.opkit.client.recurring;

import java.util.Objects;

/**
 * What to pay: from which wallet address to which, how much per payment and on which side, and how
 * often (an ISO 8601 repeating interval such as {@code R12/2025-05-20T13:00:00Z/P1M}; one payment
 * per window). Without an interval the plan is a single payment.
 *
 * @param sender the sending wallet address URL
 * @param receiver the receiving wallet address URL
 * @param amount the amount per payment in human units, e.g. {@code 5.00}, converted with the asset
 *     scale of the wallet on {@code side}
 * @param side whether the amount is debited or received
 * @param interval the repeating interval, or null for one payment
 */
public record SchedulePlan(
    String sender, String receiver, String amount, AmountSide side, String interval) {

  public SchedulePlan {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(side, "side");
  }

  /** A recurring plan. */
  public static SchedulePlan recurring(
      String sender, String receiver, String amount, AmountSide side, String interval) {
    return new SchedulePlan(
        sender, receiver, amount, side, Objects.requireNonNull(interval, "interval"));
  }

  /** A single payment. */
  public static SchedulePlan once(String sender, String receiver, String amount, AmountSide side) {
    return new SchedulePlan(sender, receiver, amount, side, null);
  }
}
